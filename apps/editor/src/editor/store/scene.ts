// A scene is what the canvas shows and the history records: the xyflow nodes and edges of one workflow.
import type { FlowEdge, FlowNode } from '../graph/flow-mapping.ts';

export interface Scene {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
}

export const selectedNodes = (scene: Scene): FlowNode[] => scene.nodes.filter((node) => node.selected);
export const selectedEdges = (scene: Scene): FlowEdge[] => scene.edges.filter((edge) => edge.selected);
