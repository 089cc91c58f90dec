// The workbench's summary: counts per queue and priority (published vs draft), the from → to matrix as a table,
// and the summary of a cancelled run's rows equal to the one the server computes.
import { describe, expect, it } from 'vitest';
import { countRows, matrixTable, summarizeRows } from '../apps/editor/src/simulation/results/summary-tables.ts';
import { row, summaryOf } from './support/simulation-rows.ts';

const rows = [
  row(0),
  row(1, { queue: 'refunds' }),
  row(2, { queue: 'refunds', priority: 'P2' }),
  row(3, { queue: null }),
  row(4, {}, { queue: null }),
  row(5, { priority: 'P1' }, { queue: 'general' }),
];

describe('summary tables', () => {
  it('counts each queue before and after with the difference, named queues first and "no queue" last', () => {
    const summary = summaryOf(rows);
    expect(countRows(summary.byQueue.before, summary.byQueue.after, 'queue')).toEqual([
      { key: 'billing', before: 4, after: 1, delta: -3 },
      { key: 'general', before: 1, after: 1, delta: 0 },
      { key: 'refunds', before: 0, after: 2, delta: 2 },
      { key: '(none)', before: 1, after: 2, delta: 1 },
    ]);
  });

  it('orders priorities P1 → P4 and leaves out those with nothing on either side', () => {
    const summary = summaryOf(rows);
    expect(countRows(summary.byPriority.before, summary.byPriority.after, 'priority')).toEqual([
      { key: 'P1', before: 0, after: 1, delta: 1 },
      { key: 'P2', before: 0, after: 1, delta: 1 },
      { key: 'P3', before: 6, after: 4, delta: -2 },
    ]);
  });

  it('lays the queue matrix out with published queues as rows and draft queues as columns, totals and moves', () => {
    const table = matrixTable(summaryOf(rows).matrix.queue, 'queue');
    expect(table.from).toEqual(['billing', 'general', '(none)']);
    expect(table.to).toEqual(['billing', 'general', 'refunds', '(none)']);
    expect(table.cells).toEqual([
      [1, 0, 2, 1],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(table.rowTotals).toEqual([4, 1, 1]);
    expect(table.columnTotals).toEqual([1, 1, 2, 2]);
    expect(table.total).toBe(6);
    expect(table.moved).toBe(3); // billing → refunds twice, billing → no queue once
  });

  it('an empty run gives an empty matrix', () => {
    expect(matrixTable({}, 'priority')).toMatchObject({ from: [], to: [], total: 0, moved: 0 });
  });

  it('summarises the rows at hand exactly as the server would', () => {
    expect(summarizeRows(rows)).toEqual(summaryOf(rows));
    expect(summarizeRows([])).toEqual(summaryOf([]));
  });
});
