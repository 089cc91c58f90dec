// Delivers outbound events to webhooks: at least once, signed, with a timeout, retried with exponential backoff
// (10 s, 30 s, 2 min, 10 min, 1 h, 6 h; then `failed`). Due deliveries are claimed like jobs (one UPDATE …
// RETURNING with a lease), so two processes do not send the same attempt; an attempt whose process died is sent
// again when its lease ends, which is why receivers deduplicate on the event id.
import { randomUUID } from 'node:crypto';
import type { InStatement } from '@libsql/client';
import type { Services } from '../services.ts';
import { ATTEMPT_HEADER, EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './signing.ts';

/** Wait before attempt n + 1 after attempt n failed; past the last, the delivery is `failed`. */
export const BACKOFF_MS = [10_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;
export const MAX_DELIVERY_ATTEMPTS = BACKOFF_MS.length + 1;

export interface DeliveryOptions {
  /** How long one attempt may take (real time), default 10 s. */
  readonly timeoutMs?: number;
  /** Attempts in flight in this process, default 32. */
  readonly concurrency?: number;
  /** Attempts in flight to one webhook, across every process, default 4: a hanging receiver holds only these. */
  readonly perWebhook?: number;
}

interface Claimed {
  readonly id: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly attempt: number;
  readonly token: string;
  readonly at: number;
  readonly url: string | null;
  readonly secret: string | null;
  readonly body: string | null;
}

export interface DeliveryOutcome {
  readonly deliveryId: number;
  readonly eventId: string;
  readonly attempt: number;
  readonly status: 'delivered' | 'pending' | 'failed';
  readonly statusCode: number | null;
  readonly error: string | null;
}

export class Deliverer {
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly perWebhook: number;
  private readonly inFlight = new Set<Promise<DeliveryOutcome | undefined>>();
  private claiming: Promise<Promise<DeliveryOutcome | undefined>[]> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly services: Pick<Services, 'database' | 'clock' | 'commits' | 'logger' | 'version'>,
    options: DeliveryOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.concurrency = options.concurrency ?? 32;
    this.perWebhook = options.perWebhook ?? 4;
  }

  /**
   * Claim what is due and start sending it without waiting for the answers (the timer calls this often; attempts
   * still in flight hold their claim, so a slow receiver delays nobody else).
   */
  pump(): Promise<Promise<DeliveryOutcome | undefined>[]> {
    this.claiming ??= this.claim(this.concurrency - this.inFlight.size)
      .then((claimed) =>
        claimed.map((delivery) => {
          const sending = this.attempt(delivery).catch((error) => {
            this.services.logger.log('error', 'webhook_attempt_failed', { deliveryId: delivery.id, error: (error as Error).message });
            return undefined;
          });
          this.inFlight.add(sending);
          void sending.finally(() => this.inFlight.delete(sending));
          return sending;
        }),
      )
      .finally(() => (this.claiming = undefined));
    return this.claiming;
  }

  /** Send every delivery due now, each attempt once, and wait for the answers (tests tick through this). */
  async runDue(): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    await Promise.all([...this.inFlight]);
    for (;;) {
      const started = await this.pump();
      if (started.length === 0) return outcomes;
      for (const outcome of await Promise.all(started)) if (outcome) outcomes.push(outcome);
    }
  }

  /** Abort attempts in flight (their claims are given back uncounted) and wait for them to be recorded. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.claiming?.catch(() => undefined);
    await Promise.all([...this.inFlight]);
  }

  private async claim(limit: number): Promise<Claimed[]> {
    if (limit <= 0 || this.stopping.signal.aborted) return [];
    const now = this.services.clock.now();
    const token = randomUUID();
    const lease = now + this.timeoutMs * 3 + 60_000;
    // Oldest due first, at most `perWebhook` in flight per webhook (counting other processes' live claims).
    const [claimed] = await this.services.commits.submit([
      {
        sql: `UPDATE webhook_deliveries SET status = 'sending', claim_token = ?, claimed_until = ?, attempts = attempts + 1, last_attempt_at = ?
              WHERE id IN (
                SELECT id FROM (
                  SELECT id, webhook_id, due, ROW_NUMBER() OVER (PARTITION BY webhook_id ORDER BY due, id) AS place FROM (
                    SELECT id, webhook_id, next_attempt_at AS due FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
                    UNION ALL
                    SELECT id, webhook_id, claimed_until AS due FROM webhook_deliveries WHERE status = 'sending' AND claimed_until <= ?
                  )
                ) due
                WHERE place <= ? - (SELECT count(*) FROM webhook_deliveries live WHERE live.webhook_id = due.webhook_id AND live.status = 'sending' AND live.claimed_until > ?)
                ORDER BY due, id LIMIT ?)
              RETURNING id`,
        args: [token, lease, now, now, now, this.perWebhook, now, limit],
      },
    ]);
    const ids = (claimed?.rows ?? []).map((row) => Number(row.id));
    if (ids.length === 0) return [];
    const rows = await this.services.database.client.execute({
      sql: `SELECT d.id, d.event_id, d.event_type, d.attempts, w.url, w.secret, w.active, e.body
            FROM webhook_deliveries d LEFT JOIN webhooks w ON w.id = d.webhook_id LEFT JOIN outbound_events e ON e.id = d.event_id
            WHERE d.id IN (${ids.map(() => '?').join(', ')}) AND d.claim_token = ? ORDER BY d.id`,
      args: [...ids, token],
    });
    return rows.rows.map((row) => ({
      id: Number(row.id),
      eventId: String(row.event_id),
      eventType: String(row.event_type),
      attempt: Number(row.attempts),
      token,
      at: now,
      url: Number(row.active) === 1 && row.url !== null ? String(row.url) : null,
      secret: row.secret === null ? null : String(row.secret),
      body: row.body === null ? null : String(row.body),
    }));
  }

  private async attempt(delivery: Claimed): Promise<DeliveryOutcome> {
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    if (delivery.url === null || delivery.secret === null || delivery.body === null) {
      error = 'the webhook was deleted';
    } else {
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.stopping.signal]),
          headers: {
            'content-type': 'application/json',
            'user-agent': `Mentionflow-Webhooks/${this.services.version}`,
            [SIGNATURE_HEADER]: signBody(delivery.secret, delivery.body),
            [EVENT_ID_HEADER]: delivery.eventId,
            [EVENT_TYPE_HEADER]: delivery.eventType,
            [TIMESTAMP_HEADER]: String(Math.floor(this.services.clock.now() / 1000)),
            [ATTEMPT_HEADER]: String(delivery.attempt),
          },
          body: delivery.body,
        });
        statusCode = response.status;
        await response.body?.cancel().catch(() => undefined);
        if (statusCode < 200 || statusCode >= 300) error = `the receiver answered ${statusCode}`;
      } catch (thrown) {
        const cause = (thrown as Error & { cause?: Error }).cause;
        error = (thrown as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : `${(thrown as Error).message}${cause?.message ? `: ${cause.message}` : ''}`;
      }
    }
    if (this.stopping.signal.aborted && statusCode === null) {
      // Cut short by shutdown: not the receiver's failure. The claim is given back, the attempt not counted.
      await this.services.commits.submit([
        { sql: `UPDATE webhook_deliveries SET status = 'pending', attempts = attempts - 1, next_attempt_at = ?, claim_token = NULL, claimed_until = NULL WHERE id = ? AND claim_token = ?`, args: [this.services.clock.now(), delivery.id, delivery.token] },
      ]);
      return { deliveryId: delivery.id, eventId: delivery.eventId, attempt: delivery.attempt, status: 'pending', statusCode: null, error: 'interrupted by shutdown' };
    }
    const durationMs = Math.round(performance.now() - started);
    const now = this.services.clock.now();
    const delivered = error === null;
    const cancelled = delivery.url === null;
    const status = delivered ? 'delivered' : cancelled || delivery.attempt >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'pending';
    const nextAttemptAt = status === 'pending' ? now + BACKOFF_MS[Math.min(delivery.attempt, BACKOFF_MS.length) - 1]! : null;
    const ours = 'EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = ? AND claim_token = ?)';
    const statements: InStatement[] = [
      {
        sql: `INSERT INTO delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms) SELECT ?, ?, ?, ?, ?, ? WHERE ${ours}
              ON CONFLICT (delivery_id, attempt) DO NOTHING`,
        args: [delivery.id, delivery.attempt, delivery.at, statusCode, error, durationMs, delivery.id, delivery.token],
      },
      {
        sql: `UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ?, claim_token = NULL, claimed_until = NULL
              WHERE id = ? AND claim_token = ?`,
        args: [status, nextAttemptAt, statusCode, error, delivered ? now : null, delivery.id, delivery.token],
      },
    ];
    await this.services.commits.submit(statements);
    if (!delivered) this.services.logger.log('warn', 'webhook_delivery_failed', { deliveryId: delivery.id, eventId: delivery.eventId, attempt: delivery.attempt, status, statusCode, error });
    return { deliveryId: delivery.id, eventId: delivery.eventId, attempt: delivery.attempt, status, statusCode, error };
  }
}
