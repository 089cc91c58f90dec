// The insight counters (db/schema-insights.ts) and how they stay equal to the raw rows. What raw rows contribute is
// written once, as SQL (`Counter.source`): folding runs it over the mentions stored since the cursor, and queries
// run it over the partial slots at the edges of a range. Mentions and their ingest decisions never change once
// stored and `seq` grows in commit order, so counting each mention once, in bulk, after its commit is exact.
import type { InValue } from '@libsql/client';
import type { SqlFragment } from '../time/outbox.ts';
import type { InsightRange } from './insight-query.ts';
import { DAY, HOUR, QUARTER } from './local-time.ts';

/**
 * A table of counters: its slot sizes, its columns, and the SQL that derives its rows from raw rows. Sources group by
 * slot first: grouping by channel first tempts SQLite into walking the (channel, id) index of all mentions.
 */
export interface Counter {
  readonly table: string;
  /** The slot of the overall counts ('*', '*'), and of the counts by channel and/or queue (a multiple of it). */
  readonly slot: number;
  readonly filteredSlot: number;
  /**
   * Whether counts by channel alone and by queue alone are kept (`queue` or `channel` '*'). Without them a query
   * filtered on one sums the counts by channel and queue over the other: for a table keyed slot first, which a
   * query reads by its range of slots whatever it filters, that costs nothing and saves the fold two groupings.
   */
  readonly byChannelOrQueue: boolean;
  /** Key columns after channel, queue and slot. */
  readonly keys: readonly string[];
  readonly sums: readonly string[];
  /** The raw rows' instant (its slot), channel and queue, as `where` clauses name them. */
  readonly time: string;
  readonly channel: string;
  readonly queue: string;
  /**
   * Rows (channel, queue, slot, keys…, sums…) of the raw rows `where` selects: `m` a mention, `d` its ingest decision.
   * Readers sum them by key. Where the counts by channel and queue keep the source's slot (`filteredSlot` = `slot`),
   * there is one row per key, which folding adds as it is.
   */
  source(where: SqlFragment): SqlFragment;
}

export const slotOf = (column: string, size: number): string => `(${column} - ((${column} % ${size}) + ${size}) % ${size})`;
const QUEUE = "COALESCE(d.queue, '')";
const INGEST_DECISION = "d.channel = m.channel AND d.mention_id = m.id AND d.stage = 'ingest'";

/** Mentions by 15-minute slot of `created_at`, with their sentiment in thousandths; their queue is their ingest decision's. */
export const MENTION_SLOTS: Counter = {
  table: 'insight_mention_slots',
  slot: QUARTER,
  filteredSlot: QUARTER,
  byChannelOrQueue: true,
  keys: [],
  sums: ['mentions', 'sentiment_sum', 'sentiment_count'],
  time: 'm.created_at',
  channel: 'm.channel',
  queue: QUEUE,
  source: (where) => ({
    sql: `SELECT m.channel AS channel, ${QUEUE} AS queue, ${slotOf('m.created_at', QUARTER)} AS slot,
                 count(*) AS mentions, COALESCE(sum(CAST(round(m.sentiment * 1000) AS INTEGER)), 0) AS sentiment_sum, count(m.sentiment) AS sentiment_count
          FROM mentions m LEFT JOIN decisions d ON ${INGEST_DECISION}
          WHERE ${where.sql} GROUP BY 3, 1, 2`,
    args: where.args,
  }),
};

/** Mentions by 15-minute slot of `created_at` and tag of their ingest decision. */
export const TAG_SLOTS: Counter = {
  table: 'insight_tag_slots',
  slot: QUARTER,
  filteredSlot: QUARTER,
  byChannelOrQueue: true,
  keys: ['tag'],
  sums: ['mentions'],
  time: 'm.created_at',
  channel: 'm.channel',
  queue: QUEUE,
  source: (where) => ({
    sql: `SELECT m.channel AS channel, ${QUEUE} AS queue, ${slotOf('m.created_at', QUARTER)} AS slot, t.value AS tag, count(*) AS mentions
          FROM mentions m CROSS JOIN decisions d ON ${INGEST_DECISION} CROSS JOIN json_each(d.tags) t
          WHERE ${where.sql} GROUP BY 3, 1, 2, 4`,
    args: where.args,
  }),
};

/**
 * Nodes that fired, from decisions `d` joined as `from` says. Fired entries are grouped by their JSON text first, so
 * each distinct entry is parsed once per group rather than once per decision. Entries of one node that differ in
 * text (another version of its workflow) stay separate rows: whatever reads them sums by node anyway.
 */
