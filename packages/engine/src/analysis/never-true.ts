// Warning 1: an action whose rule can never fire, because on every path to it the conditions contradict each other.
import type { AnalyzedRule } from './analyzed-rule.ts';
import { conflictIn, union } from './clause-set.ts';
import { describeLiteral, type Literal } from './literal.ts';
import { ruleWarning, nameOf, type RuleWarning } from './rule-warning.ts';
import { STAGE_SCOPES } from './stages.ts';

export function neverTrueWarnings(rules: readonly AnalyzedRule[]): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  for (const rule of rules) {
    if (!rule.expanded) continue;
    const reasons = rule.possible.length === 0 ? rule.contradictions.map(contradiction) : stageReasons(rule);
    if (!reasons) continue;
    const involved = reasons.flatMap((reason) => reason.literals.flatMap((literal) => (literal.nodeId ? [literal.nodeId] : [])));
    const related = [...new Set(involved)].sort().map((nodeId) => ({ workflowId: rule.workflow.workflowId, nodeId }));
    const first = reasons[0]?.text ?? 'its conditions can never hold';
    const others = reasons.length > 1 ? ' (every other path to it has a contradiction of its own)' : '';
    warnings.push(ruleWarning('never_true', `${nameOf(rule)} can never run: ${first}${others}.`, rule, related));
  }
  return warnings;
}

interface Reason {
  readonly text: string;
  readonly literals: readonly Literal[];
}

function contradiction(literals: readonly Literal[]): Reason {
  const quoted = literals.map((literal) => `“${describeLiteral(literal)}”`);
  const joined = quoted.length > 2 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : quoted.join(' and ');
  return { text: `${joined} cannot ${quoted.length > 2 ? 'all' : 'both'} hold`, literals };
}

/** Conditions that can hold, but never in the stages the rule's workflow runs in (a routing rule on `ticket_resolved`). */
function stageReasons(rule: AnalyzedRule): Reason[] | undefined {
  const scopes = STAGE_SCOPES.filter((scope) => scope.kinds.includes(rule.workflow.kind));
  if (scopes.length === 0 || rule.cases.size > 0) return undefined;
  return rule.possible.flatMap((found) =>
    scopes.flatMap((scope) => {
      const known = new Set([...scope.known.values()].flat());
      const own = (conflictIn(union(found.set, scope.known)) ?? []).filter((literal) => !known.has(literal));
      const text = own.map((literal) => `“${describeLiteral(literal)}”`).join(' and ');
      return [{ text: `${text || 'its conditions'} never holds when ${rule.workflow.kind} workflows run (${scope.stage})`, literals: own }];
    }),
  );
}
