// Durable timers in the `scheduled_jobs` table. Scheduling is an idempotent insert keyed by what the job is for;
// claiming is one UPDATE … RETURNING over due, unclaimed (or lease-expired) rows, which SQLite runs under its
// single writer lock, so two processes on one database never claim the same job. Every statement a job commits
// tests that its claim is still held (`ours`), so a job whose lease ran out changes nothing after the fact.
import { randomUUID } from 'node:crypto';
import type { InStatement } from '@libsql/client';
import type { Services } from '../services.ts';
import type { SqlFragment } from './outbox.ts';

export type JobKind = 'escalation_check' | 'follow_up' | 'resolution';

export interface NewJob {
  readonly kind: JobKind;
  readonly key: string;
  readonly payload: Record<string, unknown>;
  readonly dueAt: number;
}

export interface ClaimedJob {
  readonly id: number;
  readonly kind: JobKind;
  readonly key: string;
  readonly payload: Record<string, unknown>;
  readonly dueAt: number;
  readonly attempts: number;
  readonly token: string;
}

/** A job that fails this many times in a row is set aside as `failed` (its last error kept). */
export const MAX_JOB_ATTEMPTS = 8;
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 3_600_000;

/** Insert a job unless one with the same key exists; `when` makes it conditional on the rest of the commit. */
export function scheduleStatement(job: NewJob, at: number, when?: SqlFragment): InStatement {
  return {
    sql: `INSERT INTO scheduled_jobs (kind, key, payload, due_at, status, attempts, created_at, updated_at)
          SELECT ?, ?, ?, ?, 'pending', 0, ?, ? WHERE ${when ? when.sql : '1'}
          ON CONFLICT (key) DO NOTHING`,
    args: [job.kind, job.key, JSON.stringify(job.payload), job.dueAt, at, at, ...(when?.args ?? [])],
  };
}

export class JobStore {
  constructor(private readonly services: Pick<Services, 'commits' | 'clock'>) {}

  /** Claim up to `limit` due jobs for `leaseMs` (earliest due first). */
  async claim(limit: number, leaseMs: number): Promise<ClaimedJob[]> {
    const now = this.services.clock.now();
    const token = randomUUID();
    const [result] = await this.services.commits.submit([
      {
        sql: `UPDATE scheduled_jobs SET status = 'running', claim_token = ?, claimed_until = ?, attempts = attempts + 1, updated_at = ?
              WHERE id IN (
                SELECT id FROM (
                  SELECT id, due_at FROM scheduled_jobs WHERE status = 'pending' AND due_at <= ?
                  UNION ALL
                  SELECT id, due_at FROM scheduled_jobs WHERE status = 'running' AND claimed_until <= ?
                ) ORDER BY due_at, id LIMIT ?)
              RETURNING id, kind, key, payload, due_at, attempts`,
        args: [token, now + leaseMs, now, now, now, limit],
      },
    ]);
    return (result?.rows ?? [])
      .map((row) => ({
        id: Number(row.id),
        kind: String(row.kind) as JobKind,
        key: String(row.key),
        payload: JSON.parse(String(row.payload)) as Record<string, unknown>,
        dueAt: Number(row.due_at),
        attempts: Number(row.attempts),
        token,
      }))
      .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
  }

  /** True at commit time only while this claim holds the job. */
  ours(job: ClaimedJob): SqlFragment {
    return { sql: 'EXISTS (SELECT 1 FROM scheduled_jobs WHERE id = ? AND claim_token = ?)', args: [job.id, job.token] };
  }

  /** The job is finished. Put last in its commit: the statements before it still see the claim. */
  done(job: ClaimedJob): InStatement {
    return {
      sql: `UPDATE scheduled_jobs SET status = 'done', claim_token = NULL, claimed_until = NULL, attempts = 0, last_error = NULL, updated_at = ? WHERE id = ? AND claim_token = ?`,
      args: [this.services.clock.now(), job.id, job.token],
    };
  }

  /** Run the job again at `dueAt` (a recurring check). Put last in its commit. */
  reschedule(job: ClaimedJob, dueAt: number): InStatement {
    return {
      sql: `UPDATE scheduled_jobs SET status = 'pending', due_at = ?, claim_token = NULL, claimed_until = NULL, attempts = 0, last_error = NULL, updated_at = ? WHERE id = ? AND claim_token = ?`,
      args: [dueAt, this.services.clock.now(), job.id, job.token],
    };
  }

  /** A job that threw: retried with exponential backoff, set aside after MAX_JOB_ATTEMPTS. */
  async failed(job: ClaimedJob, error: unknown): Promise<void> {
    const now = this.services.clock.now();
    const giveUp = job.attempts >= MAX_JOB_ATTEMPTS;
    const retryAt = now + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, job.attempts - 1));
    await this.services.commits.submit([
      {
        sql: `UPDATE scheduled_jobs SET status = ?, due_at = ?, claim_token = NULL, claimed_until = NULL, last_error = ?, updated_at = ? WHERE id = ? AND claim_token = ?`,
        args: [giveUp ? 'failed' : 'pending', giveUp ? job.dueAt : retryAt, String((error as Error)?.message ?? error).slice(0, 2000), now, job.id, job.token],
      },
    ]);
  }

  /** Bring pending jobs of a kind due later than now forward to now (the rules they depend on changed). */
  async pullForward(kind: JobKind): Promise<number> {
    const now = this.services.clock.now();
    const [result] = await this.services.commits.submit([
      { sql: `UPDATE scheduled_jobs SET due_at = ?, updated_at = ? WHERE kind = ? AND status = 'pending' AND due_at > ?`, args: [now, now, kind, now] },
    ]);
    return result?.rowsAffected ?? 0;
  }
}
