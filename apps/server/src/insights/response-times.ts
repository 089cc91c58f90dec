// First-response times of the tickets created in the range (first_response_at − the mention's created_at), by
// channel, queue and priority with each priority's target, and SLA breaches and escalations per local day.
import type { Client, InValue } from '@libsql/client';
import { PRIORITIES } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import type { InsightRange } from './insight-query.ts';
import type { ResponseTimes } from './insight-schemas.ts';
import { LocalCalendar, dayLabel } from './local-time.ts';
import { CHANNEL_UNIT, integersOf, namesOf, ticketFilters } from './ticket-sql.ts';

/**
 * One integer per ticket created in the range: (response time in tenths of a minute + 1, or 0 unanswered) × scale +
 * group × 3 + SLA outcome (0 none, 1 within target, 2 breached), where group = channel × queues × 4 + queue × 4 +
 * priority counts the names there are, so the numbers stay short. SQLite neither sorts nor groups. Rounding each time
 * to the 0.1 minute the answer shows changes no percentile: the nearest-rank value of rounded times is the rounded
 * nearest-rank value.
 */
async function ticketsCreated(client: Client, range: InsightRange, channels: readonly string[], queues: readonly string[]): Promise<{ encoded: Float64Array; scale: number }> {
  const perChannel = Math.max(1, queues.length) * 4;
  const scale = Math.max(1, channels.length) * perChannel * 3;
  const none = { encoded: new Float64Array(0), scale };
  const filters: string[] = [];
  const args: InValue[] = [];
  if (range.channel !== undefined) {
    const channel = channels.indexOf(range.channel);
    if (channel < 0) return none;
    filters.push('f.group_code >= ? AND f.group_code < ?');
    args.push(channel * CHANNEL_UNIT, (channel + 1) * CHANNEL_UNIT);
  }
  if (range.queue !== undefined) {
    const queue = queues.indexOf(range.queue);
    if (queue < 0) return none;
    filters.push(`(f.group_code % ${CHANNEL_UNIT}) / 4 = ${queue}`);
  }
  const row = (
    await client.execute({
      sql: `SELECT group_concat(
              (CASE WHEN f.answered_at IS NULL THEN 0 ELSE CAST(round(max(0, f.answered_at - f.started_at) / 6000.0) AS INTEGER) + 1 END) * ${scale}
              + (f.group_code / ${CHANNEL_UNIT} * ${perChannel} + f.group_code % ${CHANNEL_UNIT}) * 3
              + CASE WHEN f.answered_at <= f.due_at THEN 1 WHEN f.answered_at > f.due_at OR (f.answered_at IS NULL AND f.due_at < ?) THEN 2 ELSE 0 END
            ) AS encoded
            FROM insight_ticket_facts f WHERE f.created_at >= ? AND f.created_at < ?${filters.map((filter) => ` AND ${filter}`).join('')}`,
      args: [range.now, range.from, range.to, ...args],
    })
  ).rows[0];
  return { encoded: integersOf(row?.encoded), scale };
}

/** Beyond this many tenths of a minute (about 70 days), sort instead of counting. */
const COUNTING_LIMIT = 2 ** 22;

/**
 * The answered tickets' [response time in tenths, group code], fastest first. A counting sort on the tenths: a
 * million tickets sort in a pass or two, where a comparison sort takes several times as long.
 */
function* inTimeOrder(encoded: Float64Array, scale: number, answered: number, longest: number): Generator<[number, number]> {
  if (longest > COUNTING_LIMIT) {
    const sorted = encoded.filter((value) => value >= scale).sort();
    for (const value of sorted) yield [(value - (value % scale)) / scale - 1, ((value % scale) - ((value % scale) % 3)) / 3];
    return;
  }
  const starts = new Uint32Array(longest + 2);
  for (let i = 0; i < encoded.length; i++) if (encoded[i]! >= scale) starts[Math.floor(encoded[i]! / scale) + 1]!++;
  for (let tenths = 1; tenths < starts.length; tenths++) starts[tenths]! += starts[tenths - 1]!;
  const groups = new Int32Array(answered);
  const next = starts.slice();
  for (let i = 0; i < encoded.length; i++) {
    const value = encoded[i]!;
    if (value < scale) continue;
    const rest = value % scale;
    groups[next[(value - rest) / scale]!++] = (rest - (rest % 3)) / 3;
  }
  const pair: [number, number] = [0, 0];
  for (let stored = 1; stored < starts.length - 1; stored++) {
    for (let index = starts[stored]!; index < starts[stored + 1]!; index++) {
      pair[0] = stored - 1;
      pair[1] = groups[index]!;
      yield pair;
    }
  }
}

