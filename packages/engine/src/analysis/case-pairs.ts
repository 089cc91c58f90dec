// Comparing two rules case by case, within a budget: past it, pairs are skipped rather than guessed about.
import type { StageCases } from './analyzed-rule.ts';
import { contradictEachOther, implies } from './clause-set.ts';

/** Case comparisons one analysis may make, however many rules and cases it is given. */
export const MAX_CASE_COMPARISONS = 500_000;

/** The comparisons an analysis has left; spent deterministically, in the order pairs are compared. */
export class CaseBudget {
  private left: number;

  constructor(comparisons = MAX_CASE_COMPARISONS) {
    this.left = comparisons;
  }

  spend(): boolean {
    if (this.left <= 0) return false;
    this.left -= 1;
    return true;
  }
}

/** Whether two rules are proven never to fire together from what each of their cases requires: no budget needed. */
export function provenDisjoint(left: StageCases, right: StageCases): boolean {
  return contradictEachOther(left.common, right.common);
}

/** Whether some case of each may hold together (not proven disjoint); undefined when the budget ran out. */
export function mayHoldTogether(left: StageCases, right: StageCases, budget: CaseBudget): boolean | undefined {
  for (const a of left.cases) {
    for (const b of right.cases) {
      if (!budget.spend()) return undefined;
      if (!contradictEachOther(a.set, b.set)) return true;
    }
  }
  return false;
}

/** Whether every case of `narrow` implies some case of `broad` (whatever fires `narrow` fires `broad`); undefined when the budget ran out. */
export function covers(broad: StageCases, narrow: StageCases, budget: CaseBudget): boolean | undefined {
  for (const b of narrow.cases) {
    let implied = false;
    for (const a of broad.cases) {
      if (!budget.spend()) return undefined;
      if ((implied = implies(b.set, a.literals))) break;
    }
    if (!implied) return false;
  }
  return true;
}
