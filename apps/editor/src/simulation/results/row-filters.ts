// The results' filters: changed rows only, a queue or a priority (before or after), and words to find in the mention.
import type { CompareRow } from '../compare-types.ts';
import { queueKey } from './decision-text.ts';

export interface RowFilters {
  readonly changedOnly: boolean;
  /** A queue key (`(none)` for unrouted); '' for any. */
  readonly queue: string;
  readonly priority: string;
  readonly search: string;
}

export const NO_FILTERS: RowFilters = { changedOnly: false, queue: '', priority: '', search: '' };

export function isFiltered(filters: RowFilters): boolean {
  return filters.changedOnly || filters.queue !== '' || filters.priority !== '' || filters.search.trim() !== '';
}

/** A row matches a queue or priority when either its "before" or its "after" decision has it. */
export function filterRows(rows: readonly CompareRow[], filters: RowFilters): readonly CompareRow[] {
  if (!isFiltered(filters)) return rows;
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filters.changedOnly && !row.change.changed) return false;
    if (filters.queue && queueKey(row.before.queue) !== filters.queue && queueKey(row.after.queue) !== filters.queue) return false;
    if (filters.priority && row.before.priority !== filters.priority && row.after.priority !== filters.priority) return false;
    if (words.length === 0) return true;
    const haystack = `${row.mentionId} ${row.channel} ${row.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The queues found in the rows, before or after, for the queue filter. */
export function queuesOf(rows: readonly CompareRow[]): string[] {
  const queues = new Set<string>();
  for (const row of rows) {
    queues.add(queueKey(row.before.queue));
    queues.add(queueKey(row.after.queue));
  }
  return [...queues].sort(byQueueName);
}

/** Named queues alphabetically, "no queue" last. */
export function byQueueName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '(none)') return 1;
  if (b === '(none)') return -1;
  return a < b ? -1 : 1;
}
