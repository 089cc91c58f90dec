// Graph → json-rules-engine rules. One rule per action node; its conditions are every path that reaches it.
import type { ActionNodeSpec, ConditionNodeSpec, TriggerNodeSpec } from '../nodes/node-spec.ts';
import type { WorkflowKind } from '../workflow/workflow-kind.ts';
import { analyzeWorkflow, type AnalyzeOptions, type WorkflowAnalysis } from './analyze-workflow.ts';
import { and, anyOf, countLeaves, not, toTopLevel, type Reach } from './condition-algebra.ts';
import { problem, type Problem } from './problem.ts';
import type { RuleCondition, RuleJson, TopLevelCondition } from './rule-json.ts';

/** The product's bound on one rule's size: diamonds of conditions can multiply paths. */
const MAX_LEAVES_PER_RULE = 2000;

export interface CompiledWorkflow {
  readonly workflowId: string;
  readonly name: string;
  readonly kind: WorkflowKind;
  /** The published version that produced these rules, when the host knows it. */
  readonly version?: number;
  readonly rules: readonly RuleJson[];
  /** For every reachable node, the condition under which a subject reaches it (for traces and canvas highlights). */
  readonly reach: Readonly<Record<string, TopLevelCondition>>;
}

export type CompileResult =
  | { readonly ok: true; readonly workflow: CompiledWorkflow; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface CompileOptions extends AnalyzeOptions {
  readonly version?: number;
}

/** Validate and compile. Same graph in, same JSON out; a graph with problems yields no rules. */
export function compileWorkflow(input: unknown, options: CompileOptions = {}): CompileResult {
  const analysis = analyzeWorkflow(input, options);
  if (analysis.problems.some((found) => found.severity === 'error') || !analysis.workflow || !analysis.triggerId) {
    return { ok: false, problems: analysis.problems };
  }
  const { reach, tooComplex } = reachOfNodes(analysis);
  const problems: Problem[] = tooComplex.map((id) =>
    problem('too_complex', 'So many paths lead here that the rule would be too large; simplify the branches before it.', { nodeId: id }),
  );
  const workflowId = analysis.workflow.id;
  const rules: RuleJson[] = [];
  for (const id of analysis.order) {
    const node = analysis.nodes.get(id)!;
    if (node.spec.category !== 'action' || !reach.has(id)) continue;
    const conditions = reach.get(id)!;
    const spec = node.spec as ActionNodeSpec;
    const rank = spec.rankOf(node.data);
    const action = spec.toAction(node.data);
    rules.push({
      name: `${workflowId}:${id}`,
      priority: Math.max(1, 1001 - rank),
      conditions: toTopLevel(conditions),
      event: { type: action.type, params: { action, workflowId, nodeId: id, rank } },
    });
  }
  if (problems.length > 0) return { ok: false, problems: [...analysis.problems, ...problems] };
  rules.sort((a, b) => a.event.params.rank - b.event.params.rank || compareIds(a.event.params.nodeId, b.event.params.nodeId));
  const reachJson: Record<string, TopLevelCondition> = {};
  for (const id of [...reach.keys()].sort(compareIds)) reachJson[id] = toTopLevel(reach.get(id)!);
  const workflow: CompiledWorkflow = {
    workflowId,
    name: analysis.workflow.name,
    kind: analysis.workflow.kind,
    ...(options.version !== undefined ? { version: options.version } : {}),
    rules,
    reach: reachJson,
  };
  return { ok: true, workflow, problems: analysis.problems };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Walk the graph in topological order: a node is reached when any incoming path is taken. Diamonds of conditions
 * double a condition at every level, so a node whose condition passes the rule-size bound is not built on: it and
 * every node after it (unless also reached unconditionally) are reported in `tooComplex` instead of `reach`.
 */
function reachOfNodes(analysis: WorkflowAnalysis): { reach: Map<string, Reach>; tooComplex: string[] } {
  // Converging paths are listed in the order of their connections in the graph, whatever the traversal order.
  const edgeOrder = new Map(analysis.workflow!.graph.edges.map((edge, index) => [edge.id, index]));
  // `undefined` stands for a path whose condition is over the bound.
  const incoming = new Map<string, { order: number; reach: Reach | undefined }[]>();
  const reach = new Map<string, Reach>();
  const tooComplex: string[] = [];
  for (const id of analysis.order) {
    const node = analysis.nodes.get(id)!;
    let here: Reach | undefined;
    if (node.spec.category === 'trigger') here = (node.spec as TriggerNodeSpec).toCondition(node.data);
    else {
      const paths = (incoming.get(id) ?? []).sort((a, b) => a.order - b.order).map((entry) => entry.reach);
      if (paths.some((path) => path === null)) here = null;
      else if (paths.some((path) => path === undefined)) here = undefined;
      else here = anyOf(paths as RuleCondition[]);
      if (here && countLeaves(here) > MAX_LEAVES_PER_RULE) here = undefined;
    }
    if (here === undefined) tooComplex.push(id);
    else reach.set(id, here);
    const own = node.spec.category === 'condition' ? (node.spec as ConditionNodeSpec).toCondition(node.data, id) : null;
    for (const edge of analysis.outgoing.get(id) ?? []) {
      let taken: Reach | undefined = here;
      if (own && here !== undefined) taken = and(here, edge.sourceHandle === 'no' ? not(own, `${id}:no`) : own);
      const list = incoming.get(edge.target) ?? [];
      list.push({ order: edgeOrder.get(edge.id) ?? 0, reach: taken });
      incoming.set(edge.target, list);
    }
  }
  return { reach, tooComplex };
}
