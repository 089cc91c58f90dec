// Escalation checks: one durable job per ticket, first due when the ticket is created. When it fires, the
// escalation workflows run over the ticket at the clock's now; what they decide is applied once (ticket-actions.ts)
// and the job is rescheduled at the next instant a waiting threshold of the published rules is crossed or opening
// hours change (the engine's `nextWaitingCheck`), never later than FALLBACK_MINUTES. Answered and resolved
// tickets need no more checks: their job is done.
import { and, eq } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import { nextWaitingCheck, waitingThresholds, type Decision, type Mention, type Priority, type RuleEngine, type TicketState, type WaitingThresholds } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { mentions, tickets } from '../db/schema.ts';
import { templateStoreFor } from '../domain/template-store.ts';
import { scheduleStatement, type ClaimedJob, type JobStore } from './job-store.ts';
import type { SqlFragment } from './outbox.ts';
import { actionStatements, planActions, type PlannedAction } from './ticket-actions.ts';

/** However the rules read, an open unanswered ticket is looked at again within this many minutes. */
export const FALLBACK_MINUTES = 60;
/** When a rule compares waiting time with something other than a number, crossings are unknown: poll. */
const INEXACT_POLL_MINUTES = 5;
const MINUTE = 60_000;

/** What a check did, for logs, tests and the two-process proof. */
export interface EscalationOutcome {
  readonly ticketId: number | null;
  readonly applied: PlannedAction['action'][];
  readonly nextCheckAt: string | null;
}

/** The statement scheduling a ticket's first check (in the commit that creates the ticket). */
export function firstCheckStatement(channel: string, mentionId: string, at: number): InStatement {
  return scheduleStatement(
    { kind: 'escalation_check', key: `escalation:${channel}:${mentionId}`, payload: { channel, mentionId }, dueAt: at },
    at,
    { sql: 'EXISTS (SELECT 1 FROM tickets WHERE channel = ? AND mention_id = ?)', args: [channel, mentionId] },
  );
}

const thresholdsOf = new WeakMap<RuleEngine, WaitingThresholds>();

function thresholds(engine: RuleEngine): WaitingThresholds {
  let found = thresholdsOf.get(engine);
  if (!found) {
    found = waitingThresholds(engine.workflowsOf('escalation'));
    thresholdsOf.set(engine, found);
  }
  return found;
}

/** When to look at a waiting ticket again: the next threshold crossing, within the fallback cadence. */
export function nextCheckAt(engine: RuleEngine, mention: Mention, now: number): number {
  const found = thresholds(engine);
  const fallback = now + FALLBACK_MINUTES * MINUTE;
  if (!found.exact) return now + INEXACT_POLL_MINUTES * MINUTE;
  const next = nextWaitingCheck(found, { createdAt: new Date(mention.createdAt), now: new Date(now), working: engine.calendar })?.getTime();
  // Never now again: a check that found nothing to cross must not spin.
  return next === undefined ? fallback : Math.max(now + 1000, Math.min(next, fallback));
}

export class EscalationRunner {
  constructor(
    private readonly services: Services,
    private readonly jobs: JobStore,
  ) {}

  async run(job: ClaimedJob): Promise<EscalationOutcome> {
    const { db } = this.services.database;
    const channel = String(job.payload.channel);
    const mentionId = String(job.payload.mentionId);
    const [row] = await db
      .select({ ticket: tickets, payload: mentions.payload })
      .from(tickets)
      .leftJoin(mentions, and(eq(mentions.channel, tickets.channel), eq(mentions.id, tickets.mentionId)))
      .where(and(eq(tickets.channel, channel), eq(tickets.mentionId, mentionId)));
    const mention = row?.payload as Mention | null | undefined;
    if (!row || !mention || row.ticket.status !== 'open' || row.ticket.firstResponseAt !== null) {
      await this.services.commits.submit([this.jobs.done(job)]);
      return { ticketId: row?.ticket.id ?? null, applied: [], nextCheckAt: null };
    }
    const ticket = row.ticket;
    const { engine, versions } = await this.services.rulebook.rules();
    const now = this.services.clock.now();
    const state: TicketState = {
      priority: ticket.priority as Priority,
      queue: ticket.queue,
      status: 'open',
      firstResponseSent: false,
      escalatedTo: ticket.escalatedTo,
      tags: ticket.tags,
    };
    const made = engine.escalate({ mention, now: new Date(now).toISOString(), ticket: state, openIncidents: this.services.time.incidents.openTopics() });
    const planned = planActions(ticket, made, engine);
    // Templates render with the ticket's priority (the expected response of an after-hours acknowledgement).
    const priority = (planned.find((entry) => entry.action.type === 'set_priority')?.action.priority as Priority | undefined) ?? state.priority;
    const decision: Decision = planned.length > 0 ? templateStoreFor(this.services).decorate(mention, { ...made, priority }, engine.settings, now) : made;
    const decorated = planned.length > 0 ? planActions(ticket, decision, engine) : planned;
    const ours = this.jobs.ours(job);
    const applied = actionStatements(decorated, { ticket, decision, engine, stage: 'escalation', scope: 'escalation', token: job.token, ours, at: now });
    const statements = [...applied.statements];
    // Recorded only when this check applied something (an action already applied before does not count).
    const appliedHere: SqlFragment = { sql: 'EXISTS (SELECT 1 FROM ticket_actions WHERE ticket_id = ? AND token = ?)', args: [ticket.id, job.token] };
    if (decorated.length > 0) statements.push(recordDecision(ticket, decision, priority, versions, now, appliedHere));
    const next = nextCheckAt(engine, mention, now);
    statements.push(this.jobs.reschedule(job, next));
    const results = await this.services.commits.submit(statements);
    const done = decorated.filter((_, index) => results[applied.recordIndex[index]!]?.rowsAffected === 1).map((entry) => entry.action);
    if (done.length > 0) this.services.logger.log('info', 'ticket_escalation_applied', { ticketId: ticket.id, actions: done.map((action) => action.type) });
    return { ticketId: ticket.id, applied: done, nextCheckAt: new Date(next).toISOString() };
  }
}

/** The latest escalation decision that changed something, beside the ingest one (`decisions`, stage escalation). */
function recordDecision(ticket: typeof tickets.$inferSelect, decision: Decision, priority: Priority, versions: Readonly<Record<string, number>>, now: number, when: SqlFragment): InStatement {
  return {
    sql: `INSERT INTO decisions (channel, mention_id, stage, decision, priority, queue, tags, versions, context, decided_at)
          SELECT ?, ?, 'escalation', ?, ?, ?, ?, ?, ?, ? WHERE ${when.sql}
          ON CONFLICT (channel, mention_id, stage) DO UPDATE SET decision = excluded.decision, priority = excluded.priority, queue = excluded.queue,
            tags = excluded.tags, versions = excluded.versions, context = excluded.context, decided_at = excluded.decided_at`,
    args: [
      ticket.channel,
      ticket.mentionId,
      JSON.stringify({ ...decision, priority }),
      priority,
      decision.queue ?? ticket.queue,
      JSON.stringify(decision.tags),
      JSON.stringify(versions),
      JSON.stringify({ now: new Date(now).toISOString(), ticket: { priority: ticket.priority, queue: ticket.queue, escalatedTo: ticket.escalatedTo, tags: ticket.tags } }),
      now,
      ...when.args,
    ],
  };
}
