// First-response times of the tickets created in the range (first_response_at − the mention's created_at), by
// channel, queue and priority with each priority's target, and SLA breaches and escalations per local day.
import type { InValue } from '@libsql/client';
import { CHANNELS, PRIORITIES } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import type { InsightRange } from './insight-query.ts';
import type { ResponseTimes } from './insight-schemas.ts';
import { codeSql, integersOf, withValues, type TicketLists } from './codes.ts';
import { LocalCalendar, dayLabel } from './local-time.ts';

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

/** Nearest-rank median and p90 of one group: the smallest value with at least p% of the group at or below it. */
interface Tally {
  count: number;
  seen: number;
  median: number | null;
  p90: number | null;
}

const tally = (): Tally => ({ count: 0, seen: 0, median: null, p90: null });
const figures = (entry: Tally) => ({ count: entry.count, medianMinutes: entry.median === null ? null : minutesOf(entry.median), p90Minutes: entry.p90 === null ? null : minutesOf(entry.p90) });

interface Answered {
  /** Response time × scale + group code, for every answered ticket: sorted, they are in response-time order. */
  readonly encoded: Float64Array;
  readonly scale: number;
  /** Group codes of every ticket created in the range, answered or not. */
  readonly present: Float64Array;
  readonly queues: readonly string[];
  readonly within: Record<string, number>;
  readonly breached: Record<string, number>;
}

/** One pass over the tickets created in the range: each one's group (channel, queue, priority) as a code. */
async function answeredTickets(services: Services, range: InsightRange, queues: readonly string[]): Promise<{ result: Answered; stale: boolean[] }> {
  const channel = codeSql('t.channel', CHANNELS);
  const queue = codeSql('t.queue', queues);
  const priority = codeSql('t.priority', PRIORITIES);
  const scale = 2 ** Math.ceil(Math.log2(CHANNELS.length * Math.max(1, queues.length) * PRIORITIES.length + 1));
  const filters = ticketFilters(range);
  const perPriority = PRIORITIES.map((p, index) => `sum(within) FILTER (WHERE priority = ${index}) AS within_${p}, sum(breached) FILTER (WHERE priority = ${index}) AS breached_${p}`);
  const row = (
    await services.database.client.execute({
      sql: `SELECT group_concat(answered * ${scale} + code) AS encoded, group_concat(DISTINCT code) AS present, max(queue = -1) AS unknown_queue, ${perPriority.join(', ')}
            FROM (SELECT (${channel.sql} * ${Math.max(1, queues.length)} + ${queue.sql}) * ${PRIORITIES.length} + ${priority.sql} AS code, ${queue.sql} AS queue, ${priority.sql} AS priority,
                         CASE WHEN t.first_response_at IS NOT NULL THEN max(0, t.first_response_at - s.started_at) END AS answered,
                         t.first_response_at <= t.first_response_due_at AS within,
                         t.first_response_at > t.first_response_due_at OR (t.first_response_at IS NULL AND t.first_response_due_at < ?) AS breached
                  -- The covering index by creation (SQLite would otherwise pick the ticket's row for every ticket).
                  FROM tickets t INDEXED BY tickets_created_at JOIN insight_ticket_starts s ON s.ticket_id = t.id
                  WHERE t.created_at >= ? AND t.created_at < ?${filters.sql})`,
      args: [...channel.args, ...queue.args, ...priority.args, ...queue.args, ...priority.args, range.now, range.from, range.to, ...filters.args],
    })
  ).rows[0]!;
  const per = (prefix: string) => Object.fromEntries(PRIORITIES.map((p) => [p, Number(row[`${prefix}_${p}`] ?? 0)]));
  const result = { encoded: integersOf(row.encoded), scale, present: integersOf(row.present), queues, within: per('within'), breached: per('breached') };
  return { result, stale: [row.unknown_queue === 1] };
}

