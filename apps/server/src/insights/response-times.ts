// First-response times of the tickets created in the range (first_response_at − the mention's created_at), by
// channel, queue and priority with each priority's target, and SLA breaches and escalations per local day.
import type { Client } from '@libsql/client';
import { PRIORITIES } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import type { InsightRange } from './insight-query.ts';
import type { ResponseTimes } from './insight-schemas.ts';
import { LocalCalendar, dayLabel } from './local-time.ts';
import { answeredTickets } from './response-days.ts';
import { ResponseTallies } from './response-tallies.ts';
import { groupFilterOf, groupSql, integersOf, namesOf, type GroupFilter } from './ticket-sql.ts';

/** Unanswered tickets created in the range: group code × 4 + 2 once past their due time, else + 0. */
async function unansweredTickets(client: Client, range: InsightRange): Promise<Float64Array> {
  const row = (
    await client.execute({
      sql: `SELECT group_concat(group_code * 4 + CASE WHEN due_at < ? THEN 2 ELSE 0 END) AS codes FROM insight_ticket_facts INDEXED BY insight_ticket_facts_open
            WHERE created_at >= ? AND created_at < ? AND answered_at IS NULL`,
      args: [range.now, range.from, range.to],
    })
  ).rows[0];
  return integersOf(row?.codes);
}

export async function responseTimesInsight(services: Services, range: InsightRange): Promise<ResponseTimes> {
  const { client } = services.database;
  const settings = await services.settings.get();
  const [channels, queues] = [await namesOf(client, 'channel'), await namesOf(client, 'queue')];
  const filter = groupFilterOf(range, channels, queues);
  const tallies = new ResponseTallies(channels.length, queues.length);
  if (filter) tallies.count(filter, await answeredTickets(client, range), await unansweredTickets(client, range));

  const figures = (index: number) => ({
    count: tallies.counts[index]!,
    medianMinutes: tallies.counts[index]! > 0 ? tallies.medians[index]! / 10 : null,
    p90Minutes: tallies.counts[index]! > 0 ? tallies.p90s[index]! / 10 : null,
  });
  const busiestFirst = (a: { count: number; key: string }, b: { count: number; key: string }) => b.count - a.count || (a.key < b.key ? -1 : 1);
  const ranked = (names: readonly string[], at: number) =>
    names
      .flatMap((key, code) => (tallies.present[at + code] ? [{ key, ...figures(at + code) }] : []))
      .sort(busiestFirst);

  return {
    overall: figures(0),
    byChannel: ranked(channels, tallies.channelAt).map(({ key, ...rest }) => ({ channel: key, ...rest })),
    byQueue: ranked(queues, tallies.queueAt).map(({ key, ...rest }) => ({ queue: key, ...rest })),
    byPriority: PRIORITIES.map((priority, index) => ({
      priority,
      ...figures(tallies.priorityAt + index),
      targetMinutes: settings.responseTargets[priority],
      withinTarget: tallies.within[index]!,
      breached: tallies.breached[index]!,
    })),
    breachesOverTime: await breachesByDay(client, range, filter, settings.timezone),
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
 * due time, and only once it has passed), and escalations applied that day. Both read partial indexes that hold
 * only those tickets and actions (migration 0008_response_days).
 */
async function breachesByDay(client: Client, range: InsightRange, filter: GroupFilter | null, timezone: string): Promise<ResponseTimes['breachesOverTime']> {
  const calendar = new LocalCalendar(timezone, range.from, range.to);
  let breached = new Map<string, number>();
  let escalated = new Map<string, number>();
  if (filter) {
    const due = calendar.daySql('f.due_at');
    const applied = calendar.daySql('a.applied_at');
    const filtered = filter.channel !== undefined || filter.queue !== undefined;
    const breaches = await client.execute({
      sql: `SELECT group_concat(${due.sql}) AS days FROM insight_ticket_facts f INDEXED BY insight_ticket_facts_late
            WHERE f.due_at >= ? AND f.due_at < ? AND f.due_at < ? AND (f.answered_at IS NULL OR f.answered_at > f.due_at)${groupSql(filter, 'f.group_code')}`,
      args: [...due.args, range.from, range.to, range.now],
    });
    const escalations = await client.execute({
      sql: `SELECT group_concat(${applied.sql}) AS days FROM ticket_actions a INDEXED BY insight_escalations${filtered ? ' JOIN insight_ticket_facts f ON f.ticket_id = a.ticket_id' : ''}
            WHERE a.applied_at >= ? AND a.applied_at < ? AND a.type = 'escalate'${groupSql(filter, 'f.group_code')}`,
      args: [...applied.args, range.from, range.to],
    });
    breached = countDays(breaches.rows[0]?.days);
    escalated = countDays(escalations.rows[0]?.days);
  }
  return calendar.days().map((day) => ({ day, breaches: breached.get(day) ?? 0, escalations: escalated.get(day) ?? 0 }));
}
