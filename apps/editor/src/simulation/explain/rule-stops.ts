// Where a rule that did not fire stopped: the condition node whose outcome blocked it, and the branch it needed.
// Read from the rule's condition trace, where each condition node's group carries its node id and branch.
import type { ConditionTrace, RuleTrace } from '@mentionflow/engine';
import type { Branch } from '../../editor/store/path-view.ts';

export interface RuleStop {
  readonly nodeId: string;
  /** The branch the rule needed and the mention did not take. */
  readonly needed: Branch;
}

const opposite = (branch: Branch): Branch => (branch === 'yes' ? 'no' : 'yes');

/** The condition nodes whose outcome made `trace` differ from `wanted`. */
function culprits(trace: ConditionTrace, wanted: boolean): RuleStop[] {
  if (trace.kind === 'fact' || trace.result === wanted) return [];
  if (trace.nodeId !== undefined && trace.branch !== undefined) return [{ nodeId: trace.nodeId, needed: wanted ? trace.branch : opposite(trace.branch) }];
  if (trace.kind === 'not') return trace.children[0] ? culprits(trace.children[0], !wanted) : [];
  return trace.children.filter((child) => child.result !== wanted).flatMap((child) => culprits(child, wanted));
}

/**
 * The nodes where `rule` stopped. Given the nodes the mention reached, only those on its way count: a condition
 * further on that would also have failed is not where it stopped, and when the trigger itself did not match
 * (nothing reached) the rule stopped before any condition and the list is empty. Empty for a rule that fired.
 * A node reached by two paths can stop a rule on both, e.g. `[{ nodeId: 'a', needed: 'yes' }, { nodeId: 'b', needed: 'yes' }]`.
 */
export function ruleStops(rule: RuleTrace, reached?: ReadonlySet<string>): RuleStop[] {
  if (rule.fired) return [];
  const seen = new Set<string>();
  const found = culprits(rule.conditions, true).filter((stop) => !seen.has(stop.nodeId) && Boolean(seen.add(stop.nodeId)));
  return reached ? found.filter((stop) => reached.has(stop.nodeId)) : found;
}
