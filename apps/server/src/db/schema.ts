// Mentionflow's storage schema (drizzle, SQLite dialect for libsql). Times are epoch milliseconds.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

export const settings = sqliteTable('settings', {
  id: integer('id').primaryKey(),
  value: json<Record<string, unknown>>('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const workflows = sqliteTable('workflows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  description: text('description').notNull().default(''),
  graph: json<Record<string, unknown>>('graph').notNull(),
  /** Bumped on every draft save: a save naming an older version is refused (optimistic concurrency). */
  draftVersion: integer('draft_version').notNull().default(1),
  publishedVersion: integer('published_version'),
  /** The pack a workflow came from, and whether the team changed it since (then upgrades keep theirs). */
  packId: text('pack_id'),
  packVersion: text('pack_version'),
  locallyModified: integer('locally_modified', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const workflowVersions = sqliteTable(
  'workflow_versions',
  {
    workflowId: text('workflow_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    graph: json<Record<string, unknown>>('graph').notNull(),
    /** Parameter values bound at publish time (pack workflows). */
    parameters: json<Record<string, unknown>>('parameters').notNull(),
    rules: json<unknown>('rules').notNull(),
    note: text('note').notNull().default(''),
    publishedAt: integer('published_at').notNull(),
    publishedBy: text('published_by'),
    rolledBackFrom: integer('rolled_back_from'),
  },
  (table) => [primaryKey({ columns: [table.workflowId, table.version] })],
);

export const packs = sqliteTable('packs', {
  id: text('id').primaryKey(),
  version: text('version').notNull(),
  name: text('name').notNull(),
  manifest: json<Record<string, unknown>>('manifest').notNull(),
  parameters: json<Record<string, unknown>>('parameters').notNull(),
  installedAt: integer('installed_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const mentions = sqliteTable(
  'mentions',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    id: text('id').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    text: text('text').notNull(),
    authorHandle: text('author_handle').notNull(),
    conversationId: text('conversation_id'),
    language: text('language'),
    sentiment: real('sentiment'),
    createdAt: integer('created_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** Set by the ingest that stored the row: statements in the same commit check it, so a concurrent
     *  ingest of the same mention by another process changes nothing. */
    ingestToken: text('ingest_token').notNull(),
  },
  (table) => [
    uniqueIndex('mentions_channel_id').on(table.channel, table.id),
    index('mentions_created_at').on(table.createdAt),
    index('mentions_received_at').on(table.receivedAt),
  ],
);

export const decisions = sqliteTable(
  'decisions',
  {
    channel: text('channel').notNull(),
    mentionId: text('mention_id').notNull(),
    stage: text('stage').notNull().default('ingest'),
    decision: json<Record<string, unknown>>('decision').notNull(),
    priority: text('priority').notNull(),
    queue: text('queue'),
    tags: json<string[]>('tags').notNull(),
    /** Which published versions produced the decision: `{ workflowId: version }`. */
    versions: json<Record<string, number>>('versions').notNull(),
    /** What the engine was given besides the mention (time, volumes, open incidents): explanations replay it. */
    context: json<Record<string, unknown>>('context').notNull(),
    decidedAt: integer('decided_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.channel, table.mentionId, table.stage] }),
    index('decisions_decided_at').on(table.decidedAt),
    index('decisions_escalated_at').on(table.decidedAt).where(sql`stage = 'escalation'`),
  ],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    mentionId: text('mention_id').notNull(),
    queue: text('queue').notNull(),
    priority: text('priority').notNull(),
    status: text('status').notNull().default('open'),
    tags: json<string[]>('tags').notNull(),
    language: text('language'),
    sentiment: real('sentiment'),
    authorHandle: text('author_handle').notNull(),
    conversationId: text('conversation_id'),
    assigneeId: text('assignee_id'),
    claimedAt: integer('claimed_at'),
    firstResponseDueAt: integer('first_response_due_at'),
    firstResponseAt: integer('first_response_at'),
    escalatedTo: json<string[]>('escalated_to').notNull().default(sql`'[]'`),
    rating: integer('rating'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (table) => [
    uniqueIndex('tickets_mention').on(table.channel, table.mentionId),
    index('tickets_open_queue').on(table.status, table.queue, table.priority, table.firstResponseDueAt),
    index('tickets_assignee').on(table.assigneeId, table.status),
    index('tickets_resolved_at').on(table.resolvedAt),
    // Insights: covering indexes for breaches (by due time), the open backlog, work done and ratings (by resolution).
    // Those on resolution are partial, so ingest does not write them.
    index('tickets_due_at').on(table.firstResponseDueAt, table.firstResponseAt, table.channel, table.queue),
    index('tickets_open_work').on(table.queue, table.channel, table.assigneeId, table.createdAt, table.firstResponseAt, table.firstResponseDueAt).where(sql`status = 'open'`),
    index('tickets_resolved_by').on(table.assigneeId, table.resolvedAt, table.channel, table.queue).where(sql`resolved_at IS NOT NULL`),
    index('tickets_rated').on(table.resolvedAt, table.queue, table.rating, table.channel).where(sql`rating IS NOT NULL`),
  ],
);

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  tier: text('tier').notNull().default('agent'),
  skills: json<string[]>('skills').notNull(),
  languages: json<string[]>('languages').notNull(),
  queues: json<string[]>('queues').notNull(),
  capacity: integer('capacity').notNull().default(5),
  rating: real('rating').notNull().default(4),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

export const conversations = sqliteTable(
  'conversations',
  {
    channel: text('channel').notNull(),
    conversationId: text('conversation_id').notNull(),
    brandReplies: integer('brand_replies').notNull().default(0),
    customerMessages: integer('customer_messages').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.channel, table.conversationId] })],
);

export const replies = sqliteTable(
  'replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id').notNull(),
    agentId: text('agent_id'),
    channel: text('channel').notNull(),
    conversationId: text('conversation_id'),
    authorHandle: text('author_handle').notNull(),
    visibility: text('visibility').notNull(),
    text: text('text').notNull(),
    overrideReason: text('override_reason'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('replies_ticket').on(table.ticketId), index('replies_conversation').on(table.channel, table.conversationId, table.authorHandle)],
);

export const templates = sqliteTable(
  'templates',
  {
    id: text('id').notNull(),
    channel: text('channel').notNull().default('*'),
    language: text('language').notNull().default('*'),
    body: text('body').notNull(),
    description: text('description').notNull().default(''),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.id, table.channel, table.language] })],
);

export const approvals = sqliteTable(
  'approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    subject: json<Record<string, unknown>>('subject').notNull(),
    requiredRole: text('required_role').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: text('requested_by'),
    decidedBy: text('decided_by'),
    createdAt: integer('created_at').notNull(),
    decidedAt: integer('decided_at'),
  },
  (table) => [index('approvals_status').on(table.status)],
);

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    subject: text('subject'),
    detail: json<Record<string, unknown>>('detail').notNull(),
    /** The changed thing as it was and as it became, for changes to policies, settings, users and tokens. */
    before: json<unknown>('before'),
    after: json<unknown>('after'),
    actor: text('actor'),
    at: integer('at').notNull(),
  },
  (table) => [index('events_at').on(table.at), index('events_type').on(table.type), index('events_actor').on(table.actor, table.id), index('events_subject').on(table.subject, table.id)],
);
