// The editor's store: one per open workflow (created by EditorStoreProvider), its state beside its actions.
// Components read it through the selector hooks in use-editor.ts; pure edits live in graph-edits.ts.
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Graph, Problem, RuleWarning } from '@mentionflow/engine';
import { findNodeSpec } from '@mentionflow/engine';
import type { WorkflowDetail, WorkflowSummary, VersionConflict } from '../../api/workflows-api.ts';
import { toFlow, toGraph, type FlowEdge, type FlowNode } from '../graph/flow-mapping.ts';
import { layoutLeftToRight } from '../graph/layout.ts';
import { applyFieldChange } from '../inspector/field-rules.ts';
import { copySelection, pasteClip, type Clip } from './clipboard.ts';
import { addNode, connect, deleteSelection, firstFreeHandle, freeSpot, positionAfter, selectOnly } from './graph-edits.ts';
import { emptyHistory, record, redo, undo, type History } from './history.ts';
import type { Scene } from './scene.ts';
import type { DiffView } from './diff-view.ts';
import type { PathView } from './path-view.ts';
import type { RuleHits } from '../../insights/canvas/hit-badges.ts';

export type WorkflowMeta = Omit<WorkflowSummary, 'description'> & { description: string };

export type SaveState =
  | { readonly status: 'idle' | 'saving' | 'saved' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'conflict'; readonly conflict: VersionConflict; readonly message: string };

export interface EditorState {
  readonly workflow: WorkflowMeta;
  /** Pack parameter values, for validating `{"$param"}` references exactly as the server will. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
  readonly history: History;
  /** Bumped on every change of the graph; equal to `savedRevision` when nothing is unsaved. */
  readonly revision: number;
  readonly savedRevision: number;
  readonly clipboard: Clip | null;
  readonly pasteCount: number;
  readonly dragging: boolean;
  readonly problems: readonly Problem[];
  readonly problemsByNode: Readonly<Record<string, readonly Problem[]>>;
  readonly problemEdges: ReadonlySet<string>;
  /** The revision the problems were computed for. */
  readonly validatedRevision: number;
  readonly diffView: DiffView | null;
  /** The signed-in person may look but not change (no `workflows:edit`): every edit is refused, as in a comparison. */
  readonly viewOnly: boolean;
  /** One simulated mention's way through the workflow, drawn over the draft (set by the simulation workbench). */
  readonly pathView: PathView | null;
  readonly saveState: SaveState;
  readonly helpOpen: boolean;
  /** A node to centre the viewport on (set when a problem is clicked); the canvas clears it. */
  readonly focusRequest: { readonly nodeId: string; readonly at: number; readonly onlyIfHidden: boolean } | null;
  /** How often the published version's nodes fired over a range (insights/canvas); null while hidden. */
  readonly ruleHits: RuleHits | null;
  /** Static-analysis warnings about the draft among the published workflows: shown, never blocking publishing. */
  readonly ruleWarnings: readonly RuleWarning[];
  /** The nodes a chosen warning points at, highlighted on the canvas until another node is chosen. */
  readonly relatedNodeIds: ReadonlySet<string>;
}

export interface EditorActions {
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  connect(connection: Connection): void;
  beginDrag(): void;
  endDrag(): void;
  /** Add a node; when exactly one node is selected and has a free output, the new node is wired after it. */
  addNode(kind: string, position?: { x: number; y: number }): string | null;
  updateValues(nodeId: string, name: string, value: unknown): void;
  replaceValues(nodeId: string, values: Record<string, unknown>): void;
  deleteSelection(): void;
  copy(): boolean;
  paste(): boolean;
  undo(): void;
  redo(): void;
  layout(): void;
  selectAll(): void;
  selectNode(nodeId: string | null, focus?: boolean): void;
  clearFocusRequest(): void;
  setProblems(problems: readonly Problem[], revision: number): void;
  setSaveState(state: SaveState): void;
  /** The server accepted a save or a reload: its detail becomes the new baseline. */
  loaded(detail: WorkflowDetail, options?: { keepScene?: boolean; revision?: number }): void;
  setMeta(changes: Partial<Pick<WorkflowMeta, 'name' | 'description'>>): void;
  setStatus(summary: Partial<WorkflowSummary>): void;
  setDiffView(view: DiffView | null): void;
  setPathView(view: PathView | null): void;
  setHelpOpen(open: boolean): void;
  setRuleHits(hits: RuleHits | null): void;
  setRuleWarnings(warnings: readonly RuleWarning[]): void;
  /** Select and centre a warning's node (when it is in this workflow) and highlight the nodes it relates to. */
  showWarning(nodeId: string | null, relatedNodeIds: readonly string[]): void;
}

export type EditorStore = StoreApi<EditorState & { actions: EditorActions }>;

const NONE: ReadonlySet<string> = new Set();

/** Nothing on the canvas can change: a comparison is shown, or the person may only look. */
export function isReadOnly(state: Pick<EditorState, 'diffView' | 'viewOnly'>): boolean {
  return state.diffView !== null || state.viewOnly;
}

