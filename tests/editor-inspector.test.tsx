// @vitest-environment happy-dom
// The inspector's generated forms in a DOM: showWhen hides and shows fields, the operator list follows the fact,
// edits reach the store (and undo), problems appear beside their field, and pack parameters display sensibly.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Graph, Problem } from '../packages/engine/src/index.ts';
import { createEditorStore, type EditorStore } from '../apps/editor/src/editor/store/editor-store.ts';
import { EditorStoreContext } from '../apps/editor/src/editor/store/EditorStoreProvider.tsx';
import { Inspector } from '../apps/editor/src/editor/inspector/Inspector.tsx';
import { validate } from '../apps/editor/src/editor/use-live-validation.ts';
import type { WorkflowDetail } from '../apps/editor/src/api/workflows-api.ts';

afterEach(cleanup);

const graph: Graph = {
  nodes: [
    { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
    { id: 'check', type: 'condition', position: { x: 300, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: ['refund'] }] } },
    { id: 'urgent', type: 'set_priority', position: { x: 600, y: 0 }, data: { mode: 'set', priority: 'P2' } },
    { id: 'wait', type: 'condition', position: { x: 600, y: 200 }, data: { combinator: 'all', clauses: [{ fact: 'minutesWaiting', operator: 'greaterThan', value: { $param: 'p1Minutes' } }] } },
  ],
  edges: [
    { id: 'a', source: 'start', target: 'check' },
    { id: 'b', source: 'check', target: 'urgent', sourceHandle: 'yes' },
  ],
};

function open(nodeId: string, parameters: Record<string, unknown> = {}): EditorStore {
  const detail: WorkflowDetail = {
    id: 'w', name: 'W', kind: 'routing', description: '', version: 1, status: 'draft', publishedVersion: null, publishedAt: null, publishedBy: null,
    packId: null, packVersion: null, locallyModified: false, updatedAt: '2026-03-02T10:00:00.000Z', updatedBy: null, graph, problems: [],
  };
  const store = createEditorStore(detail, parameters);
  render(
    <EditorStoreContext.Provider value={store}>
      <Inspector />
    </EditorStoreContext.Provider>,
  );
  act(() => store.getState().actions.selectNode(nodeId));
  return store;
}

const valuesOf = (store: EditorStore, id: string) => store.getState().nodes.find((node) => node.id === id)!.data.values;
const optionTexts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((option) => option.value);

describe('inspector forms generated from node specs', () => {
  it('shows only the fields showWhen allows, and switching the mode swaps them', () => {
    const store = open('urgent');
    expect(screen.getByRole('group', { name: 'Priority' })).toBeTruthy();
    expect(screen.queryByLabelText('Raise by (levels)')).toBeNull();
    fireEvent.change(screen.getByLabelText('Mode'), { target: { value: 'raise' } });
    expect(screen.queryByRole('group', { name: 'Priority' })).toBeNull();
    expect((screen.getByLabelText('Raise by (levels)') as HTMLInputElement).value).toBe('1');
    expect(valuesOf(store, 'urgent')).toEqual({ mode: 'raise', raise: 1 });
    expect(screen.getByLabelText('Summary').textContent).toBe('raise priority by 1 level');
    act(() => store.getState().actions.undo());
    expect(valuesOf(store, 'urgent')).toEqual({ mode: 'set', priority: 'P2' });
  });

  it('lists the operators that fit the chosen fact, and the value editor follows', () => {
    const store = open('check');
    const clause = screen.getByRole('group', { name: 'Clause 1' });
    expect(optionTexts(within(clause).getByLabelText('Operator'))).toEqual(['containsTerms', 'notContainsTerms', 'matchesPattern']);
    fireEvent.change(within(clause).getByLabelText('Fact'), { target: { value: 'author.followers' } });
    expect(optionTexts(within(clause).getByLabelText('Operator'))).toEqual(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn']);
    // The fact's type and description show under the picker.
    expect(document.getElementById(within(clause).getByLabelText('Fact').getAttribute('aria-describedby')!)!.textContent).toMatch(/^number/);
    fireEvent.change(within(clause).getByLabelText('Value'), { target: { value: '10000' } });
    expect(valuesOf(store, 'check')).toEqual({ combinator: 'all', clauses: [{ fact: 'author.followers', operator: 'equal', value: 10000 }] });
    fireEvent.change(within(clause).getByLabelText('Fact'), { target: { value: 'channel' } });
    expect((within(clause).getByLabelText('Value') as HTMLSelectElement).tagName).toBe('SELECT');
  });

  it('edits a term list per language and shows validation problems beside the clause', () => {
    const store = open('check');
    const clause = screen.getByRole('group', { name: 'Clause 1' });
    fireEvent.click(within(clause).getByRole('button', { name: 'Remove refund' }));
    expect(valuesOf(store, 'check')).toMatchObject({ clauses: [{ value: [] }] });
    const problems: readonly Problem[] = validate(store.getState());
    expect(problems.map((found) => found.code)).toContain('empty_terms');
    act(() => store.getState().actions.setProblems(problems, store.getState().revision));
    expect(within(clause).getByText(/the term list is empty/)).toBeTruthy();
    fireEvent.change(within(clause).getByLabelText('Add terms in'), { target: { value: 'fr' } });
    const french = within(clause).getByLabelText('Value: French');
    fireEvent.change(french, { target: { value: 'remboursement' } });
    fireEvent.keyDown(french, { key: 'Enter' });
    expect(valuesOf(store, 'check')).toMatchObject({ clauses: [{ value: { fr: ['remboursement'] } }] });
  });

  it('displays a pack parameter instead of an editor, with its current value', () => {
    open('wait', { p1Minutes: 15 });
    const clause = screen.getByRole('group', { name: 'Clause 1' });
    expect(within(clause).getByText('parameter: p1Minutes')).toBeTruthy();
    expect(screen.getByLabelText('Summary').textContent).toBe('minutes waiting is more than parameter: p1Minutes');
  });

  it('connects an output from the keyboard through the connections list', () => {
    const store = open('check');
    fireEvent.change(screen.getByLabelText('Connect “no” to'), { target: { value: 'wait' } });
    expect(store.getState().edges.some((edge) => edge.source === 'check' && edge.target === 'wait' && edge.sourceHandle === 'no')).toBe(true);
  });
});
