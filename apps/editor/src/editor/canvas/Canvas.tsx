// The canvas: xyflow wired to the editor store, drop target for the palette, and centring on requested nodes.
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type IsValidConnection } from '@xyflow/react';
import { findNodeSpec } from '@mentionflow/engine';
import type { FlowEdge, FlowNode } from '../graph/flow-mapping.ts';
import { connectionProblem } from '../store/graph-edits.ts';
import { isReadOnly } from '../store/editor-store.ts';
import { edgePathState } from '../store/path-view.ts';
import { useEditorActions, useEditorState, useEditorStoreApi } from '../store/use-editor.ts';
import { nodeTypes } from './node-types.ts';
import { PALETTE_MIME } from './Palette.tsx';

const MINIMAP_COLORS: Record<string, string> = { trigger: '#6d5bd0', condition: '#c98a00', action: '#1f7a5a', stop: '#666' };

export function Canvas() {
  const store = useEditorStoreApi();
  const { nodes, edges, diffView, pathView, focusRequest, problemEdges, readOnly } = useEditorState((state) => ({
    nodes: state.nodes,
    edges: state.edges,
    diffView: state.diffView,
    pathView: state.pathView,
    focusRequest: state.focusRequest,
    problemEdges: state.problemEdges,
    readOnly: isReadOnly(state),
  }));
  const actions = useEditorActions();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const container = useRef<HTMLDivElement>(null);

  const shownEdges = useMemo(() => {
    if (diffView) return diffView.edges;
    return edges.map((edge) => {
      const path = pathView ? `edge-path-${edgePathState(pathView, edge)}` : '';
      if (problemEdges.has(edge.id)) return { ...edge, className: `${edge.className ?? ''} edge-problem ${path}`, animated: true };
      // A simulated mention's path: the branches taken move, the others fade.
      return path ? { ...edge, className: `${edge.className ?? ''} ${path}`, animated: path === 'edge-path-taken' } : edge;
    });
  }, [diffView, pathView, edges, problemEdges]);

  useEffect(() => {
    if (!focusRequest) return;
    const node = flow.getInternalNode(focusRequest.nodeId);
    actions.clearFocusRequest();
    if (!node) return;
    const width = node.measured.width ?? 240;
    const height = node.measured.height ?? 90;
    const { x, y } = node.internals.positionAbsolute;
    // A node added by the palette only moves the view when it landed out of sight; a chosen problem always centres.
    const bounds = container.current?.getBoundingClientRect();
    if (focusRequest.onlyIfHidden && bounds) {
      const view = flow.getViewport();
      const left = -view.x / view.zoom;
      const top = -view.y / view.zoom;
      const visible = x >= left && y >= top && x + width <= left + bounds.width / view.zoom && y + height <= top + bounds.height / view.zoom;
      if (visible) return;
    }
    void flow.setCenter(x + width / 2, y + height / 2, { zoom: focusRequest.onlyIfHidden ? flow.getZoom() : Math.max(flow.getZoom(), 0.8), duration: 250 });
  }, [focusRequest, flow, actions]);

  const isValidConnection: IsValidConnection<FlowEdge> = useCallback(
    (connection: Connection | Edge) => connectionProblem(store.getState(), connection as Connection) === null,
    [store],
  );

  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(PALETTE_MIME);
    if (!kind || !findNodeSpec(kind) || readOnly) return;
    event.preventDefault();
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // Drop where the pointer is, the node's header under it.
    actions.addNode(kind, { x: Math.round(position.x - 120), y: Math.round(position.y - 20) });
  };

  return (
    <div className="canvas" ref={container} onDragOver={(event) => (event.preventDefault(), (event.dataTransfer.dropEffect = 'copy'))} onDrop={onDrop}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={diffView ? diffView.nodes : nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={actions.onNodesChange}
        onEdgesChange={actions.onEdgesChange}
        onConnect={actions.connect}
        isValidConnection={isValidConnection}
        onNodeDragStart={actions.beginDrag}
        onNodeDragStop={actions.endDrag}
        onSelectionDragStart={actions.beginDrag}
        onSelectionDragStop={actions.endDrag}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        // Deleting goes through the store (one undoable step for nodes and their connections): see use-shortcuts.ts.
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        minZoom={0.15}
        maxZoom={2}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
        aria-label="Workflow canvas"
      >
        <Background gap={24} />
        <Controls showInteractive={false} showFitView={false} />
        <MiniMap pannable zoomable ariaLabel="Overview of the workflow" nodeColor={(node) => MINIMAP_COLORS[findNodeSpec((node as FlowNode).data.kind)?.category ?? ''] ?? '#999'} />
      </ReactFlow>
    </div>
  );
}
