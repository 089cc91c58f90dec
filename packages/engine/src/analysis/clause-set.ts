// A conjunction of literals grouped by fact: contradictions, joint satisfiability and implication between them.
import { contradictionCore, contradicts } from './contradiction.ts';
import { negate, type Literal } from './literal.ts';
import type { Conjunction } from './normal-form.ts';

/** The literals of one conjunction by subject (fact plus params). */
export type ClauseSet = ReadonlyMap<string, readonly Literal[]>;

export function clauseSetOf(literals: Conjunction): ClauseSet {
  const set = new Map<string, Literal[]>();
  for (const literal of literals) {
    const group = set.get(literal.subject);
    if (!group) set.set(literal.subject, [literal]);
    else if (!group.some((other) => other.key === literal.key && other.negated === literal.negated)) group.push(literal);
  }
  return set;
}

/** The literals that cannot all hold, or undefined when none were found. */
export function conflictIn(set: ClauseSet): Literal[] | undefined {
  for (const group of set.values()) if (contradicts(group)) return contradictionCore(group);
  return undefined;
}

/** Both sets together. */
export function union(left: ClauseSet, right: ClauseSet): ClauseSet {
  const merged = new Map<string, Literal[]>();
  for (const set of [left, right]) for (const [subject, group] of set) merged.set(subject, [...(merged.get(subject) ?? []), ...group]);
  return merged;
}

/** The literals every set holds. */
export function commonPart(sets: readonly ClauseSet[]): ClauseSet {
  const [first, ...rest] = sets;
  const common = new Map<string, Literal[]>();
  for (const [subject, group] of first ?? []) {
    const shared = group.filter((literal) =>
      rest.every((set) => set.get(subject)?.some((other) => other.key === literal.key && other.negated === literal.negated)),
    );
    if (shared.length > 0) common.set(subject, shared);
  }
  return common;
}

/** Whether two sets, each free of contradictions, contradict each other: only facts both constrain can. */
export function contradictEachOther(left: ClauseSet, right: ClauseSet): boolean {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  for (const [subject, group] of small) {
    const other = large.get(subject);
    if (other && contradicts([...group, ...other])) return true;
  }
  return false;
}

/** Whether every value satisfying `premise` satisfies each literal of `conclusion` (premise ∧ ¬literal is impossible). */
export function implies(premise: ClauseSet, conclusion: Conjunction): boolean {
  return conclusion.every((literal) => contradicts([...(premise.get(literal.subject) ?? []), negate(literal)]));
}
