// Storage for what happens as time passes and mentions pile up: scheduled jobs, ticket action history, incidents
// and their notices, and outbound events with their webhook deliveries. Times are epoch milliseconds.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

/**
 * Durable timers. A job is due at `due_at`; a scheduler claims due work with one UPDATE … RETURNING that sets
 * `claim_token` and a lease (`claimed_until`), so two processes never run the same job at once. `key` makes
 * scheduling idempotent (one escalation check per ticket, one follow-up per decision action).
 */
export const scheduledJobs = sqliteTable(
  'scheduled_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    dueAt: integer('due_at').notNull(),
    /** pending → running (claimed) → pending again (rescheduled) or done; failed after too many errors. */
    status: text('status').notNull().default('pending'),
    claimToken: text('claim_token'),
    claimedUntil: integer('claimed_until'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [uniqueIndex('scheduled_jobs_key').on(table.key), index('scheduled_jobs_due').on(table.status, table.dueAt)],
);

/** Positions of background scans (e.g. the last `resolved_at` looked at), shared by every process. */
export const schedulerCursors = sqliteTable('scheduler_cursors', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Every action a timed stage (escalation, resolution) applied to a ticket: once per ticket and `action_key`. */
export const ticketActions = sqliteTable(
  'ticket_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id').notNull(),
    stage: text('stage').notNull(),
    type: text('type').notNull(),
    actionKey: text('action_key').notNull(),
    action: json<Record<string, unknown>>('action').notNull(),
    /** The claim token of the job that applied it: the statements of that commit test it. */
    token: text('token').notNull(),
    appliedAt: integer('applied_at').notNull(),
  },
  (table) => [uniqueIndex('ticket_actions_once').on(table.ticketId, table.actionKey), index('ticket_actions_applied_at').on(table.appliedAt)],
);

/** At most one open incident per topic (the partial unique index); resolved ones stay for the record. */
export const incidents = sqliteTable(
  'incidents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topic: text('topic').notNull(),
    status: text('status').notNull().default('open'),
    /** The mention whose decision opened it. */
    openedChannel: text('opened_channel').notNull(),
    openedMentionId: text('opened_mention_id').notNull(),
    openedAt: integer('opened_at').notNull(),
    resolvedAt: integer('resolved_at'),
    resolvedBy: text('resolved_by'),
    /** Set by the resolution that won: the follow-ups scheduled in the same commit test it. */
    resolutionToken: text('resolution_token'),
    followUp: json<{ after: string; template: string } | null>('follow_up'),
  },
  (table) => [uniqueIndex('incidents_open_topic').on(table.topic).where(sql`status = 'open'`), index('incidents_status').on(table.status, table.openedAt)],
);

/** The mentions gathered under an incident: linked on `open_incident` and on `link_to_notice`. */
export const incidentMentions = sqliteTable(
  'incident_mentions',
  {
    incidentId: integer('incident_id').notNull(),
    channel: text('channel').notNull(),
    mentionId: text('mention_id').notNull(),
    authorHandle: text('author_handle').notNull(),
    via: text('via').notNull(),
    linkedAt: integer('linked_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.channel, table.mentionId] }), index('incident_mentions_author').on(table.incidentId, table.channel, table.authorHandle)],
);

/** One public notice per incident: drafted by `publish_notice`, approved and published through the API. */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    incidentId: integer('incident_id').notNull(),
    topic: text('topic').notNull(),
    template: text('template'),
    draftText: text('draft_text'),
    text: text('text'),
    status: text('status').notNull().default('draft'),
    createdAt: integer('created_at').notNull(),
    publishedAt: integer('published_at'),
    publishedBy: text('published_by'),
  },
  (table) => [uniqueIndex('notices_incident').on(table.incidentId)],
);

/** Where outbound events go. The secret signs every delivery; the API shows it once, on creation. */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  /** Event types, or `*` for all. */
  events: json<string[]>('events').notNull(),
  secret: text('secret').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  description: text('description').notNull().default(''),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by'),
  deletedAt: integer('deleted_at'),
});

/** Something that leaves Mentionflow: written in the transaction that decided it, with the exact body to sign. */
export const outboundEvents = sqliteTable(
  'outbound_events',
  {
    id: text('id').primaryKey(),
    /** What the event is about, once: the same decision or action never makes two events. */
    key: text('key').notNull(),
    type: text('type').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('outbound_events_key').on(table.key), index('outbound_events_type').on(table.type, table.createdAt)],
);

/** One event to one webhook: retried with backoff until delivered, or failed after the last attempt. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    webhookId: text('webhook_id').notNull(),
    /** pending → sending (claimed) → delivered | pending (retry) | failed | cancelled (webhook deleted). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    claimToken: text('claim_token'),
    claimedUntil: integer('claimed_until'),
    lastAttemptAt: integer('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('webhook_deliveries_once').on(table.eventId, table.webhookId),
    index('webhook_deliveries_due').on(table.status, table.nextAttemptAt),
    index('webhook_deliveries_created').on(table.createdAt),
  ],
);

/** Each attempt of a delivery, for the log: when, what the receiver answered, how long it took. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    deliveryId: integer('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: integer('at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (table) => [primaryKey({ columns: [table.deliveryId, table.attempt] })],
);
