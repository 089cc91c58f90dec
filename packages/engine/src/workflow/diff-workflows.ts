// What changed between two versions of a workflow, node by node (by stable id), for the API and the canvas.
import type { Graph, GraphEdge, GraphNode } from './workflow-schema.ts';

export interface NodeChange {
  readonly id: string;
  readonly type: string;
  /** Data fields whose values differ (`type` when the node kind itself changed). */
  readonly fields: readonly string[];
  readonly moved: boolean;
}

export interface WorkflowDiff {
  readonly addedNodes: readonly string[];
  readonly removedNodes: readonly string[];
  readonly changedNodes: readonly NodeChange[];
  readonly addedEdges: readonly string[];
  readonly removedEdges: readonly string[];
  /** Top-level properties that differ: name, description. */
  readonly properties: readonly string[];
  readonly identical: boolean;
}

interface Comparable {
  readonly name?: string;
  readonly description?: string;
  readonly graph: Graph;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function edgeKey(edge: GraphEdge): string {
  return `${edge.source}|${edge.sourceHandle ?? 'out'}|${edge.target}`;
}

/** Compare two workflows; positions alone count as `moved`, not as a change of behaviour. */
export function diffWorkflows(before: Comparable, after: Comparable): WorkflowDiff {
  const beforeNodes = new Map(before.graph.nodes.map((node) => [node.id, node]));
  const afterNodes = new Map(after.graph.nodes.map((node) => [node.id, node]));
  const addedNodes = [...afterNodes.keys()].filter((id) => !beforeNodes.has(id));
  const removedNodes = [...beforeNodes.keys()].filter((id) => !afterNodes.has(id));
  const changedNodes: NodeChange[] = [];
  for (const [id, next] of afterNodes) {
    const previous = beforeNodes.get(id);
    if (!previous) continue;
    const fields = changedFields(previous, next);
    const moved = previous.position.x !== next.position.x || previous.position.y !== next.position.y;
    if (fields.length > 0 || moved) changedNodes.push({ id, type: next.type, fields, moved });
  }
  const beforeEdges = new Map(before.graph.edges.map((edge) => [edgeKey(edge), edge.id]));
  const afterEdges = new Map(after.graph.edges.map((edge) => [edgeKey(edge), edge.id]));
  const addedEdges = [...afterEdges].filter(([key]) => !beforeEdges.has(key)).map(([, id]) => id);
  const removedEdges = [...beforeEdges].filter(([key]) => !afterEdges.has(key)).map(([, id]) => id);
  const properties = (['name', 'description'] as const).filter((key) => (before[key] ?? '') !== (after[key] ?? ''));
  const identical =
    addedNodes.length + removedNodes.length + addedEdges.length + removedEdges.length + properties.length === 0 &&
    changedNodes.every((change) => change.fields.length === 0);
  return { addedNodes, removedNodes, changedNodes, addedEdges, removedEdges, properties, identical };
}

function changedFields(previous: GraphNode, next: GraphNode): string[] {
  if (previous.type !== next.type) return ['type'];
  const keys = new Set([...Object.keys(previous.data), ...Object.keys(next.data)]);
  return [...keys].filter((key) => !same(previous.data[key], next.data[key])).sort();
}
