// A read-only canvas of what changed between two versions: the newer graph, plus the removed nodes and
// connections as ghosts, each node marked added, removed or changed (from the engine's diffWorkflows).
import { diffWorkflows, type Graph, type WorkflowDiff } from '@mentionflow/engine';
import { toFlow, type FlowEdge, type FlowNode } from '../graph/flow-mapping.ts';

export type DiffMark = 'added' | 'removed' | 'changed' | 'moved';

export interface DiffView {
  /** "v2 → draft" */
  readonly title: string;
  readonly diff: WorkflowDiff;
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
  readonly marks: Readonly<Record<string, DiffMark>>;
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

interface Side {
  readonly name?: string;
  readonly description?: string;
  readonly graph: Graph;
}

export function buildDiffView(title: string, before: Side, after: Side): DiffView {
  const diff = diffWorkflows(before, after);
  const marks: Record<string, DiffMark> = {};
  const fields: Record<string, readonly string[]> = {};
  for (const id of diff.addedNodes) marks[id] = 'added';
  for (const id of diff.removedNodes) marks[id] = 'removed';
  for (const change of diff.changedNodes) {
    marks[change.id] = change.fields.length > 0 ? 'changed' : 'moved';
    fields[change.id] = change.fields;
  }
  const union: Graph = {
    nodes: [...after.graph.nodes, ...before.graph.nodes.filter((node) => diff.removedNodes.includes(node.id))],
    edges: [
      ...after.graph.edges,
      // A removed connection can share its id with a new one; ghosts get their own ids.
      ...before.graph.edges.filter((edge) => diff.removedEdges.includes(edge.id)).map((edge) => ({ ...edge, id: `removed:${edge.id}` })),
    ],
  };
  const flow = toFlow(union);
  const added = new Set(diff.addedEdges);
  return {
    title,
    diff,
    marks,
    fields,
    nodes: flow.nodes.map((node) => ({ ...node, draggable: false, connectable: false, deletable: false })),
    edges: flow.edges.map((edge) => ({
      ...edge,
      deletable: false,
      className: [edge.className, edge.id.startsWith('removed:') ? 'edge-removed' : added.has(edge.id) ? 'edge-added' : ''].filter(Boolean).join(' '),
    })),
  };
}
