// Comparison rows and stream events for the workbench's tests, built with the engine's own comparison (so the
// change and the summary are exactly what the server sends).
import { ComparisonSummary, compareDecisions, type Decision } from '../../packages/engine/src/index.ts';
import type { CompareRow, CompareStart, CompareSummary } from '../../apps/editor/src/simulation/compare-types.ts';

export function decision(changes: Partial<Decision> = {}): Decision {
  return { mentionId: 'm', priority: 'P3', queue: 'billing', tags: [], actions: [], fired: [], facts: {}, dropped: [], ...changes };
}

/** Row `index`; `after` changes the draft's decision (the published one routes to billing at P3). */
export function row(index: number, after: Partial<Decision> = {}, before: Partial<Decision> = {}, text = `mention number ${index}`): CompareRow {
  const was = decision({ mentionId: `m${index}`, ...before });
  const now = decision({ mentionId: `m${index}`, ...before, ...after });
  return { type: 'row', index, mentionId: `m${index}`, channel: 'x', text, before: was, after: now, change: compareDecisions(was, now) };
}

export function start(total: number): CompareStart {
  return { type: 'start', total, rejected: [], baseline: { workflows: { refunds: 1 } }, candidate: { workflows: ['refunds'] } };
}

export function summaryOf(rows: readonly CompareRow[]): CompareSummary {
  const summary = new ComparisonSummary();
  for (const item of rows) summary.add(item.before, item.after, item.change);
  return { type: 'summary', ...summary.toJSON() };
}
