// @vitest-environment happy-dom
// The workbench in a DOM: the panel asks its `onRun` callback (never the network) and shows what it streams —
// changed rows marked, the summary, filters; the explanation reads as a tree with fact values and ✓/✗; and the
// publish dialog lists the regression cases a draft would change and publishes only once they are acknowledged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Graph, RuleTrace } from '../packages/engine/src/index.ts';
import { SimulationPanel } from '../apps/editor/src/simulation/SimulationPanel.tsx';
import { ExplanationPanel } from '../apps/editor/src/simulation/explain/ExplanationPanel.tsx';
import { SimulationStoreProvider } from '../apps/editor/src/simulation/store/SimulationStoreProvider.tsx';
import { createSimulationStore, type SimulationStore } from '../apps/editor/src/simulation/store/simulation-store.ts';
import type { OnRun, RunRequest } from '../apps/editor/src/simulation/compare-types.ts';
import { PublishDialog } from '../apps/editor/src/editor/panels/PublishDialog.tsx';
import { EditorStoreContext } from '../apps/editor/src/editor/store/EditorStoreProvider.tsx';
import { createEditorStore } from '../apps/editor/src/editor/store/editor-store.ts';
import type { WorkflowDetail } from '../apps/editor/src/api/workflows-api.ts';
import { row, start, summaryOf } from './support/simulation-rows.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rows = [row(0, {}, {}, 'nice flight'), row(1, { queue: 'refunds' }, {}, 'refund please'), row(2, { queue: 'refunds', priority: 'P2' }, {}, 'refund now!')];

function renderPanel(onRun: OnRun, store: SimulationStore = createSimulationStore()) {
  render(
    <SimulationStoreProvider store={store}>
      <SimulationPanel onRun={onRun} packs={[]} fileStem="refunds-simulation" />
    </SimulationStoreProvider>,
  );
  return store;
}

