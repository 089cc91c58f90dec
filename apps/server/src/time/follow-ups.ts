// Follow-ups: a `schedule_follow_up` action (on arrival, on resolution, or when an incident closes the loop) is a
// durable job due at the action's `dueAt`. When it falls due, a ticket appears in the `follow-up` queue (priority P3,
// for the mention's author, in their conversation, carrying the follow-up's template rendered for them) and a
// `follow_up.due` event goes out. The ticket's mention id is the original's plus `~follow-up-<job>`, since a mention
// has at most one ticket; its decision (stage ingest) holds the follow-up action, which is what the queue shows.
import { and, eq } from 'drizzle-orm';
import type { Decision, Mention } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { mentions } from '../db/schema.ts';
import { templateStoreFor } from '../domain/template-store.ts';
import { firstResponseDue } from '../ingest/ticket-policy.ts';
import { eventStatements } from './outbox.ts';
import type { ClaimedJob, JobStore } from './job-store.ts';

export const FOLLOW_UP_QUEUE = 'follow-up';

export interface FollowUpPayload {
  readonly channel: string;
  readonly mentionId: string;
  readonly authorHandle: string;
  readonly template: string;
  /** What scheduled it: `mention` (ingest), `resolution`, `escalation` or `incident`. */
  readonly source: string;
  readonly ticketId?: number;
  readonly incidentId?: number;
}

export interface FollowUpOutcome {
  readonly ticketMentionId: string;
  readonly created: boolean;
}

/** The mention id of the ticket a follow-up job creates. */
export const followUpMentionId = (mentionId: string, jobId: number) => `${mentionId}~follow-up-${jobId}`;

export class FollowUps {
  constructor(
    private readonly services: Services,
    private readonly jobs: JobStore,
  ) {}

  async run(job: ClaimedJob): Promise<FollowUpOutcome> {
    const payload = job.payload as unknown as FollowUpPayload;
    const [stored] = await this.services.database.db
      .select({ payload: mentions.payload, language: mentions.language, conversationId: mentions.conversationId })
      .from(mentions)
      .where(and(eq(mentions.channel, payload.channel), eq(mentions.id, payload.mentionId)));
    const mention = stored?.payload as Mention | undefined;
    const { engine } = await this.services.rulebook.rules();
    const now = this.services.clock.now();
    const ticketMentionId = followUpMentionId(payload.mentionId, job.id);
    const action = { type: 'schedule_follow_up' as const, template: payload.template, dueAt: new Date(job.dueAt).toISOString(), followUpOf: { channel: payload.channel, mentionId: payload.mentionId }, source: payload.source };
    const plain: Decision = { mentionId: ticketMentionId, priority: 'P3', queue: FOLLOW_UP_QUEUE, tags: ['follow-up'], actions: [action], fired: [], facts: {}, dropped: [] };
    const decision = mention ? templateStoreFor(this.services).decorate(mention, plain, engine.settings, now) : plain;
    const rendered: Record<string, unknown> = decision.actions[0] ?? action;
    const conversationId = stored?.conversationId ?? payload.mentionId;
    const ours = this.jobs.ours(job);
    const ticketOf = { sql: 'SELECT id FROM tickets WHERE channel = ? AND mention_id = ?', args: [payload.channel, ticketMentionId] };
    const results = await this.services.commits.submit([
      {
        sql: `INSERT INTO tickets (channel, mention_id, queue, priority, status, tags, language, sentiment, author_handle, conversation_id, first_response_due_at, first_response_at, escalated_to, created_at, updated_at)
              SELECT ?, ?, ?, 'P3', 'open', ?, ?, NULL, ?, ?, ?, NULL, '[]', ?, ? WHERE ${ours.sql}
              ON CONFLICT (channel, mention_id) DO NOTHING`,
        args: [payload.channel, ticketMentionId, FOLLOW_UP_QUEUE, JSON.stringify(plain.tags), stored?.language ?? null, payload.authorHandle, conversationId, firstResponseDue(plain, now, engine.settings), now, now, ...ours.args],
      },
      {
        sql: `INSERT INTO decisions (channel, mention_id, stage, decision, priority, queue, tags, versions, context, decided_at)
              SELECT ?, ?, 'ingest', ?, 'P3', ?, ?, '{}', ?, ? WHERE ${ours.sql}
              ON CONFLICT (channel, mention_id, stage) DO NOTHING`,
        args: [payload.channel, ticketMentionId, JSON.stringify(decision), FOLLOW_UP_QUEUE, JSON.stringify(plain.tags), JSON.stringify({ now: new Date(now).toISOString(), followUpJob: job.id, source: payload.source }), now, ...ours.args],
      },
      ...eventStatements(
        {
          type: 'follow_up.due',
          key: `follow_up.due:${job.key}`,
          data: { followUp: { ...payload, conversationId, dueAt: action.dueAt, text: typeof rendered.text === 'string' ? rendered.text : null } },
          fill: { ticketId: ticketOf },
          when: ours,
        },
        now,
      ),
      this.jobs.done(job),
    ]);
    return { ticketMentionId, created: results[0]?.rowsAffected === 1 };
  }
}
