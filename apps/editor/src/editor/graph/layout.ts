// Automatic left-to-right layout. @dagrejs/dagre rather than elkjs: workflows are small layered DAGs (≤200 nodes),
// dagre lays them out synchronously (one undoable step, no worker) and weighs ~30 KB against elkjs's ~1.4 MB.
import dagre from '@dagrejs/dagre';
import type { FlowEdge, FlowNode } from './flow-mapping.ts';

const DEFAULT_SIZE = { width: 260, height: 96 };

/** New positions for every node; condition branches keep "yes" above "no" by weighting their order. */
export function layoutLeftToRight(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): FlowNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.measured?.width ?? DEFAULT_SIZE.width, height: node.measured?.height ?? DEFAULT_SIZE.height });
  }
  // "yes" edges first so dagre's initial order (which its crossing reduction keeps on ties) puts them on top.
  const ordered = [...edges].sort((a, b) => rankOfHandle(a.sourceHandle) - rankOfHandle(b.sourceHandle));
  for (const edge of ordered) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    if (!placed) return node;
    const width = node.measured?.width ?? DEFAULT_SIZE.width;
    const height = node.measured?.height ?? DEFAULT_SIZE.height;
    // dagre gives centres; xyflow positions are top-left corners.
    return { ...node, position: { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) } };
  });
}

function rankOfHandle(handle: string | null | undefined): number {
  return handle === 'yes' ? 0 : handle === 'no' ? 2 : 1;
}