export async function responseTimesInsight(services: Services, range: InsightRange, lists: TicketLists): Promise<ResponseTimes> {
  const settings = await services.settings.get();
  const answered = await withValues(services.database.client, [lists.queues], ([queues]) => answeredTickets(services, range, queues!));
  const { scale, queues } = answered;
  const groups = (code: number) => {
    const p = code % PRIORITIES.length;
    const rest = (code - p) / PRIORITIES.length;
    const q = rest % Math.max(1, queues.length);
    return { channel: (rest - q) / Math.max(1, queues.length), queue: q, priority: p };
  };
  const overall = tally();
  const byChannel = new Map<number, Tally>();
  const byQueue = new Map<number, Tally>();
  const byPriority = PRIORITIES.map(tally);
  for (const code of answered.present) {
    const { channel, queue } = groups(code);
    if (!byChannel.has(channel)) byChannel.set(channel, tally());
    if (!byQueue.has(queue)) byQueue.set(queue, tally());
  }
  // Sorted, the encoded times are in response-time order: count each group, then walk them again and note the
  // values at the median's and the 90th percentile's ranks.
  const sorted = answered.encoded.sort();
  const tallies = (code: number) => {
    const { channel, queue, priority } = groups(code);
    return [overall, byChannel.get(channel)!, byQueue.get(queue)!, byPriority[priority]!];
  };
  const cache = new Map<number, Tally[]>();
  const tallyOf = (code: number) => cache.get(code) ?? (cache.set(code, tallies(code)), cache.get(code)!);
  for (const value of sorted) for (const entry of tallyOf(value % scale)) entry.count++;
  for (const value of sorted) {
    const code = value % scale;
    const time = (value - code) / scale;
    for (const entry of tallyOf(code)) {
      entry.seen++;
      if (entry.seen === Math.ceil(entry.count * 0.5)) entry.median = time;
      if (entry.seen === Math.ceil(entry.count * 0.9)) entry.p90 = time;
    }
  }
  const busiestFirst = (a: { count: number; key: string }, b: { count: number; key: string }) => b.count - a.count || (a.key < b.key ? -1 : 1);
  const ranked = (map: Map<number, Tally>, names: readonly string[]) => [...map].map(([index, entry]) => ({ key: names[index]!, ...figures(entry) })).sort(busiestFirst);

  return {
    overall: figures(overall),
    byChannel: ranked(byChannel, CHANNELS).map(({ key, ...rest }) => ({ channel: key, ...rest })),
    byQueue: ranked(byQueue, queues).map(({ key, ...rest }) => ({ queue: key, ...rest })),
    byPriority: PRIORITIES.map((priority, index) => ({
      priority,
      ...figures(byPriority[index]!),
      targetMinutes: settings.responseTargets[priority],
      withinTarget: answered.within[priority] ?? 0,
      breached: answered.breached[priority] ?? 0,
    })),
    breachesOverTime: await breachesByDay(services, range, settings.timezone),
  };
}

/** How many times each local day number occurs in a `group_concat` of day numbers. */
function countDays(list: unknown): Map<string, number> {
  const counts = new Map<number, number>();
  for (const day of integersOf(list)) counts.set(day, (counts.get(day) ?? 0) + 1);
  return new Map([...counts].map(([day, count]) => [dayLabel(day), count]));
}

/**
 * Per local day of the range: tickets due that day that were answered late or not at all (a breach happens at the
 * due time, and only once it has passed), and escalations applied that day.
 */
async function breachesByDay(services: Services, range: InsightRange, timezone: string): Promise<ResponseTimes['breachesOverTime']> {
  const calendar = new LocalCalendar(timezone, range.from, range.to);
  const filters = ticketFilters(range);
  const due = calendar.daySql('t.first_response_due_at');
  const applied = calendar.daySql('a.applied_at');
  const { client } = services.database;
  const breaches = await client.execute({
    sql: `SELECT group_concat(${due.sql}) AS days FROM tickets t INDEXED BY tickets_due_at
          WHERE t.first_response_due_at >= ? AND t.first_response_due_at < ? AND t.first_response_due_at < ?
            AND (t.first_response_at IS NULL OR t.first_response_at > t.first_response_due_at)${filters.sql}`,
    args: [...due.args, range.from, range.to, range.now, ...filters.args],
  });
  const escalations = await client.execute({
    sql: `SELECT group_concat(${applied.sql}) AS days FROM ticket_actions a${filters.args.length > 0 ? ' JOIN tickets t ON t.id = a.ticket_id' : ''}
          WHERE a.applied_at >= ? AND a.applied_at < ? AND a.type = 'escalate'${filters.sql}`,
    args: [...applied.args, range.from, range.to, ...filters.args],
  });
  const breached = countDays(breaches.rows[0]?.days);
  const escalated = countDays(escalations.rows[0]?.days);
  return calendar.days().map((day) => ({ day, breaches: breached.get(day) ?? 0, escalations: escalated.get(day) ?? 0 }));
}
