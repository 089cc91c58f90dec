// Validates a workflow and returns ALL its problems, plus the parsed graph the compiler builds rules from.
import { z } from 'zod';
import { findNodeSpec } from '../nodes/registry.ts';
import type { NodeSpec } from '../nodes/node-spec.ts';
import { subjectOf, type WorkflowKind } from '../workflow/workflow-kind.ts';
import { GRAPH_LIMITS, WorkflowSchema, type GraphEdge, type Workflow } from '../workflow/workflow-schema.ts';
import { bindParameters, type ParameterValues } from './parameters.ts';
import { problem, type Problem } from './problem.ts';
import { validateClause } from './validate-clause.ts';
import type { Clause } from '../nodes/condition/index.ts';

export interface AnalyzedNode {
  readonly id: string;
  readonly spec: NodeSpec;
  readonly data: unknown;
}

export interface WorkflowAnalysis {
  readonly problems: Problem[];
  readonly workflow?: Workflow;
  readonly nodes: ReadonlyMap<string, AnalyzedNode>;
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly triggerId?: string;
  /** Reachable nodes in topological order (trigger first), when the graph is acyclic. */
  readonly order: readonly string[];
}

export interface AnalyzeOptions {
  readonly parameters?: ParameterValues;
}

function issueProblems(error: z.ZodError, nodeId?: string, prefix: (string | number)[] = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
    const where = path.length ? ` (${path.join('.')})` : '';
    return problem(nodeId ? 'invalid_node_data' : 'invalid_workflow', `${issue.message}${where}`, nodeId ? { nodeId, path } : { path });
  });
}

/** Validate: structure, sizes, ids, node data, edges and handles, a single trigger, cycles, reachability. */
export function analyzeWorkflow(input: unknown, options: AnalyzeOptions = {}): WorkflowAnalysis {
  const empty = { nodes: new Map(), outgoing: new Map(), order: [] };
  const parsed = WorkflowSchema.safeParse(input);
  if (!parsed.success) return { ...empty, problems: issueProblems(parsed.error) };
  const workflow = parsed.data;
  const { nodes: graphNodes, edges } = workflow.graph;
  const problems: Problem[] = [];

  if (graphNodes.length > GRAPH_LIMITS.nodes || edges.length > GRAPH_LIMITS.edges) {
    problems.push(
      problem('graph_too_large', `The workflow has ${graphNodes.length} nodes and ${edges.length} connections; the limit is ${GRAPH_LIMITS.nodes} nodes and ${GRAPH_LIMITS.edges} connections.`),
    );
    return { ...empty, workflow, problems };
  }

  const nodes = analyzeNodes(workflow.kind, graphNodes, options.parameters ?? {}, problems);
  const outgoing = analyzeEdges(edges, nodes, problems);
  const triggerId = findTrigger(workflow.kind, nodes, problems);
  const order = triggerId ? orderFrom(triggerId, nodes, outgoing, problems) : [];
  if (triggerId && order.length > 0) {
    const reachable = new Set(order);
    for (const id of nodes.keys()) {
      if (!reachable.has(id)) {
        problems.push(problem('unreachable_node', `“${nodes.get(id)!.spec.label}” cannot be reached from the trigger; connect it or delete it.`, { nodeId: id }));
      }
    }
    if (!order.some((id) => nodes.get(id)!.spec.category === 'action')) {
      problems.push(problem('trigger_without_action', 'The trigger leads to no action: add an action such as “Route to queue”.', { nodeId: triggerId }));
    }
  }
  return { problems, workflow, nodes, outgoing, order, ...(triggerId ? { triggerId } : {}) };
}

