// The editor store: adding, connecting, deleting, undo/redo, copy/paste and auto-layout, without a browser.
import { describe, expect, it } from 'vitest';
import type { Graph } from '../packages/engine/src/index.ts';
import { createEditorStore, graphOf } from '../apps/editor/src/editor/store/editor-store.ts';
import type { WorkflowDetail } from '../apps/editor/src/api/workflows-api.ts';

function detail(graph: Graph): WorkflowDetail {
  return {
    id: 'refunds',
    name: 'Refunds',
    kind: 'routing',
    description: '',
    version: 1,
    status: 'draft',
    publishedVersion: null,
    publishedAt: null,
    publishedBy: null,
    packId: null,
    packVersion: null,
    locallyModified: false,
    updatedAt: '2026-03-02T10:00:00.000Z',
    updatedBy: null,
    graph,
    problems: [],
  };
}

const startOnly: Graph = { nodes: [{ id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } }], edges: [] };

/** A clock the test moves, so coalescing of typing into one undo step is deterministic. */
function storeWithClock(graph: Graph = startOnly) {
  let now = 1_000;
  const store = createEditorStore(detail(graph), {}, () => now);
  return { store, actions: store.getState().actions, tick: (ms = 5_000) => (now += ms) };
}

describe('editor store: building a graph', () => {
  it('adds a node with its spec defaults, selected, and wires it after the single selected node', () => {
    const { store, actions } = storeWithClock();
    actions.selectNode('start');
    const condition = actions.addNode('condition')!;
    expect(condition).toBe('condition-1');
    const state = store.getState();
    expect(state.nodes.find((node) => node.id === condition)).toMatchObject({ selected: true, data: { kind: 'condition', values: { combinator: 'all' } } });
    expect(state.nodes.find((node) => node.id === 'start')?.selected).toBe(false);
    expect(graphOf(state).edges).toEqual([{ id: 'e-1', source: 'start', target: condition, sourceHandle: 'out' }]);

    // The condition is selected now: the next node takes its "yes", the one after its "no".
    actions.selectNode(condition);
    const yes = actions.addNode('route')!;
    actions.selectNode(condition);
    const no = actions.addNode('tag')!;
    const edges = graphOf(store.getState()).edges;
    expect(edges).toContainEqual({ id: 'e-2', source: condition, target: yes, sourceHandle: 'yes' });
    expect(edges).toContainEqual({ id: 'e-3', source: condition, target: no, sourceHandle: 'no' });
  });

  it('adds an unconnected node when nothing is selected, and never wires a trigger after anything', () => {
    const { store, actions } = storeWithClock();
    actions.selectNode(null);
    actions.addNode('tag');
    actions.selectNode('tag-1');
    actions.addNode('routing_trigger');
    expect(store.getState().edges).toEqual([]);
  });

  it('connects only valid pairs: no self-loops, nothing into a trigger, no duplicate, real handles only', () => {
    const { store, actions } = storeWithClock();
    actions.selectNode(null);
    actions.addNode('condition');
    actions.selectNode(null);
    actions.addNode('route');
    const attempt = (source: string, sourceHandle: string | null, target: string) => actions.connect({ source, sourceHandle, target, targetHandle: null });
    attempt('condition-1', 'yes', 'condition-1');
    attempt('route-1', 'out', 'start');
    attempt('condition-1', 'maybe', 'route-1');
    expect(store.getState().edges).toHaveLength(0);
    attempt('condition-1', 'yes', 'route-1');
    attempt('condition-1', 'yes', 'route-1');
    expect(store.getState().edges).toHaveLength(1);
    expect(store.getState().edges[0]).toMatchObject({ sourceHandle: 'yes', label: 'yes', className: 'edge-yes' });
  });

  it('deletes the selected nodes with their connections in one undoable step', () => {
    const { store, actions } = storeWithClock();
    actions.selectNode('start');
    actions.addNode('condition');
    actions.addNode('route');
    expect(store.getState().edges).toHaveLength(2);
    actions.selectNode('condition-1');
    actions.deleteSelection();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['start', 'route-1']);
    expect(store.getState().edges).toEqual([]);
    actions.undo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['start', 'condition-1', 'route-1']);
    expect(store.getState().edges).toHaveLength(2);
  });
});

