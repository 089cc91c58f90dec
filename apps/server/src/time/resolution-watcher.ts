// Proactive workflows on `ticket_resolved` (closing the loop). Tickets are resolved by the tickets resource, which
// knows nothing of time; the scheduler notices resolutions instead: each pass looks at tickets resolved since a
// durable cursor (minus a margin for commits that landed late) and queues one `resolution` job per resolution,
// keyed by ticket and resolved_at, so every process may scan and each resolution still runs once.
import { and, eq, sql } from 'drizzle-orm';
import type { Mention, Priority } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { mentions, tickets } from '../db/schema.ts';
import { templateStoreFor } from '../domain/template-store.ts';
import { scheduleStatement, type ClaimedJob, type JobStore } from './job-store.ts';
import { actionStatements, planActions, type PlannedAction } from './ticket-actions.ts';
import { FOLLOW_UP_QUEUE } from './follow-ups.ts';

const CURSOR = 'resolutions';
/** Resolutions committed up to this long after their resolved_at time are still seen. */
const LATE_COMMIT_MS = 5 * 60_000;
const SCAN_LIMIT = 500;

export interface ResolutionOutcome {
  readonly ticketId: number;
  readonly applied: PlannedAction['action'][];
}

export class ResolutionWatcher {
  constructor(
    private readonly services: Services,
    private readonly jobs: JobStore,
  ) {}

  /** A database that never had a watcher starts from now: resolutions before that are history, not news. */
  async init(): Promise<void> {
    const now = this.services.clock.now();
    await this.services.commits.submit([{ sql: 'INSERT INTO scheduler_cursors (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', args: [CURSOR, now, now] }]);
  }

  /** Queue a job for each resolution not seen yet; answers how many. */
  async scan(): Promise<number> {
    const { client } = this.services.database;
    const cursor = await client.execute({ sql: 'SELECT value FROM scheduler_cursors WHERE name = ?', args: [CURSOR] });
    const since = Number(cursor.rows[0]?.value ?? this.services.clock.now()) - LATE_COMMIT_MS;
    const found = await client.execute({
      sql: `SELECT id, resolved_at FROM tickets t
            WHERE status = 'resolved' AND resolved_at > ?
              AND NOT EXISTS (SELECT 1 FROM scheduled_jobs j WHERE j.key = 'resolution:' || t.id || ':' || t.resolved_at)
            ORDER BY resolved_at LIMIT ?`,
      args: [since, SCAN_LIMIT],
    });
    if (found.rows.length === 0) return 0;
    const now = this.services.clock.now();
    const latest = Math.max(...found.rows.map((row) => Number(row.resolved_at)));
    await this.services.commits.submit([
      ...found.rows.map((row) =>
        scheduleStatement({ kind: 'resolution', key: `resolution:${row.id}:${row.resolved_at}`, payload: { ticketId: Number(row.id), resolvedAt: Number(row.resolved_at) }, dueAt: now }, now),
      ),
      { sql: 'UPDATE scheduler_cursors SET value = max(value, ?), updated_at = ? WHERE name = ?', args: [latest, now, CURSOR] },
    ]);
    return found.rows.length;
  }

  /** Run the proactive workflows for one resolution and apply what they decide (follow-ups become jobs). */
  async run(job: ClaimedJob): Promise<ResolutionOutcome> {
    const ticketId = Number(job.payload.ticketId);
    const resolvedAt = Number(job.payload.resolvedAt);
    const [row] = await this.services.database.db
      .select({ ticket: tickets, payload: mentions.payload })
      .from(tickets)
      .leftJoin(mentions, and(eq(mentions.channel, tickets.channel), eq(mentions.id, tickets.mentionId)))
      .where(and(eq(tickets.id, ticketId), eq(tickets.status, 'resolved'), eq(tickets.resolvedAt, resolvedAt), sql`${tickets.queue} <> ${FOLLOW_UP_QUEUE}`));
    const mention = row?.payload as Mention | null | undefined;
    // Reopened since, or a follow-up ticket (following up on a follow-up would never end): nothing to do.
    if (!row || !mention) {
      await this.services.commits.submit([this.jobs.done(job)]);
      return { ticketId, applied: [] };
    }
    const ticket = row.ticket;
    const { engine } = await this.services.rulebook.rules();
    const now = this.services.clock.now();
    const made = engine.resolve({
      mention,
      now: new Date(resolvedAt).toISOString(),
      ticket: { priority: ticket.priority as Priority, queue: ticket.queue, status: 'resolved', firstResponseSent: ticket.firstResponseAt !== null, escalatedTo: ticket.escalatedTo, tags: ticket.tags },
    });
    const decision = made.actions.length > 0 ? templateStoreFor(this.services).decorate(mention, { ...made, priority: ticket.priority as Priority }, engine.settings, now) : made;
    const planned = planActions(ticket, decision, engine);
    const applied = actionStatements(planned, { ticket, decision, engine, stage: 'resolution', scope: `resolution@${resolvedAt}`, token: job.token, ours: this.jobs.ours(job), at: now });
    const results = await this.services.commits.submit([...applied.statements, this.jobs.done(job)]);
    return { ticketId, applied: planned.filter((_, index) => results[applied.recordIndex[index]!]?.rowsAffected === 1).map((entry) => entry.action) };
  }
}
