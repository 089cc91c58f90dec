// A workflow opened by someone who may read but not edit it (no `workflows:edit`): the editor store refuses every
// change — adding, editing, deleting, moving, renaming — while selecting and measuring still work.
import { describe, expect, it } from 'vitest';
import type { Graph } from '../packages/engine/src/index.ts';
import { createEditorStore, graphOf, isReadOnly } from '../apps/editor/src/editor/store/editor-store.ts';
import type { WorkflowDetail } from '../apps/editor/src/api/workflows-api.ts';

const graph: Graph = {
  nodes: [
    { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
    { id: 'to-care', type: 'route', position: { x: 320, y: 0 }, data: { queue: 'care', rank: 50 } },
  ],
  edges: [{ id: 'a', source: 'start', target: 'to-care' }],
};

const detail: WorkflowDetail = {
  id: 'complaints', name: 'Complaints', kind: 'routing', description: '', version: 1, status: 'published', publishedVersion: 1, publishedAt: null, publishedBy: null,
  packId: null, packVersion: null, locallyModified: false, updatedAt: '2026-03-02T10:00:00.000Z', updatedBy: null, graph, problems: [],
};

describe('a view-only editor', () => {
  it('refuses every edit and keeps the graph and its revision as loaded', () => {
    const store = createEditorStore(detail, {}, Date.now, { viewOnly: true });
    const { actions } = store.getState();
    expect(isReadOnly(store.getState())).toBe(true);
    expect(actions.addNode('condition')).toBeNull();
    actions.updateValues('to-care', 'queue', 'billing');
    actions.connect({ source: 'to-care', target: 'start', sourceHandle: null, targetHandle: null });
    actions.onNodesChange([{ type: 'remove', id: 'to-care' }, { type: 'position', id: 'start', position: { x: 99, y: 99 }, dragging: false }]);
    actions.onEdgesChange([{ type: 'remove', id: 'a' }]);
    actions.setMeta({ name: 'Renamed' });
    actions.layout();
    actions.selectAll();
    actions.deleteSelection();
    expect(graphOf(store.getState())).toEqual(graph);
    expect(store.getState().workflow.name).toBe('Complaints');
    expect(store.getState().revision).toBe(store.getState().savedRevision);
  });

  it('still lets nodes be chosen, to read their settings', () => {
    const store = createEditorStore(detail, {}, Date.now, { viewOnly: true });
    store.getState().actions.onNodesChange([{ type: 'select', id: 'to-care', selected: true }]);
    expect(store.getState().nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['to-care']);
    expect(isReadOnly(createEditorStore(detail).getState())).toBe(false);
  });
});
