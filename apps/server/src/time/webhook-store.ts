// Webhook endpoints and the delivery log. A secret is stored to sign deliveries and shown only in the answer to
// the request that created the webhook. Deleting a webhook keeps its log and cancels what it had not received.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Services } from '../services.ts';
import { deliveryAttempts, webhookDeliveries, webhooks } from '../db/schema-time.ts';
import { notFound } from '../http/api-error.ts';
import { newSecret } from './signing.ts';
import { audited, type Audit } from '../domain/event-log.ts';

const iso = (at: number | null | undefined): string | null => (at === null || at === undefined ? null : new Date(at).toISOString());

type WebhookRow = typeof webhooks.$inferSelect;

function webhookView(row: WebhookRow) {
  return { id: row.id, url: row.url, events: row.events, description: row.description, active: row.active, createdAt: iso(row.createdAt), createdBy: row.createdBy };
}
export type WebhookView = ReturnType<typeof webhookView>;

export interface DeliveryFilter {
  readonly status?: string | undefined;
  readonly event?: string | undefined;
  readonly webhookId?: string | undefined;
  readonly limit: number;
}

export class WebhookStore {
  constructor(private readonly services: Pick<Services, 'database' | 'clock'>) {}

  async list() {
    const rows = await this.services.database.db.select().from(webhooks).where(isNull(webhooks.deletedAt)).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
    return rows.map(webhookView);
  }

  /** Create a webhook; the answer is the only place its secret is ever shown. */
  async create(input: { url: string; events: string[]; secret?: string | undefined; description?: string | undefined }, actor: string | undefined, audit?: Audit<WebhookView>) {
    const row: WebhookRow = {
      id: `wh_${randomUUID()}`,
      url: input.url,
      events: [...new Set(input.events)],
      secret: input.secret ?? newSecret(),
      active: true,
      description: input.description ?? '',
      createdAt: this.services.clock.now(),
      createdBy: actor ?? null,
      deletedAt: null,
    };
    await audited(this.services.database.db, audit, async (tx) => {
      await tx.insert(webhooks).values(row);
      return webhookView(row);
    });
    return { ...webhookView(row), secret: row.secret };
  }

  /** Stop delivering to a webhook: pending deliveries are cancelled, the log stays. */
  async delete(id: string, audit?: Audit<void>) {
    const now = this.services.clock.now();
    await audited(this.services.database.db, audit, async (tx) => {
      const [found] = await tx.$client.batch([
        { sql: 'UPDATE webhooks SET active = 0, deleted_at = ? WHERE id = ? AND deleted_at IS NULL', args: [now, id] },
        { sql: `UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL WHERE webhook_id = ? AND status IN ('pending', 'sending')`, args: [id] },
      ]);
      if (found?.rowsAffected !== 1) throw notFound(`webhook “${id}”`);
    });
  }

  /** The delivery log, newest first, each delivery with its attempts. */
  async deliveries(filter: DeliveryFilter) {
    const { db } = this.services.database;
    const conditions: SQL[] = [];
    if (filter.status) conditions.push(eq(webhookDeliveries.status, filter.status));
    if (filter.event) conditions.push(eq(webhookDeliveries.eventType, filter.event));
    if (filter.webhookId) conditions.push(eq(webhookDeliveries.webhookId, filter.webhookId));
    const rows = await db
      .select({ delivery: webhookDeliveries, url: webhooks.url })
      .from(webhookDeliveries)
      .leftJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(filter.limit);
    const ids = rows.map((row) => row.delivery.id);
    const attempts = ids.length ? await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, ids)).orderBy(asc(deliveryAttempts.attempt)) : [];
    return rows.map(({ delivery, url }) => ({
      id: delivery.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
      webhookId: delivery.webhookId,
      url,
      status: delivery.status,
      attempts: delivery.attempts,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      lastAttemptAt: iso(delivery.lastAttemptAt),
      nextAttemptAt: iso(delivery.nextAttemptAt),
      deliveredAt: iso(delivery.deliveredAt),
      createdAt: iso(delivery.createdAt),
      history: attempts
        .filter((attempt) => attempt.deliveryId === delivery.id)
        .map((attempt) => ({ attempt: attempt.attempt, at: iso(attempt.at), statusCode: attempt.statusCode, error: attempt.error, durationMs: attempt.durationMs })),
    }));
  }
}
