// What the ticket figures share: the range's filters on tickets, minutes, and the compact forms SQL hands over to
// JavaScript: a ticket figure over a range reads hundreds of thousands of rows, and a GROUP BY would make SQLite sort
// them all, so queries return one comma-separated list of integers (codes for channel, queue, priority…) that
// JavaScript counts in a pass.
import type { Client, InValue } from '@libsql/client';
import type { InsightRange } from './insight-query.ts';

/** In a ticket's group code (insight_ticket_facts), the channel's weight: queue code × 4 + priority stay below it. */
export const CHANNEL_UNIT = 2 ** 20;

/** Minutes, to 0.1. */
export const minutesOf = (ms: number): number => Math.round(ms / 6_000) / 10;

/** SQL conditions on tickets `t` for the range's channel and queue filters. */
export function ticketFilters(range: InsightRange): { sql: string; args: InValue[] } {
  const clauses: string[] = [];
  const args: InValue[] = [];
  if (range.channel !== undefined) clauses.push('t.channel = ?'), args.push(range.channel);
  if (range.queue !== undefined) clauses.push('t.queue = ?'), args.push(range.queue);
  return { sql: clauses.map((clause) => ` AND ${clause}`).join(''), args };
}

/** The range's channel and queue filters as the codes of their names (insight_names), for group codes. */
export interface GroupFilter {
  readonly channel: number | undefined;
  readonly queue: number | undefined;
}

/** The range's filters as codes; null when one names a channel or queue no ticket has had (nothing can match). */
export function groupFilterOf(range: InsightRange, channels: readonly string[], queues: readonly string[]): GroupFilter | null {
  const channel = range.channel === undefined ? undefined : channels.indexOf(range.channel);
  const queue = range.queue === undefined ? undefined : queues.indexOf(range.queue);
  return channel === -1 || queue === -1 ? null : { channel, queue };
}

/** SQL conditions, each after ` AND `, that keep the group codes in `column` the filter keeps. */
export function groupSql(filter: GroupFilter, column: string): string {
  let sql = '';
  if (filter.channel !== undefined) sql += ` AND ${column} >= ${filter.channel * CHANNEL_UNIT} AND ${column} < ${(filter.channel + 1) * CHANNEL_UNIT}`;
  if (filter.queue !== undefined) sql += ` AND (${column} % ${CHANNEL_UNIT}) / 4 = ${filter.queue}`;
  return sql;
}

/** The integers of a `group_concat` (null for no rows), parsed without building a string per number. */
export function integersOf(list: unknown): Float64Array {
  if (list === null || list === undefined) return new Float64Array(0);
  const text = String(list);
  const out = new Float64Array(text.length / 2 + 1);
  let count = 0;
  let value = 0;
  let negative = false;
  for (let index = 0; index <= text.length; index++) {
    const char = index < text.length ? text.charCodeAt(index) : 44;
    if (char === 44) {
      out[count++] = negative ? -value : value;
      value = 0;
      negative = false;
    } else if (char === 45) negative = true;
    else value = value * 10 + (char - 48);
  }
  return out.subarray(0, count);
}

/** The names folding gave codes to (insight_names), indexed by code. */
export async function namesOf(client: Client, kind: 'channel' | 'queue'): Promise<string[]> {
  const names: string[] = [];
  for (const row of (await client.execute({ sql: 'SELECT code, name FROM insight_names WHERE kind = ?', args: [kind] })).rows) names[Number(row.code)] = String(row.name);
  return names;
}
