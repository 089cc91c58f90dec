// Copy and paste of a selection: the selected nodes and the connections between them, pasted with fresh ids.
import { freshId } from '../graph/ids.ts';
import type { FlowEdge, FlowNode } from '../graph/flow-mapping.ts';
import type { Scene } from './scene.ts';

export interface Clip {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

export function copySelection(scene: Scene): Clip | null {
  const nodes = scene.nodes.filter((node) => node.selected);
  if (nodes.length === 0) return null;
  const ids = new Set(nodes.map((node) => node.id));
  const edges = scene.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return structuredClone({ nodes, edges });
}

/** Paste shifted by `offset`; the pasted nodes become the selection. */
export function pasteClip(scene: Scene, clip: Clip, offset: number): Scene {
  const nodeIds = new Set(scene.nodes.map((node) => node.id));
  const edgeIds = new Set(scene.edges.map((edge) => edge.id));
  const renamed = new Map<string, string>();
  const pasted: FlowNode[] = clip.nodes.map((node) => {
    const id = freshId(node.data.kind.replace(/_/g, '-'), nodeIds);
    nodeIds.add(id);
    renamed.set(node.id, id);
    const { measured: _measured, ...rest } = structuredClone(node);
    return { ...rest, id, selected: true, position: { x: node.position.x + offset, y: node.position.y + offset } };
  });
  const pastedEdges: FlowEdge[] = clip.edges.map((edge) => {
    const id = freshId('e', edgeIds);
    edgeIds.add(id);
    return { ...structuredClone(edge), id, source: renamed.get(edge.source)!, target: renamed.get(edge.target)!, selected: false };
  });
  return {
    nodes: [...scene.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...pasted],
    edges: [...scene.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...pastedEdges],
  };
}
