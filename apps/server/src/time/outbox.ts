// Outbound events: what leaves Mentionflow (escalations, notifications, acknowledgements, notices, follow-ups) is
// written as a row in the same commit as the change it reports, with one delivery row per subscribed webhook; the
// scheduler delivers them later, so a slow or dead receiver never holds up ingest. Events no active webhook
// subscribes to are not stored at all.
import { randomUUID } from 'node:crypto';
import type { InStatement, InValue } from '@libsql/client';

/** The event types webhooks subscribe to (or `*`). A contract: receivers switch on these names. */
export const EVENT_TYPES = [
  'mention.decided',
  'ticket.escalated',
  'ticket.priority_changed',
  'ticket.acknowledged',
  'ticket.action',
  'notification',
  'incident.opened',
  'notice.published',
  'incident.resolved',
  'follow_up.due',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A piece of SQL with its arguments, evaluated inside the commit. */
export interface SqlFragment {
  readonly sql: string;
  readonly args: readonly InValue[];
}

export interface OutboundEvent {
  readonly type: EventType;
  /** What the event reports: the same key never makes a second event (redeliveries, retried jobs). */
  readonly key: string;
  readonly data: Record<string, unknown>;
  /** Fields of `data` read from the database at commit time, e.g. the id of the incident the commit opened. */
  readonly fill?: Readonly<Record<string, SqlFragment>>;
  /** Write the event only if this holds at commit time (e.g. the job's claim is still ours). */
  readonly when?: SqlFragment;
}

const SUBSCRIBED = `w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value IN (?, '*'))`;

/**
 * The two statements that queue an event: the event with its exact body (what gets signed), then its deliveries.
 * The body is `{ id, type, createdAt, data }`; `id` is the event id receivers deduplicate on.
 */
export function eventStatements(event: OutboundEvent, at: number): InStatement[] {
  const id = `evt_${randomUUID()}`;
  let body = '?';
  const bodyArgs: InValue[] = [JSON.stringify({ id, type: event.type, createdAt: new Date(at).toISOString(), data: event.data })];
  for (const [field, fragment] of Object.entries(event.fill ?? {})) {
    body = `json_set(${body}, ?, (${fragment.sql}))`;
    bodyArgs.push(`$.data.${field}`, ...fragment.args);
  }
  return [
    {
      sql: `INSERT INTO outbound_events (id, key, type, body, created_at)
            SELECT ?, ?, ?, ${body}, ? WHERE EXISTS (SELECT 1 FROM webhooks w WHERE ${SUBSCRIBED})${event.when ? ` AND ${event.when.sql}` : ''}
            ON CONFLICT (key) DO NOTHING`,
      args: [id, event.key, event.type, ...bodyArgs, at, event.type, ...(event.when?.args ?? [])],
    },
    {
      sql: `INSERT INTO webhook_deliveries (event_id, event_type, webhook_id, status, attempts, next_attempt_at, created_at)
            SELECT ?, ?, w.id, 'pending', 0, ?, ? FROM webhooks w WHERE ${SUBSCRIBED} AND EXISTS (SELECT 1 FROM outbound_events WHERE id = ?)
            ON CONFLICT (event_id, webhook_id) DO NOTHING`,
      args: [id, event.type, at, at, event.type, id],
    },
  ];
}