export function graphOf(state: Pick<EditorState, 'nodes' | 'edges'>): Graph {
  return toGraph(state.nodes, state.edges);
}

function metaOf(detail: WorkflowDetail): WorkflowMeta {
  const { graph: _graph, problems: _problems, ...meta } = detail;
  return meta;
}

function indexProblems(problems: readonly Problem[], edges: readonly FlowEdge[]) {
  const byNode: Record<string, Problem[]> = {};
  const problemEdges = new Set<string>();
  for (const found of problems) {
    // Edge problems without a node show on the connection's source, where the fix usually is.
    const nodeId = found.nodeId ?? (found.edgeId ? edges.find((edge) => edge.id === found.edgeId)?.source : undefined);
    if (found.edgeId) problemEdges.add(found.edgeId);
    if (nodeId) (byNode[nodeId] ??= []).push(found);
  }
  return { problemsByNode: byNode, problemEdges };
}

export function createEditorStore(detail: WorkflowDetail, parameters: Readonly<Record<string, unknown>> = {}, now: () => number = Date.now, options: { viewOnly?: boolean } = {}): EditorStore {
  const scene = toFlow(detail.graph);
  return createStore<EditorState & { actions: EditorActions }>()((set, get) => {
    /** Apply an edit as one undoable step; `key` merges repeated edits of one kind (typing in a field). */
    const change = (key: string | null, produce: (scene: Scene) => Scene | null): boolean => {
      const state = get();
      if (state.viewOnly) return false;
      const before: Scene = { nodes: state.nodes, edges: state.edges };
      const next = produce(before);
      if (!next) return false;
      set({ ...next, history: record(state.history, before, key, now()), revision: state.revision + 1 });
      return true;
    };
    const restore = (result: { history: History; scene: Scene } | null) => {
      if (!result) return;
      set((state) => ({ ...result.scene, history: result.history, revision: state.revision + 1 }));
    };

    const actions: EditorActions = {
      onNodesChange(changes) {
        const state = get();
        if (state.diffView) {
          // The comparison is read-only: only measuring and selecting apply, and never to the draft.
          const harmless = changes.filter((item) => item.type === 'dimensions' || item.type === 'select');
          set({ diffView: { ...state.diffView, nodes: applyNodeChanges(harmless, state.diffView.nodes) } });
          return;
        }
        if (state.viewOnly) {
          set({ nodes: applyNodeChanges(changes.filter((item) => item.type === 'dimensions' || item.type === 'select'), state.nodes) });
          return;
        }
        const moved = changes.some((item) => item.type === 'position' && !item.dragging);
        const structural = changes.some((item) => item.type === 'remove' || item.type === 'add' || item.type === 'replace');
        if (structural || (moved && !state.dragging)) {
          // Keyboard nudges and removals arrive without a drag: they are undoable steps of their own.
          change(structural ? 'structure' : 'nudge', (current) => ({ ...current, nodes: applyNodeChanges(changes, current.nodes) }));
          return;
        }
        // Choosing another node on the canvas ends a warning's highlight.
        const chose = state.relatedNodeIds.size > 0 && changes.some((item) => item.type === 'select' && item.selected);
        set({ nodes: applyNodeChanges(changes, state.nodes), ...(moved ? { revision: state.revision + 1 } : {}), ...(chose ? { relatedNodeIds: NONE } : {}) });
      },
      onEdgesChange(changes) {
        const { diffView, viewOnly } = get();
        if (diffView) {
          set({ diffView: { ...diffView, edges: applyEdgeChanges(changes.filter((item) => item.type === 'select'), diffView.edges) } });
          return;
        }
        if (viewOnly) {
          set((state) => ({ edges: applyEdgeChanges(changes.filter((item) => item.type === 'select'), state.edges) }));
          return;
        }
        const structural = changes.some((item) => item.type !== 'select');
        if (structural) change('edges', (current) => ({ ...current, edges: applyEdgeChanges(changes, current.edges) }));
        else set((state) => ({ edges: applyEdgeChanges(changes, state.edges) }));
      },
      connect(connection) {
        change(null, (current) => connect(current, connection));
      },
      beginDrag() {
        const state = get();
        set({ dragging: true, history: record(state.history, { nodes: state.nodes, edges: state.edges }, null, now()) });
      },
      endDrag() {
        set((state) => ({ dragging: false, revision: state.revision + 1 }));
      },
      addNode(kind, position) {
        let added: string | null = null;
        change(null, (current) => {
          const selected = current.nodes.filter((node) => node.selected);
          const anchor = selected.length === 1 ? selected[0]! : undefined;
          const handle = anchor ? firstFreeHandle(current, anchor.id) : null;
          const after = anchor && handle && findNodeSpec(kind)?.category !== 'trigger' ? { nodeId: anchor.id, handle } : undefined;
          const where = position ?? (after ? positionAfter(current, after.nodeId, after.handle) : freeSpot(current, { x: 0, y: 0 }));
          const result = addNode(current, kind, { position: where, ...(after && !position ? { after } : {}) });
          added = result?.id ?? null;
          return result?.scene ?? null;
        });
        if (added) set({ focusRequest: { nodeId: added, at: now(), onlyIfHidden: true } });
        return added;
      },
      updateValues(nodeId, name, value) {
        change(`values:${nodeId}:${name}`, (current) => {
          const node = current.nodes.find((candidate) => candidate.id === nodeId);
          const spec = node ? findNodeSpec(node.data.kind) : undefined;
          if (!node || !spec) return null;
          const values = applyFieldChange(spec, node.data.values, name, value);
          return { ...current, nodes: current.nodes.map((candidate) => (candidate.id === nodeId ? { ...candidate, data: { ...candidate.data, values } } : candidate)) };
        });
      },
      replaceValues(nodeId, values) {
        change(null, (current) => ({
          ...current,
          nodes: current.nodes.map((candidate) => (candidate.id === nodeId ? { ...candidate, data: { ...candidate.data, values } } : candidate)),
        }));
      },
      deleteSelection() {
        change(null, deleteSelection);
      },
      copy() {
        const clip = copySelection(get());
        if (clip) set({ clipboard: clip, pasteCount: 0 });
        return clip !== null;
      },
      paste() {
        const { clipboard, pasteCount } = get();
        if (!clipboard) return false;
        const pasted = change(null, (current) => pasteClip(current, clipboard, 40 * (pasteCount + 1)));
        if (pasted) set({ pasteCount: pasteCount + 1 });
        return pasted;
      },
      undo() {
        const state = get();
        restore(undo(state.history, { nodes: state.nodes, edges: state.edges }));
      },
      redo() {
        const state = get();
        restore(redo(state.history, { nodes: state.nodes, edges: state.edges }));
      },
      layout() {
        change(null, (current) => ({ ...current, nodes: layoutLeftToRight(current.nodes, current.edges) }));
      },
      selectAll() {
        set((state) => selectOnly(state, new Set(state.nodes.map((node) => node.id))));
      },
      selectNode(nodeId, focus = false) {
        set((state) => ({
          ...selectOnly(state, new Set(nodeId ? [nodeId] : [])),
          relatedNodeIds: NONE,
          ...(focus && nodeId ? { focusRequest: { nodeId, at: now(), onlyIfHidden: false } } : {}),
        }));
      },
      clearFocusRequest() {
        set({ focusRequest: null });
      },
      setProblems(problems, revision) {
        set((state) => ({ problems, validatedRevision: revision, ...indexProblems(problems, state.edges) }));
      },
      setSaveState(saveState) {
        set({ saveState });
      },
      loaded(next, options = {}) {
        set((state) => {
          const base = { workflow: metaOf(next), saveState: { status: 'saved' as const } };
          if (options.keepScene) return { ...base, savedRevision: options.revision ?? state.revision };
          const fresh = toFlow(next.graph);
          return { ...base, ...fresh, history: emptyHistory, revision: state.revision + 1, savedRevision: state.revision + 1, diffView: null };
        });
      },
      setMeta(changes) {
        if (get().viewOnly) return;
        set((state) => ({ workflow: { ...state.workflow, ...changes }, revision: state.revision + 1 }));
      },
      setStatus(summary) {
        set((state) => ({ workflow: { ...state.workflow, ...summary } }));
      },
      setDiffView(diffView) {
        set({ diffView });
      },
      setPathView(pathView) {
        set({ pathView });
      },
      setHelpOpen(helpOpen) {
        set({ helpOpen });
      },
      setRuleHits(ruleHits) {
        set({ ruleHits });
      },
      setRuleWarnings(ruleWarnings) {
        set({ ruleWarnings });
      },
      showWarning(nodeId, related) {
        set((state) => {
          const present = new Set(state.nodes.map((node) => node.id));
          const focus = nodeId && present.has(nodeId) ? nodeId : related.find((id) => present.has(id));
          return {
            ...selectOnly(state, new Set(focus ? [focus] : [])),
            relatedNodeIds: new Set(related.filter((id) => present.has(id) && id !== focus)),
            focusRequest: focus ? { nodeId: focus, at: now(), onlyIfHidden: false } : null,
          };
        });
      },
    };

    return {
      workflow: metaOf(detail),
      parameters,
      ...scene,
      history: emptyHistory,
      revision: 0,
      savedRevision: 0,
      clipboard: null,
      pasteCount: 0,
      dragging: false,
      problems: detail.problems,
      ...indexProblems(detail.problems, scene.edges),
      validatedRevision: -1,
      diffView: null,
      viewOnly: options.viewOnly ?? false,
      pathView: null,
      saveState: { status: 'idle' },
      helpOpen: false,
      focusRequest: null,
      ruleHits: null,
      ruleWarnings: [],
      relatedNodeIds: NONE,
      actions,
    };
  });
}
