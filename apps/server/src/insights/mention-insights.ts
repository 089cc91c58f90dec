// Mentions over time: volume by local hour of the week and by day, the top tags and sentiment by day, and the
// incidents of the range. Read from the counters, grouped by local day and hour in SQL (insights/counters.ts).
import { WEEKDAYS } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import type { SqlFragment } from '../time/outbox.ts';
import { MENTION_SLOTS, TAG_SLOTS, countedRows } from './counters.ts';
import type { InsightRange } from './insight-query.ts';
import type { Topics, Volume } from './insight-schemas.ts';
import { DAY, HOUR, LocalCalendar, dayLabel, weekdayOf } from './local-time.ts';

/** How many tags /topics follows. */
export const TOP_TAGS = 15;

type Row = Record<string, unknown>;

async function rows(services: Services, query: SqlFragment): Promise<Row[]> {
  return (await services.database.client.execute({ sql: query.sql, args: [...query.args] })).rows as unknown as Row[];
}

/** `SELECT <local day>, <local hour>, … FROM counted rows`: the counted rows' slots in local time. */
function local(calendar: LocalCalendar, counted: SqlFragment, columns: string, groupBy: string): SqlFragment {
  const wall = calendar.wallSql('slot');
  return {
    sql: `SELECT CAST(wall / ${DAY} AS INTEGER) AS day, CAST((wall % ${DAY}) / ${HOUR} AS INTEGER) AS hour, ${columns}
          FROM (SELECT ${wall.sql} AS wall, * FROM (${counted.sql})) GROUP BY ${groupBy}`,
    args: [...wall.args, ...counted.args],
  };
}

export async function volumeInsight(services: Services, range: InsightRange): Promise<Volume> {
  const settings = await services.settings.get();
  const calendar = new LocalCalendar(settings.timezone, range.from, range.to);
  const counted = countedRows(MENTION_SLOTS, range, ['mentions']);
  const byDay = new Map(calendar.days().map((day) => [day, 0]));
  const byHour = new Map<string, number>(WEEKDAYS.flatMap((weekday) => Array.from({ length: 24 }, (_, hour) => [`${weekday}@${hour}`, 0] as const)));
  for (const row of await rows(services, local(calendar, counted, 'sum(mentions) AS count', 'day, hour'))) {
    const day = Number(row.day);
    const count = Number(row.count);
    const label = dayLabel(day);
    byDay.set(label, (byDay.get(label) ?? 0) + count);
    const key = `${weekdayOf(day)}@${Number(row.hour)}`;
    byHour.set(key, (byHour.get(key) ?? 0) + count);
  }
  return {
    byHourOfWeek: [...byHour].map(([key, count]) => {
      const [weekday, hour] = key.split('@') as [(typeof WEEKDAYS)[number], string];
      return { weekday, hour: Number(hour), count };
    }),
    businessHours: { days: [...settings.businessHours.days], start: settings.businessHours.start, end: settings.businessHours.end, timezone: settings.timezone },
    byDay: [...byDay].map(([day, count]) => ({ day, count })),
  };
}

export async function topicsInsight(services: Services, range: InsightRange): Promise<Topics> {
  const settings = await services.settings.get();
  const calendar = new LocalCalendar(settings.timezone, range.from, range.to);
  const days = calendar.days();

  const tagCounts = new Map<string, Map<string, number>>();
  const tagged = local(calendar, countedRows(TAG_SLOTS, range, ['tag', 'mentions']), 'tag, sum(mentions) AS count', 'day, tag');
  for (const row of await rows(services, tagged)) {
    const tag = String(row.tag);
    const byDay = tagCounts.get(tag) ?? new Map<string, number>();
    const label = dayLabel(Number(row.day));
    byDay.set(label, (byDay.get(label) ?? 0) + Number(row.count));
    tagCounts.set(tag, byDay);
  }
  const totals = [...tagCounts].map(([tag, byDay]) => ({ tag, total: [...byDay.values()].reduce((sum, count) => sum + count, 0), byDay }));
  totals.sort((a, b) => b.total - a.total || (a.tag < b.tag ? -1 : 1));
  const tags = totals.slice(0, TOP_TAGS).map(({ tag, total, byDay }) => ({ tag, total, byDay: days.map((day) => ({ day, count: byDay.get(day) ?? 0 })) }));

  const sentiment = new Map(days.map((day) => [day, { sum: 0, count: 0 }]));
  const scored = local(calendar, countedRows(MENTION_SLOTS, range, ['sentiment_sum', 'sentiment_count']), 'sum(sentiment_sum) AS total, sum(sentiment_count) AS count', 'day');
  for (const row of await rows(services, scored)) {
    const entry = sentiment.get(dayLabel(Number(row.day)));
    if (!entry) continue;
    entry.sum += Number(row.total);
    entry.count += Number(row.count);
  }
  // The mean of the scores rounded to thousandths (as counted), to thousandths.
  const sentimentByDay = [...sentiment].map(([day, { sum, count }]) => ({ day, average: count > 0 ? Math.round(sum / count) / 1000 : null, count }));

  return { tags, sentimentByDay, incidents: await incidentsOf(services, range) };
}

/** Incidents open at some point of the range, newest first, with the linked mentions matching the filters. */
async function incidentsOf(services: Services, range: InsightRange): Promise<Topics['incidents']> {
  const linked: string[] = [];
  const args: (string | number)[] = [];
  if (range.channel !== undefined) linked.push('im.channel = ?'), args.push(range.channel);
  if (range.queue !== undefined) {
    linked.push(`EXISTS (SELECT 1 FROM decisions d WHERE d.channel = im.channel AND d.mention_id = im.mention_id AND d.stage = 'ingest' AND d.queue = ?)`);
    args.push(range.queue);
  }
  const filtered = linked.length > 0;
  const found = await rows(services, {
    sql: `SELECT i.id, i.topic, i.status, i.opened_at, i.resolved_at, count(im.mention_id) AS mentions
          FROM incidents i LEFT JOIN incident_mentions im ON im.incident_id = i.id${filtered ? ` AND ${linked.join(' AND ')}` : ''}
          WHERE i.opened_at < ? AND (i.resolved_at IS NULL OR i.resolved_at > ?)
          GROUP BY i.id${filtered ? ' HAVING count(im.mention_id) > 0' : ''}
          ORDER BY i.opened_at DESC, i.id DESC`,
    args: [...args, range.to, range.from],
  });
  return found.map((row) => ({
    id: Number(row.id),
    topic: String(row.topic),
    status: String(row.status),
    openedAt: new Date(Number(row.opened_at)).toISOString(),
    resolvedAt: row.resolved_at === null ? null : new Date(Number(row.resolved_at)).toISOString(),
    mentions: Number(row.mentions),
  }));
}
