// The summary as tables: counts per queue and per priority before and after (with the difference), and the
// from → to matrix of where mentions moved. The server's summary is used when it came; a cancelled run is
// summarised from the rows it showed.
import { PRIORITIES, type Priority } from '@mentionflow/engine';
import type { CompareRow, CompareSummary, Counts, Matrix } from '../compare-types.ts';
import { queueKey } from './decision-text.ts';
import { byQueueName } from './row-filters.ts';

export type Dimension = 'queue' | 'priority';

export interface CountRow {
  readonly key: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

const PRIORITY_ORDER: readonly string[] = PRIORITIES;

export function keyOrder(dimension: Dimension): (a: string, b: string) => number {
  if (dimension === 'queue') return byQueueName;
  return (a, b) => rank(a) - rank(b);
}

const rank = (priority: string) => (PRIORITY_ORDER.includes(priority) ? PRIORITY_ORDER.indexOf(priority) : PRIORITY_ORDER.length);

/** One row per key seen before or after; keys with nothing on either side are left out. */
export function countRows(before: Counts, after: Counts, dimension: Dimension): CountRow[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(keyOrder(dimension));
  return keys
    .map((key) => ({ key, before: before[key] ?? 0, after: after[key] ?? 0, delta: (after[key] ?? 0) - (before[key] ?? 0) }))
    .filter((row) => row.before !== 0 || row.after !== 0);
}

export interface MatrixTable {
  /** "Before" keys, one per table row. */
  readonly from: readonly string[];
  /** "After" keys, one per column. */
  readonly to: readonly string[];
  /** cells[i][j]: mentions that went from from[i] to to[j]. */
  readonly cells: readonly (readonly number[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly total: number;
  /** Mentions off the diagonal (their key changed). */
  readonly moved: number;
}

export function matrixTable(matrix: Matrix, dimension: Dimension): MatrixTable {
  const order = keyOrder(dimension);
  const from = Object.keys(matrix).filter((key) => Object.values(matrix[key] ?? {}).some((count) => count > 0)).sort(order);
  const to = [...new Set(from.flatMap((key) => Object.keys(matrix[key] ?? {}).filter((target) => (matrix[key]?.[target] ?? 0) > 0)))].sort(order);
  const cells = from.map((source) => to.map((target) => matrix[source]?.[target] ?? 0));
  const rowTotals = cells.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = to.map((_target, column) => cells.reduce((sum, row) => sum + row[column]!, 0));
  let moved = 0;
  from.forEach((source, i) => to.forEach((target, j) => source !== target && (moved += cells[i]![j]!)));
  return { from, to, cells, rowTotals, columnTotals, total: rowTotals.reduce((sum, count) => sum + count, 0), moved };
}

/** The summary of the rows at hand, in the server's shape (for a run cancelled before its summary). */
export function summarizeRows(rows: readonly CompareRow[]): CompareSummary {
  const count = (target: Record<string, number>, key: string) => (target[key] = (target[key] ?? 0) + 1);
  const cell = (target: Record<string, Record<string, number>>, from: string, to: string) => count((target[from] ??= {}), to);
  const byQueue = { before: {} as Record<string, number>, after: {} as Record<string, number> };
  const zero = () => Object.fromEntries(PRIORITIES.map((priority) => [priority, 0])) as Record<Priority, number>;
  const byPriority = { before: zero(), after: zero() };
  const matrix = { queue: {} as Record<string, Record<string, number>>, priority: {} as Record<string, Record<string, number>> };
  let changed = 0;
  for (const row of rows) {
    const [queueBefore, queueAfter] = [queueKey(row.before.queue), queueKey(row.after.queue)];
    count(byQueue.before, queueBefore);
    count(byQueue.after, queueAfter);
    count(byPriority.before, row.before.priority);
    count(byPriority.after, row.after.priority);
    cell(matrix.queue, queueBefore, queueAfter);
    cell(matrix.priority, row.before.priority, row.after.priority);
    if (row.change.changed) changed++;
  }
  return { type: 'summary', total: rows.length, changed, byQueue, byPriority, matrix };
}

