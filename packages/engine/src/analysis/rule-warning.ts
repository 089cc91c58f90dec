// The warnings rule analysis returns: problems of severity `warning`, placed on an action node of a workflow.
import type { Problem } from '../compiler/problem.ts';
import { findNodeSpec } from '../nodes/registry.ts';
import type { AnalyzedRule } from './analyzed-rule.ts';

export interface RuleNodeRef {
  readonly workflowId: string;
  readonly nodeId: string;
}

export interface RuleWarning extends Problem {
  readonly code: 'never_true' | 'shadowed_route' | 'conflicting_routes';
  readonly severity: 'warning';
  /** The workflow `nodeId` belongs to: node ids are unique within a workflow only. */
  readonly workflowId: string;
  readonly nodeId: string;
  readonly relatedNodeIds: readonly string[];
  /** `relatedNodeIds` with their workflows (a route can lose to a route of another workflow). */
  readonly relatedNodes: readonly RuleNodeRef[];
}

export function ruleWarning(code: RuleWarning['code'], message: string, at: AnalyzedRule, related: readonly RuleNodeRef[]): RuleWarning {
  const unique = new Map(related.map((ref) => [`${ref.workflowId}\u0000${ref.nodeId}`, ref]));
  const relatedNodes = [...unique.values()];
  return {
    code,
    severity: 'warning',
    message,
    workflowId: at.workflow.workflowId,
    nodeId: at.nodeId,
    relatedNodeIds: relatedNodes.map((ref) => ref.nodeId),
    relatedNodes,
  };
}

export function refOf(rule: AnalyzedRule): RuleNodeRef {
  return { workflowId: rule.workflow.workflowId, nodeId: rule.nodeId };
}

/** How a message names a rule's node: by id and what it does, with its workflow when that differs from `from`'s. */
export function nameOf(rule: AnalyzedRule, from?: AnalyzedRule): string {
  const action = rule.fired.action;
  const does = rule.route
    ? `route to “${rule.route.queue}”, rank ${rule.route.rank}`
    : (findNodeSpec(action.type)?.label ?? action.type).toLowerCase();
  const where = from && from.workflow.workflowId !== rule.workflow.workflowId ? ` in workflow “${rule.workflow.name}”` : '';
  return `“${rule.nodeId}” (${does})${where}`;
}