describe('the simulation panel', () => {
  it('runs through onRun and shows the streamed rows, changed ones marked, with the summary', async () => {
    const requests: RunRequest[] = [];
    const onRun: OnRun = async (request, handlers) => {
      requests.push(request);
      handlers.onStart(start(3));
      for (const item of rows) handlers.onRow(item);
      handlers.onSummary(summaryOf(rows));
    };
    const store = renderPanel(onRun);
    fireEvent.change(screen.getByLabelText(/or paste mentions/), { target: { value: '{"id":"m0"}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));

    await waitFor(() => expect(screen.getByTestId('sim-changed-count').textContent).toBe('2'));
    expect(requests).toEqual([{ source: { kind: 'text', text: '{"id":"m0"}', fileName: null }, explain: true }]);
    const bodyRows = [...document.querySelectorAll('tbody tr[data-index]')];
    expect(bodyRows.map((element) => element.getAttribute('data-changed'))).toEqual(['false', 'true', 'true']);
    expect(bodyRows[1]!.className).toContain('row-changed');
    expect(within(bodyRows[2] as HTMLElement).getByTestId('queue').getAttribute('aria-label')).toBe('billing, now refunds');
    expect(screen.getByRole('status').textContent).toContain('Compared 3 mentions: 2 changed');
    const byQueue = screen.getByRole('table', { name: 'By queue' });
    expect(within(byQueue).getByRole('row', { name: /refunds/ }).textContent).toBe('refunds02+2');

    fireEvent.click(screen.getByLabelText('Changed only'));
    expect(document.querySelectorAll('tbody tr[data-index]')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Explain mention m2' }));
    expect(store.getState().selected).toBe(2);
  });

  it('refuses to run without mentions, and cancelling keeps the rows shown', async () => {
    let abort: AbortSignal | undefined;
    const onRun: OnRun = (_request, handlers) =>
      new Promise((_resolve, reject) => {
        abort = handlers.signal;
        handlers.onStart(start(100));
        handlers.onRow(rows[0]!);
        handlers.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    renderPanel(onRun);
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    expect(screen.getByRole('alert').textContent).toContain('Choose or drop a file of mentions');

    fireEvent.change(screen.getByLabelText(/or paste mentions/), { target: { value: '{}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run comparison' }));
    await waitFor(() => expect(document.querySelectorAll('tbody tr[data-index]')).toHaveLength(1));
    expect(screen.getByRole('progressbar', { name: 'Mentions compared' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Cancelled after 1 of 100 mentions'));
    expect(abort?.aborted).toBe(true);
    // The summary of the rows shown stands in for the server's.
    expect(screen.getByRole('heading', { name: /Summary \(of the rows shown\)/ })).toBeTruthy();
  });
});

describe('the explanation', () => {
  const fact = (text: string, result: boolean, evaluated: boolean, factValue: unknown, nodeId: string) => ({
    kind: 'fact' as const,
    fact: 'text',
    operator: 'containsTerms',
    value: ['refund'],
    factValue,
    result,
    evaluated,
    nodeId,
    clauseIndex: 0,
    text,
  });
  const rules: RuleTrace[] = [
    {
      workflowId: 'refunds',
      ruleId: 'refunds:to-refunds',
      nodeId: 'to-refunds',
      fired: false,
      action: { type: 'route', queue: 'refunds' },
      conditions: { kind: 'all', result: false, nodeId: 'is-refund', branch: 'yes', children: [fact('text contains any of “refund”', false, true, 'nice flight', 'is-refund'), { ...fact('channel is one of “x”', true, false, 'x', 'is-refund'), fact: 'channel', operator: 'in', value: ['x'] }] },
    },
    { workflowId: 'refunds', ruleId: 'refunds:to-general', nodeId: 'to-general', fired: true, action: { type: 'route', queue: 'general' }, conditions: { kind: 'not', result: true, nodeId: 'is-refund', branch: 'no', children: [{ kind: 'all', result: false, nodeId: 'is-refund', branch: 'yes', children: [] }] } },
  ];
  const paths = [{ workflowId: 'refunds', reached: ['start', 'is-refund', 'to-general'], outcomes: { 'is-refund': 'no' as const } }];

  it('shows both decisions and every rule with its conditions, fact values, ✓/✗ and "not evaluated"', () => {
    const store = createSimulationStore();
    store.setState({ rows: [row(0, { queue: 'general' }, {}, 'nice flight')], request: { source: { kind: 'text', text: '', fileName: null }, explain: true }, selected: 0 });
    store.getState().actions.explanationChanged(0, { status: 'ready', explanation: { before: { rules, paths }, after: { rules, paths } } });
    render(
      <SimulationStoreProvider store={store}>
        <ExplanationPanel workflowId="refunds" onRetry={() => undefined} onSaveCase={async () => undefined} />
      </SimulationStoreProvider>,
    );
    const compare = screen.getAllByRole('table')[0]!;
    expect(within(compare).getByRole('row', { name: /Queue/ }).textContent).toContain('billinggeneral');
    const refundsRule = document.querySelector('[data-rule="to-refunds"]') as HTMLElement;
    expect(refundsRule.querySelector('summary')!.textContent).toContain('✗ did not fire route: refunds to-refunds — stopped at is-refund (needed “yes”)');
    expect(refundsRule.textContent).toContain('is-refund: all of its clauses');
    expect(refundsRule.textContent).toContain('stopped here');
    const clauses = refundsRule.querySelectorAll('.clause-trace');
    expect(clauses[0]!.textContent).toContain('✗ failed text contains any of “refund”');
    expect(clauses[0]!.textContent).toContain('fact value“nice flight”');
    expect(clauses[1]!.textContent).toContain('– not evaluated channel is one of “x”');
    expect(clauses[1]!.textContent).toContain('Not evaluated: its group was already decided');
    expect((document.querySelector('[data-rule="to-general"]') as HTMLElement).textContent).toContain('✓ fired');

    fireEvent.click(screen.getByLabelText('Published'));
    expect(store.getState().side).toBe('before');
    expect(screen.getByText(/drawn on it by node id/)).toBeTruthy();
  });
});

describe('the publish dialog’s regression gate', () => {
  const graph: Graph = { nodes: [{ id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } }], edges: [] };
  const detail: WorkflowDetail = {
    id: 'refunds', name: 'Refunds', kind: 'routing', description: '', version: 2, status: 'draft_ahead', publishedVersion: 1, publishedAt: null, publishedBy: null,
    packId: null, packVersion: null, locallyModified: false, updatedAt: '2026-03-02T10:00:00.000Z', updatedBy: null, graph, problems: [],
  };

  it('lists the failing cases and publishes only after an explicit acknowledgement', async () => {
    const bodies: unknown[] = [];
    const failing = [{ caseId: 'c1', name: 'refund stays in billing', failures: ['queue: expected “billing”, got “refunds”'] }];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url.endsWith('/publish')) {
          bodies.push(JSON.parse(init.body as string));
          if (bodies.length === 1) return new Response(JSON.stringify({ error: 'regression_cases', message: '1 regression case(s) fail', details: { failing } }), { status: 409 });
          return new Response(JSON.stringify({ version: 2, name: 'Refunds', note: '', publishedAt: '', publishedBy: null, rolledBackFrom: null }), { status: 201 });
        }
        return new Response(JSON.stringify({ ...detail, status: 'published', publishedVersion: 2 }), { status: 200 });
      }),
    );
    const store = createEditorStore(detail);
    render(
      <EditorStoreContext.Provider value={store}>
        <PublishDialog onClose={() => undefined} />
      </EditorStoreContext.Provider>,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Publish' })));
    const gate = await screen.findByRole('alert', { name: /1 regression case would change/ });
    expect(within(gate).getByRole('list', { name: 'Cases that would change' }).textContent).toContain('refund stays in billingqueue: expected “billing”, got “refunds”');
    const anyway = screen.getByRole('button', { name: 'Publish anyway' }) as HTMLButtonElement;
    expect(anyway.disabled).toBe(true);
    fireEvent.click(within(gate).getByLabelText('I have reviewed these changes and accept the new decisions'));
    expect(anyway.disabled).toBe(false);
    await act(async () => fireEvent.click(anyway));
    await screen.findByText(/Published version 2\./);
    expect(bodies).toEqual([
      { note: '', version: 2 },
      { note: '', version: 2, acknowledgeCases: true },
    ]);
  });
});
