// The ONE place that translates between our workflow graph (stored, compiled) and @xyflow/react's nodes and edges.
// Everything else in the editor works on xyflow objects and calls `toGraph` when it needs the stored form.
import type { Edge, Node } from '@xyflow/react';
import { findNodeSpec, type Graph, type GraphEdge, type GraphNode } from '@mentionflow/engine';

/** What a canvas node carries: its kind and its data exactly as stored (parameter references included). */
export type FlowNodeData = { kind: string; values: Record<string, unknown> };
export type FlowNode = Node<FlowNodeData, 'workflow'>;

/** `explicitHandle` remembers whether the stored edge named its handle, so a round trip changes nothing. */
export type FlowEdgeData = { explicitHandle: boolean };
export type FlowEdge = Edge<FlowEdgeData>;

/** Every node uses the one generic node component; its look comes from the spec of `data.kind`. */
export const WORKFLOW_NODE_TYPE = 'workflow' as const;

export function toFlowNode(node: GraphNode): FlowNode {
  // The accessible name of the node on the canvas: its type and stable id ("Condition condition-1").
  const ariaLabel = `${findNodeSpec(node.type)?.label ?? node.type} ${node.id}`;
  return { id: node.id, type: WORKFLOW_NODE_TYPE, position: { ...node.position }, data: { kind: node.type, values: node.data }, ariaLabel };
}

/** The handle an edge leaves from: stored edges may omit it when their source has a single output. */
export function effectiveHandle(edge: Pick<GraphEdge, 'sourceHandle'>, sourceKind: string | undefined): string | null {
  if (edge.sourceHandle) return edge.sourceHandle;
  const outputs = sourceKind ? findNodeSpec(sourceKind)?.outputs : undefined;
  return outputs?.length === 1 ? outputs[0]! : null;
}

export function toFlowEdge(edge: GraphEdge, sourceKind: string | undefined): FlowEdge {
  const handle = effectiveHandle(edge, sourceKind);
  const flow: FlowEdge = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: handle,
    data: { explicitHandle: Boolean(edge.sourceHandle) },
  };
  return decorateEdge(flow);
}

/** Condition branches read "yes"/"no" on the canvas and are coloured; single outputs stay unlabeled. */
export function decorateEdge(edge: FlowEdge): FlowEdge {
  if (edge.sourceHandle === 'yes' || edge.sourceHandle === 'no') {
    return { ...edge, label: edge.sourceHandle, className: `edge-${edge.sourceHandle}` };
  }
  const { label: _label, className: _className, ...rest } = edge;
  return rest;
}

export function toFlow(graph: Graph): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const kinds = new Map(graph.nodes.map((node) => [node.id, node.type]));
  return {
    nodes: graph.nodes.map(toFlowNode),
    edges: graph.edges.map((edge) => toFlowEdge(edge, kinds.get(edge.source))),
  };
}

export function toGraphNode(node: FlowNode): GraphNode {
  return { id: node.id, type: node.data.kind, position: { x: node.position.x, y: node.position.y }, data: node.data.values };
}

export function toGraphEdge(edge: FlowEdge): GraphEdge {
  const stored: GraphEdge = { id: edge.id, source: edge.source, target: edge.target };
  if (edge.sourceHandle && (edge.data?.explicitHandle ?? true)) stored.sourceHandle = edge.sourceHandle;
  return stored;
}

export function toGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Graph {
  return { nodes: nodes.map(toGraphNode), edges: edges.map(toGraphEdge) };
}