function analyzeNodes(kind: WorkflowKind, graphNodes: Workflow['graph']['nodes'], parameters: ParameterValues, problems: Problem[]) {
  const nodes = new Map<string, AnalyzedNode>();
  for (const node of graphNodes) {
    if (nodes.has(node.id)) {
      problems.push(problem('duplicate_id', `Two nodes share the id “${node.id}”.`, { nodeId: node.id }));
      continue;
    }
    const spec = findNodeSpec(node.type);
    if (!spec) {
      problems.push(problem('unknown_node_kind', `There is no node type “${node.type}”.`, { nodeId: node.id }));
      continue;
    }
    if (!spec.workflowKinds.includes(kind)) {
      problems.push(problem('node_not_allowed', `“${spec.label}” cannot be used in a ${kind} workflow.`, { nodeId: node.id }));
    }
    const missing = new Set<string>();
    const bound = bindParameters(node.data, parameters, missing);
    for (const name of missing) {
      problems.push(problem('unknown_parameter', `The parameter “${name}” has no value.`, { nodeId: node.id }));
    }
    const data = spec.dataSchema.safeParse(bound);
    if (!data.success) {
      problems.push(...issueProblems(data.error, node.id));
      nodes.set(node.id, { id: node.id, spec, data: undefined });
      continue;
    }
    if (spec.category === 'condition') {
      const clauses = (data.data as { clauses: Clause[] }).clauses;
      clauses.forEach((clause, index) => problems.push(...validateClause(clause, subjectOf(kind), node.id, index)));
    }
    nodes.set(node.id, { id: node.id, spec, data: data.data });
  }
  return nodes;
}

function analyzeEdges(edges: readonly GraphEdge[], nodes: Map<string, AnalyzedNode>, problems: Problem[]) {
  const outgoing = new Map<string, GraphEdge[]>();
  const edgeIds = new Set<string>();
  for (const edge of edges) {
    if (edgeIds.has(edge.id)) {
      problems.push(problem('duplicate_id', `Two connections share the id “${edge.id}”.`, { edgeId: edge.id }));
      continue;
    }
    edgeIds.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      problems.push(problem('dangling_edge', `A connection points to “${missing}”, which is not in the workflow.`, { edgeId: edge.id }));
      continue;
    }
    const handle = edge.sourceHandle ?? (source.spec.outputs.length === 1 ? source.spec.outputs[0] : undefined);
    if (!handle || !source.spec.outputs.includes(handle)) {
      const expected = source.spec.outputs.length ? source.spec.outputs.join(' or ') : 'nothing (it ends the path)';
      problems.push(
        problem('invalid_handle', `A connection leaves “${source.spec.label}” from “${edge.sourceHandle ?? '(none)'}”; it can only leave from ${expected}.`, { edgeId: edge.id, nodeId: source.id }),
      );
      continue;
    }
    if (target.spec.category === 'trigger') {
      problems.push(problem('edge_into_trigger', 'Nothing can connect into the trigger.', { edgeId: edge.id, nodeId: target.id }));
      continue;
    }
    const list = outgoing.get(source.id) ?? [];
    list.push({ ...edge, sourceHandle: handle });
    outgoing.set(source.id, list);
  }
  return outgoing;
}

function findTrigger(kind: WorkflowKind, nodes: Map<string, AnalyzedNode>, problems: Problem[]): string | undefined {
  const triggers = [...nodes.values()].filter((node) => node.spec.category === 'trigger');
  if (triggers.length === 0) {
    problems.push(problem('missing_trigger', `A ${kind} workflow needs a trigger to start from.`));
    return undefined;
  }
  if (triggers.length > 1) {
    for (const extra of triggers.slice(1)) {
      problems.push(problem('multiple_triggers', 'A workflow has exactly one trigger; delete this one.', { nodeId: extra.id }));
    }
  }
  const trigger = triggers[0]!;
  return trigger.spec.workflowKinds.includes(kind) ? trigger.id : undefined;
}

/** Depth-first from the trigger: reports each cycle once and returns a topological order of what it reaches. */
function orderFrom(triggerId: string, nodes: Map<string, AnalyzedNode>, outgoing: Map<string, GraphEdge[]>, problems: Problem[]): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const postOrder: string[] = [];
  let cyclic = false;
  const stack: { id: string; next: number }[] = [{ id: triggerId, next: 0 }];
  state.set(triggerId, 'visiting');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const edges = outgoing.get(frame.id) ?? [];
    if (frame.next < edges.length) {
      const edge = edges[frame.next++]!;
      const seen = state.get(edge.target);
      if (seen === 'visiting') {
        cyclic = true;
        problems.push(problem('cycle', `This connection closes a loop back to “${nodes.get(edge.target)!.spec.label}”; workflows cannot loop.`, { edgeId: edge.id, nodeId: edge.target }));
      } else if (!seen) {
        state.set(edge.target, 'visiting');
        stack.push({ id: edge.target, next: 0 });
      }
    } else {
      state.set(frame.id, 'done');
      postOrder.push(frame.id);
      stack.pop();
    }
  }
  return cyclic ? [] : postOrder.reverse();
}
