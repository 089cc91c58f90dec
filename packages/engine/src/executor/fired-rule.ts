// A rule that fired: which workflow and node, its rank, and the action it contributes.
import type { Action } from '../decision/action.ts';

export interface FiredRule {
  readonly workflowId: string;
  readonly version?: number;
  readonly ruleId: string;
  readonly nodeId: string;
  readonly rank: number;
  readonly action: Action;
}

/** Lower rank first; then workflow order; then node id. The same order for both executors. */
export function compareFired(workflowOrder: ReadonlyMap<string, number>) {
  return (a: FiredRule, b: FiredRule): number =>
    a.rank - b.rank ||
    (workflowOrder.get(a.workflowId) ?? 0) - (workflowOrder.get(b.workflowId) ?? 0) ||
    (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0);
}
