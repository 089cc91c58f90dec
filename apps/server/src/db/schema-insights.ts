// Counters behind the insights dashboard (insights/counters.ts). They are folded in bulk from the raw rows (mentions
// and their ingest decisions, in `seq` order) up to a cursor, so every figure can be recomputed from those rows.
// Slots are UTC epoch ms. Each count is kept for four groupings, so that a query reads one of them only: by channel
// and queue, by channel (`queue` = '*'), by queue (`channel` = '*') and overall ('*', '*'). `queue` is '' for a
// mention no rule routed.
import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
    sentimentSum: real('sentiment_sum').notNull(),
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

/** Firings of each node in ingest decisions, per hour of `decided_at` overall and per day by channel and queue. */
export const insightRuleHits = sqliteTable('insight_rule_hits', ruleHitColumns, (table) => [primaryKey({ columns: [table.channel, table.queue, table.slot, table.workflowId, table.nodeId] })]);

/**
 * The same for escalation decisions, which the escalation runner replaces as a ticket escalates further: triggers on
 * `decisions` (in migration 0005_insights) take the replaced decision's firings out and put the new one's in.
 */
export const insightEscalationHits = sqliteTable('insight_escalation_hits', ruleHitColumns, (table) => [
  primaryKey({ columns: [table.channel, table.queue, table.slot, table.workflowId, table.nodeId] }),
]);

/**
 * When each ticket's wait started: its mention's `created_at` (or the ticket's own creation when it has no mention, as
 * a follow-up). Response times read it by ticket id instead of looking each mention up.
 */
export const insightTicketStarts = sqliteTable('insight_ticket_starts', {
  ticketId: integer('ticket_id').primaryKey(),
  startedAt: integer('started_at').notNull(),
});

/** How far folding went: the last `mentions.seq` counted ('mentions') and the last `tickets.id` ('tickets'). */
export const insightCursors = sqliteTable('insight_cursors', {
  name: text('name').primaryKey(),
  position: integer('position').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
