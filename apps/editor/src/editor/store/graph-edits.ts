// Pure edits of a scene: add a node (optionally wired after another), connect, delete. The store wraps them in history.
import type { Connection } from '@xyflow/react';
import { findNodeSpec } from '@mentionflow/engine';
import { decorateEdge, toFlowNode, type FlowEdge, type FlowNode } from '../graph/flow-mapping.ts';
import { freshId } from '../graph/ids.ts';
import type { Scene } from './scene.ts';

const COLUMN = 320;
const ROW = 130;

/** Why a connection is refused, in words, or null when it is fine. */
export function connectionProblem(scene: Scene, connection: Connection): string | null {
  const source = scene.nodes.find((node) => node.id === connection.source);
  const target = scene.nodes.find((node) => node.id === connection.target);
  if (!source || !target) return 'connect two nodes';
  if (source.id === target.id) return 'a node cannot connect to itself';
  const targetSpec = findNodeSpec(target.data.kind);
  if (targetSpec?.category === 'trigger') return 'nothing can connect into the trigger';
  const outputs = findNodeSpec(source.data.kind)?.outputs ?? [];
  if (!connection.sourceHandle || !outputs.includes(connection.sourceHandle)) return 'connect from an output handle';
  const duplicate = scene.edges.some(
    (edge) => edge.source === source.id && edge.target === target.id && edge.sourceHandle === connection.sourceHandle,
  );
  return duplicate ? 'these nodes are already connected that way' : null;
}

export function connect(scene: Scene, connection: Connection): Scene | null {
  if (connectionProblem(scene, connection)) return null;
  const id = freshId('e', new Set(scene.edges.map((edge) => edge.id)));
  const edge = decorateEdge({ id, source: connection.source, target: connection.target, sourceHandle: connection.sourceHandle ?? null, data: { explicitHandle: true } });
  return { ...scene, edges: [...scene.edges, edge] };
}

/** The first output of a node with nothing attached yet (the "yes" before the "no"), or null. */
export function firstFreeHandle(scene: Scene, nodeId: string): string | null {
  const node = scene.nodes.find((candidate) => candidate.id === nodeId);
  const outputs = node ? (findNodeSpec(node.data.kind)?.outputs ?? []) : [];
  const used = new Set(scene.edges.filter((edge) => edge.source === nodeId).map((edge) => edge.sourceHandle));
  return outputs.find((handle) => !used.has(handle)) ?? null;
}

/** Where a node placed after `after` goes: one column right, "no" branches one row lower. */
export function positionAfter(scene: Scene, afterId: string, handle: string | null): { x: number; y: number } {
  const after = scene.nodes.find((node) => node.id === afterId);
  if (!after) return { x: 0, y: 0 };
  const base = { x: after.position.x + COLUMN, y: after.position.y + (handle === 'no' ? ROW : 0) };
  return freeSpot(scene, base);
}

/** Nudge a position down until it does not sit on another node. */
export function freeSpot(scene: Scene, position: { x: number; y: number }): { x: number; y: number } {
  let { x, y } = position;
  while (scene.nodes.some((node) => Math.abs(node.position.x - x) < 120 && Math.abs(node.position.y - y) < 60)) y += ROW;
  return { x, y };
}

export interface AddNodeOptions {
  readonly position: { x: number; y: number };
  /** Wire the new node after this node's output. */
  readonly after?: { readonly nodeId: string; readonly handle: string };
}

/** Add a node of `kind` with its spec's defaults, selected alone, and wired when asked. */
export function addNode(scene: Scene, kind: string, options: AddNodeOptions): { scene: Scene; id: string } | null {
  const spec = findNodeSpec(kind);
  if (!spec) return null;
  const id = freshId(kind.replace(/_/g, '-'), new Set(scene.nodes.map((node) => node.id)));
  const node: FlowNode = {
    ...toFlowNode({ id, type: kind, position: options.position, data: structuredClone(spec.defaults) as Record<string, unknown> }),
    selected: true,
  };
  let next: Scene = { nodes: [...scene.nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node], edges: scene.edges.map(deselectEdge) };
  if (options.after) next = connect(next, { source: options.after.nodeId, sourceHandle: options.after.handle, target: id, targetHandle: null }) ?? next;
  return { scene: next, id };
}

/** Remove selected nodes (with their connections) and selected connections. */
export function deleteSelection(scene: Scene): Scene | null {
  const doomed = new Set(scene.nodes.filter((node) => node.selected).map((node) => node.id));
  const edges = scene.edges.filter((edge) => !edge.selected && !doomed.has(edge.source) && !doomed.has(edge.target));
  if (doomed.size === 0 && edges.length === scene.edges.length) return null;
  return { nodes: scene.nodes.filter((node) => !doomed.has(node.id)), edges };
}

export function selectOnly(scene: Scene, ids: ReadonlySet<string>): Scene {
  return {
    nodes: scene.nodes.map((node) => (Boolean(node.selected) === ids.has(node.id) ? node : { ...node, selected: ids.has(node.id) })),
    edges: scene.edges.map(deselectEdge),
  };
}

function deselectEdge(edge: FlowEdge): FlowEdge {
  return edge.selected ? { ...edge, selected: false } : edge;
}