describe('editor store: history', () => {
  it('undoes and redoes each step, and a new edit clears the redo stack', () => {
    const { store, actions } = storeWithClock();
    actions.addNode('tag');
    actions.addNode('route');
    expect(store.getState().nodes).toHaveLength(3);
    actions.undo();
    expect(store.getState().nodes).toHaveLength(2);
    actions.undo();
    expect(store.getState().nodes).toHaveLength(1);
    actions.undo(); // nothing left: no change
    expect(store.getState().nodes).toHaveLength(1);
    actions.redo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['start', 'tag-1']);
    actions.addNode('notify');
    expect(store.getState().history.future).toHaveLength(0);
    actions.redo();
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['start', 'tag-1', 'notify-1']);
  });

  it('coalesces typing in one field into one step, but not edits far apart in time or in other fields', () => {
    const { store, actions, tick } = storeWithClock();
    actions.selectNode(null);
    const route = actions.addNode('route')!;
    tick();
    for (const text of ['b', 'bi', 'bil', 'bill', 'billing']) {
      actions.updateValues(route, 'queue', text);
      tick(200);
    }
    tick();
    actions.updateValues(route, 'rank', 10);
    const values = () => store.getState().nodes.find((node) => node.id === route)!.data.values;
    expect(values()).toEqual({ queue: 'billing', rank: 10 });
    actions.undo();
    expect(values()).toEqual({ queue: 'billing', rank: 100 });
    actions.undo();
    expect(values()).toEqual({ queue: 'general', rank: 100 });
  });

  it('counts unsaved changes: a save marks the current revision as saved', () => {
    const { store, actions } = storeWithClock();
    const state = () => store.getState();
    expect(state().revision).toBe(state().savedRevision);
    actions.addNode('tag');
    expect(state().revision).not.toBe(state().savedRevision);
    actions.loaded({ ...detail(graphOf(state())), version: 2 }, { keepScene: true, revision: state().revision });
    expect(state().revision).toBe(state().savedRevision);
    expect(state().workflow.version).toBe(2);
  });
});

describe('editor store: copy, paste and layout', () => {
  it('pastes the selection with fresh ids, the connections between copied nodes, offset and selected', () => {
    const { store, actions } = storeWithClock();
    actions.selectNode('start');
    actions.addNode('condition');
    actions.addNode('route');
    actions.selectAll();
    // Only the condition and the route: the trigger stays behind.
    actions.onNodesChange([{ type: 'select', id: 'start', selected: false }]);
    expect(actions.copy()).toBe(true);
    expect(actions.paste()).toBe(true);
    const state = store.getState();
    const pasted = state.nodes.filter((node) => node.selected);
    expect(pasted.map((node) => node.id)).toEqual(['condition-2', 'route-2']);
    const original = state.nodes.find((node) => node.id === 'condition-1')!;
    expect(pasted[0]!.position).toEqual({ x: original.position.x + 40, y: original.position.y + 40 });
    expect(graphOf(state).edges).toContainEqual({ id: 'e-3', source: 'condition-2', target: 'route-2', sourceHandle: 'yes' });
    expect(graphOf(state).edges).toHaveLength(3);
    // Pasting again shifts further, so copies never stack exactly.
    actions.paste();
    expect(store.getState().nodes.find((node) => node.id === 'condition-3')!.position.x).toBe(original.position.x + 80);
  });

  it('lays the graph out left to right: each step of a path sits right of the one before', () => {
    const { store, actions } = storeWithClock({
      nodes: [
        { id: 'start', type: 'routing_trigger', position: { x: 500, y: 500 }, data: { channels: [] } },
        { id: 'check', type: 'condition', position: { x: 0, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: ['refund'] }] } },
        { id: 'yes', type: 'route', position: { x: 0, y: 0 }, data: { queue: 'billing', rank: 10 } },
        { id: 'no', type: 'route', position: { x: 0, y: 0 }, data: { queue: 'general', rank: 90 } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'check' },
        { id: 'b', source: 'check', target: 'yes', sourceHandle: 'yes' },
        { id: 'c', source: 'check', target: 'no', sourceHandle: 'no' },
      ],
    });
    actions.layout();
    const at = (id: string) => store.getState().nodes.find((node) => node.id === id)!.position;
    expect(at('start').x).toBeLessThan(at('check').x);
    expect(at('check').x).toBeLessThan(at('yes').x);
    expect(at('yes').x).toBe(at('no').x);
    expect(at('yes').y).not.toBe(at('no').y);
    actions.undo();
    expect(at('start')).toEqual({ x: 500, y: 500 });
  });
});