export async function responseTimesInsight(services: Services, range: InsightRange): Promise<ResponseTimes> {
  const { client } = services.database;
  const settings = await services.settings.get();
  const [channels, queues] = [await namesOf(client, 'channel'), await namesOf(client, 'queue')];
  const { encoded, scale } = await ticketsCreated(client, range, channels, queues);
  const perChannel = Math.max(1, queues.length) * 4;

  // Tallies: 0 overall, then channels, queues and priorities; a group code adds to one of each.
  const channelAt = 1;
  const queueAt = channelAt + channels.length;
  const priorityAt = queueAt + queues.length;
  const size = priorityAt + PRIORITIES.length;
  const present = new Uint8Array(size);
  const counts = new Float64Array(size);
  const seen = new Float64Array(size);
  const medians = new Float64Array(size);
  const p90s = new Float64Array(size);
  const within = new Float64Array(PRIORITIES.length);
  const breached = new Float64Array(PRIORITIES.length);
  const tallies = new Int32Array(4);
  const tallyOf = (group: number): Int32Array => {
    const priority = group % 4;
    tallies[0] = 0;
    tallies[1] = channelAt + Math.floor(group / perChannel);
    tallies[2] = queueAt + ((group % perChannel) - priority) / 4;
    tallies[3] = priorityAt + priority;
    return tallies;
  };
  // First pass: every ticket makes its groups present and counts toward its SLA outcome; answered ones count toward
  // their tallies. Then the answered, in response-time order (a counting sort on the tenths of a minute), and note the
  // values at each tally's median and 90th percentile nearest ranks.
  let longest = 0;
  let answered = 0;
  for (let i = 0; i < encoded.length; i++) {
    const value = encoded[i]!;
    const rest = value % scale;
    const outcome = rest % 3;
    const at = tallyOf((rest - outcome) / 3);
    for (let k = 0; k < 4; k++) present[at[k]!] = 1;
    if (outcome === 1) within[at[3]! - priorityAt]!++;
    else if (outcome === 2) breached[at[3]! - priorityAt]!++;
    if (value < scale) continue;
    for (let k = 0; k < 4; k++) counts[at[k]!]!++;
    longest = Math.max(longest, (value - rest) / scale);
    answered++;
  }
  for (const [tenths, group] of inTimeOrder(encoded, scale, answered, longest)) {
    const at = tallyOf(group);
    for (let k = 0; k < 4; k++) {
      const index = at[k]!;
      const rank = ++seen[index]!;
      if (rank === Math.ceil(counts[index]! * 0.5)) medians[index] = tenths;
      if (rank === Math.ceil(counts[index]! * 0.9)) p90s[index] = tenths;
    }
  }
  const figures = (index: number) => ({
    count: counts[index]!,
    medianMinutes: counts[index]! > 0 ? medians[index]! / 10 : null,
    p90Minutes: counts[index]! > 0 ? p90s[index]! / 10 : null,
  });
  const busiestFirst = (a: { count: number; key: string }, b: { count: number; key: string }) => b.count - a.count || (a.key < b.key ? -1 : 1);
  const ranked = (names: readonly string[], at: number) =>
    names
      .flatMap((key, code) => (present[at + code] ? [{ key, ...figures(at + code) }] : []))
      .sort(busiestFirst);

  return {
    overall: figures(0),
    byChannel: ranked(channels, channelAt).map(({ key, ...rest }) => ({ channel: key, ...rest })),
    byQueue: ranked(queues, queueAt).map(({ key, ...rest }) => ({ queue: key, ...rest })),
    byPriority: PRIORITIES.map((priority, index) => ({
      priority,
      ...figures(priorityAt + index),
      targetMinutes: settings.responseTargets[priority],
      withinTarget: within[index]!,
      breached: breached[index]!,
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