function firedSource(from: string, where: SqlFragment): SqlFragment {
  return {
    sql: `SELECT channel, queue, slot, fired ->> 'workflowId' AS workflow_id, fired ->> 'nodeId' AS node_id, hits
          FROM (SELECT d.channel AS channel, ${QUEUE} AS queue, ${slotOf('d.decided_at', HOUR)} AS slot, f.value AS fired, count(*) AS hits
                FROM ${from} JOIN json_each(d.decision, '$.fired') f
                WHERE ${where.sql} GROUP BY 3, 1, 2, 4)`,
    args: where.args,
  };
}

/**
 * Nodes that fired in the ingest decisions of mentions, by hour of `decided_at` overall and by day per channel and
 * queue: rules need no local time, and day slots keep a row per node and day instead of per hour.
 */
export const RULE_HITS: Counter = {
  table: 'insight_rule_hits',
  slot: HOUR,
  filteredSlot: DAY,
  byChannelOrQueue: false,
  keys: ['workflow_id', 'node_id'],
  sums: ['hits'],
  time: 'd.decided_at',
  channel: 'd.channel',
  queue: QUEUE,
  source: (where) => firedSource(`mentions m JOIN decisions d ON ${INGEST_DECISION}`, where),
};

/**
 * Nodes that fired in escalation decisions, by the same slots, in all four groupings. Folded by decisions.rowid; the
 * escalation runner then replaces a ticket's escalation decision as it escalates further, and a trigger on `decisions`
 * (migration 0005_insights, which repeats this SQL) moves the counts of a folded one.
 */
export const ESCALATION_HITS: Counter = {
  ...RULE_HITS,
  table: 'insight_escalation_hits',
  byChannelOrQueue: true,
  source: (where) => firedSource('decisions d', { sql: `d.stage = 'escalation' AND ${where.sql}`, args: where.args }),
};

/**
 * The raw rows a counter counts between two instants, with the range's filters. The channel is compared as
 * `+channel`, which no index can serve: SQLite would otherwise prefer walking every row of the channel through the
 * (channel, id) keys to reading the few rows of the time range.
 */
export function rawWhere(counter: Pick<Counter, 'time' | 'channel' | 'queue'>, from: number, to: number, range: InsightRange): SqlFragment {
  const clauses = [`${counter.time} >= ?`, `${counter.time} < ?`];
  const args: InValue[] = [from, to];
  if (range.channel !== undefined) clauses.push(`+${counter.channel} = ?`), args.push(range.channel);
  if (range.queue !== undefined) clauses.push(`${counter.queue} = ?`), args.push(range.queue);
  return { sql: clauses.join(' AND '), args };
}

/** The counter rows of the grouping a range's filters name, or those to sum over the other when it is not kept. */
function grouping(counter: Counter, { channel, queue }: InsightRange): SqlFragment {
  if (counter.byChannelOrQueue || (channel === undefined) === (queue === undefined)) return { sql: 'channel = ? AND queue = ?', args: [channel ?? '*', queue ?? '*'] };
  return channel !== undefined ? { sql: "channel = ? AND queue <> '*'", args: [channel] } : { sql: "queue = ? AND channel <> '*'", args: [queue!] };
}

/**
 * Rows (slot, `columns`…) covering [from, to) exactly: whole slots from the counters (the grouping the filters name),
 * the partial slots at either end from the raw rows. Sum them by whatever the caller groups on.
 */
export function countedRows(counter: Counter, range: InsightRange, columns: readonly string[]): SqlFragment {
  const size = range.channel === undefined && range.queue === undefined ? counter.slot : counter.filteredSlot;
  const first = Math.ceil(range.from / size) * size;
  const end = Math.floor(range.to / size) * size;
  const list = ['slot', ...columns].join(', ');
  const parts: SqlFragment[] = [];
  const raw = (from: number, to: number) => {
    const source = counter.source(rawWhere(counter, from, to, range));
    parts.push({ sql: `SELECT ${list} FROM (${source.sql})`, args: source.args });
  };
  if (first < end) {
    const rows = grouping(counter, range);
    parts.push({ sql: `SELECT ${list} FROM ${counter.table} WHERE ${rows.sql} AND slot >= ? AND slot < ?`, args: [...rows.args, first, end] });
    if (range.from < first) raw(range.from, first);
    if (end < range.to) raw(end, range.to);
  } else raw(range.from, range.to);
  return { sql: parts.map((part) => part.sql).join(' UNION ALL '), args: parts.flatMap((part) => part.args) };
}

/** The counters folded from mentions in `seq` order (ESCALATION_HITS is folded from decisions by rowid). */
export const COUNTERS: readonly Counter[] = [MENTION_SLOTS, TAG_SLOTS, RULE_HITS];
