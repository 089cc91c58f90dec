// @vitest-environment happy-dom
// Static analysis in the editor: the draft is analysed with the other published workflows (in the rule book's order),
// the warnings that concern it appear in the problems list in yellow without blocking publishing, and choosing one
// selects its node and highlights the nodes it relates to.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { compileWorkflow, type CompiledWorkflow } from '../packages/engine/src/index.ts';
import { createEditorStore } from '../apps/editor/src/editor/store/editor-store.ts';
import { EditorStoreContext } from '../apps/editor/src/editor/store/EditorStoreProvider.tsx';
import { ProblemsPanel } from '../apps/editor/src/editor/panels/ProblemsPanel.tsx';
import { draftWarnings, warningsFor, withDraft } from '../apps/editor/src/insights/canvas/rule-warnings.ts';
import type { WorkflowDetail } from '../apps/editor/src/api/workflows-api.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';

afterEach(cleanup);

const impossible = workflow('vip', 'routing', [trigger(), condition('big', [['author.followers', 'greaterThan', 1000]]), condition('small', [['author.followers', 'lessThan', 500]]), node('to-vip', 'route', { queue: 'vip', rank: 30 })], [
  edge('start', 'big'),
  edge('big', 'small', 'yes'),
  edge('small', 'to-vip', 'yes'),
]);

function compiled(input: unknown): CompiledWorkflow {
  const result = compileWorkflow(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.workflow;
}

/** Another published workflow: refunds to billing at rank 50. */
const billing = compiled(workflow('billing', 'routing', [trigger(), condition('refund', [['text', 'containsTerms', ['refund']]]), node('to-billing', 'route', { queue: 'billing', rank: 50 })], [edge('start', 'refund'), edge('refund', 'to-billing', 'yes')]));

describe('analysing the draft with the published workflows', () => {
  it('finds the action that can never run, naming the two conditions', () => {
    const warnings = draftWarnings(impossible, {}, [billing]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'never_true', severity: 'warning', workflowId: 'vip', nodeId: 'to-vip', relatedNodeIds: ['big', 'small'] });
  });

  it('puts the draft in its published version’s place, in workflow-id order', () => {
    const draft = compiled(impossible);
    const published = { ...draft, version: 1, rules: [] };
    const zeta = { ...billing, workflowId: 'zeta' };
    const ordered = withDraft([zeta, published, billing], draft);
    expect(ordered.map((found) => found.workflowId)).toEqual(['billing', 'vip', 'zeta']);
    expect(ordered[1]).toBe(draft);
  });

  it('keeps warnings of other workflows only when they name the draft’s nodes', () => {
    const base = { code: 'conflicting_routes', severity: 'warning', message: '' } as const;
    const own = { ...base, workflowId: 'vip', nodeId: 'a', relatedNodeIds: [], relatedNodes: [] };
    const pointing = { ...base, workflowId: 'billing', nodeId: 'b', relatedNodeIds: ['a'], relatedNodes: [{ workflowId: 'vip', nodeId: 'a' }] };
    const unrelated = { ...base, workflowId: 'billing', nodeId: 'c', relatedNodeIds: ['d'], relatedNodes: [{ workflowId: 'other', nodeId: 'd' }] };
    expect(warningsFor([pointing, unrelated, own], 'vip')).toEqual([own, pointing]);
  });

  it('has nothing to say about a draft that does not compile: its errors come first', () => {
    const broken = { ...impossible, graph: { ...impossible.graph, edges: [] } };
    expect(draftWarnings(broken, {}, [billing])).toEqual([]);
  });
});

describe('warnings in the problems list', () => {
  function open() {
    const detail: WorkflowDetail = {
      id: 'vip', name: 'VIP', kind: 'routing', description: '', version: 1, status: 'draft', publishedVersion: null, publishedAt: null, publishedBy: null,
      packId: null, packVersion: null, locallyModified: false, updatedAt: '2026-03-02T10:00:00.000Z', updatedBy: null, graph: impossible.graph, problems: [],
    };
    const store = createEditorStore(detail);
    render(
      <EditorStoreContext.Provider value={store}>
        <ProblemsPanel open onToggle={() => undefined} />
      </EditorStoreContext.Provider>,
    );
    act(() => {
      store.getState().actions.setProblems([], store.getState().revision); // validation found no error
      store.getState().actions.setRuleWarnings(draftWarnings(impossible, {}, [billing]));
    });
    return store;
  }

  it('lists them after the errors, as warnings, and the workflow stays ready to publish', () => {
    const store = open();
    const toggle = screen.getByRole('button', { name: /^Problems/ });
    expect(toggle.textContent).toContain('ready to publish');
    expect(toggle.textContent).toContain('1 warning');
    expect(store.getState().problems).toEqual([]); // what blocks publishing is untouched
    const list = screen.getByRole('list', { name: 'Warnings' });
    expect(list.textContent).toContain('Never runs');
    expect(list.textContent).toContain('“author followers is more than 1000” and “author followers is less than 500” cannot both hold');
    expect(list.textContent).toContain('Look at: big, small.');
  });

  it('selects the warning’s node and highlights the related ones; choosing a node ends the highlight', () => {
    const store = open();
    fireEvent.click(within(screen.getByRole('list', { name: 'Warnings' })).getByRole('button'));
    const state = store.getState();
    expect(state.nodes.filter((found) => found.selected).map((found) => found.id)).toEqual(['to-vip']);
    expect([...state.relatedNodeIds]).toEqual(['big', 'small']);
    expect(state.focusRequest).toMatchObject({ nodeId: 'to-vip', onlyIfHidden: false });
    act(() => store.getState().actions.onNodesChange([{ type: 'select', id: 'big', selected: true }]));
    expect(store.getState().relatedNodeIds.size).toBe(0);
  });
});
