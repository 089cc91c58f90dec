// What the insights dashboard reads besides the raw rows (insights/counters.ts, insights/fold.ts). Mention, tag and
// rule counters are folded in bulk from the rows inserted since a cursor (mentions with their ingest decisions by
// `seq`, escalation decisions by rowid, tickets by id; triggers follow the rows that change later); every figure can
// be recomputed from the raw rows. Slots are UTC epoch ms. Each count is kept for four groupings, so that a query reads
// one only: by channel and queue, by channel (`queue` = '*'), by queue (`channel` = '*') and overall ('*', '*'). Rule
// hits keep the first and the last: their queries read whole ranges of slots anyway (insightRuleHits).
// `queue` is '' for a mention no rule routed. Response times read the tickets' facts through days packed by queries
// (insight_response_days); migration 0008_response_days adds the triggers that drop a stale pack and, on
// ticket_actions (schema-time.ts), the partial index `insight_escalations` the escalations per day read.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Mentions per 15-minute slot of `created_at`. Every time zone's offset is a multiple of 15 minutes, so a slot lies
 * within one local hour: slots add up to exact local hours and days in any zone.
 */
export const insightMentionSlots = sqliteTable(
  'insight_mention_slots',
  {
    channel: text('channel').notNull(),
    queue: text('queue').notNull(),
    slot: integer('slot').notNull(),
    mentions: integer('mentions').notNull(),
    /** The mentions' sentiment scores in thousandths (each rounded), summed: integers add up exactly in any order. */
    sentimentSum: integer('sentiment_sum').notNull(),
    /** Mentions with a sentiment score (the average's denominator). */
    sentimentCount: integer('sentiment_count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.channel, table.queue, table.slot] })],
);

/** Mentions per 15-minute slot of `created_at` and tag of their ingest decision. */
export const insightTagSlots = sqliteTable(
  'insight_tag_slots',
  {
    channel: text('channel').notNull(),
    queue: text('queue').notNull(),
    slot: integer('slot').notNull(),
    tag: text('tag').notNull(),
    mentions: integer('mentions').notNull(),
  },
  (table) => [primaryKey({ columns: [table.channel, table.queue, table.slot, table.tag] })],
);

const ruleHitColumns = {
  channel: text('channel').notNull(),
  queue: text('queue').notNull(),
  slot: integer('slot').notNull(),
  workflowId: text('workflow_id').notNull(),
  nodeId: text('node_id').notNull(),
  hits: integer('hits').notNull(),
};

/**
 * Firings of each node in ingest decisions, per hour of `decided_at` overall and per day by channel and queue; not by
 * channel alone or queue alone, which queries sum from the counts by both. Keyed slot first and WITHOUT ROWID
 * (migration 0009_rule_hits_by_slot): a fold adds to the rows of the current day and hour, which then sit together in
 * a few pages instead of wherever each was first inserted that day; a query reads its range of slots.
 */
export const insightRuleHits = sqliteTable('insight_rule_hits', ruleHitColumns, (table) => [primaryKey({ columns: [table.slot, table.channel, table.queue, table.workflowId, table.nodeId] })]);

/**
 * The same for escalation decisions, folded by rowid. The escalation runner replaces a ticket's escalation decision
 * as it escalates further: a trigger on `decisions` (migration 0005_insights) moves the counts of a folded one.
 */
export const insightEscalationHits = sqliteTable('insight_escalation_hits', ruleHitColumns, (table) => [
  primaryKey({ columns: [table.channel, table.queue, table.slot, table.workflowId, table.nodeId] }),
]);

/** Small integer codes for the channel and queue names tickets use, per kind, in order of first appearance. */
export const insightNames = sqliteTable(
  'insight_names',
  {
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    code: integer('code').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.name] }), uniqueIndex('insight_names_code').on(table.kind, table.code)],
);

/**
 * What response times read of each ticket, in one narrow row: when its wait started (its mention's `created_at`, or
 * its own creation when it has none, as a follow-up), when it was answered and due, and its channel, queue and
 * priority packed into one integer. Folded by ticket id; a trigger on `tickets` (migration 0005_insights) follows
 * the changes of a folded ticket.
 */
export const insightTicketFacts = sqliteTable(
  'insight_ticket_facts',
  {
    ticketId: integer('ticket_id').primaryKey(),
    createdAt: integer('created_at').notNull(),
    /** channel code × 2^20 + queue code × 4 + priority (0 for P1 … 3 for P4). */
    groupCode: integer('group_code').notNull(),
    startedAt: integer('started_at').notNull(),
    answeredAt: integer('answered_at'),
    dueAt: integer('due_at'),
  },
  (table) => [
    index('insight_ticket_facts_created').on(table.createdAt, table.groupCode, table.answeredAt, table.dueAt, table.startedAt),
    /** The unanswered (a few percent): their SLA outcome depends on the time of the query, so they are never packed. */
    index('insight_ticket_facts_open').on(table.createdAt, table.groupCode, table.dueAt).where(sql`answered_at IS NULL`),
    /** The tickets not answered by their due time (breaches per day, once the due time has passed). */
    index('insight_ticket_facts_late').on(table.dueAt, table.groupCode).where(sql`answered_at IS NULL OR answered_at > due_at`),
  ],
);

/**
 * The answered tickets created on one UTC day, packed so that a range of days reads a few blobs instead of a row per
 * ticket: per ticket, two big-endian unsigned 32-bit integers, (response time in tenths of a minute) × 4 + SLA outcome
 * (0 no due time, 1 answered by it, 2 after it), then its `group_code`. Queries pack the whole past days of their
 * range that have no pack yet (insights/response-days.ts); triggers on insight_ticket_facts (migration
 * 0008_response_days) delete the pack of a day whose facts are inserted, changed or deleted. Nothing else writes here,
 * and every pack can be rebuilt from insight_ticket_facts.
 */
export const insightResponseDays = sqliteTable('insight_response_days', {
  /** Days since 1970-01-01 UTC: `created_at` / 86,400,000. */
  day: integer('day').primaryKey(),
  tickets: blob('tickets', { mode: 'buffer' }).notNull(),
});

/** How far folding went: the last `mentions.seq` ('mentions'), `decisions.rowid` ('escalations') and `tickets.id` ('tickets'). */
export const insightCursors = sqliteTable('insight_cursors', {
  name: text('name').primaryKey(),
  position: integer('position').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
