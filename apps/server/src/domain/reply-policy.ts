// Brand replies and the reply limit: the brand answers one author publicly at most twice in a conversation; a third
// public reply needs an override with a reason (recorded). A reply counts in `conversations.brand_replies`, which
// the engine reads as `conversation.brandReplies` on the conversation's next mention.
//
// Who may reply: the agent holding the ticket; on an unassigned ticket any active agent, and the reply claims the
// ticket for them (so a second agent cannot answer the same customer at the same moment).
//
// Everything is decided in one write transaction whose statements all test the same condition (the ticket is
// unassigned or the agent's, and the public replies to this author are under the limit, unless overridden), with
// the reply inserted last so the count the condition reads is the count before this reply: two concurrent replies
// can never both pass the limit. The audit entries (the claim a reply makes, an override) commit in it too.
import { and, asc, eq } from 'drizzle-orm';
import type { InStatement, InValue } from '@libsql/client';
import type { Mention } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { mentions, replies } from '../db/schema.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { alreadyClaimed, ticketView, TicketStore, type TicketRow } from './ticket-store.ts';
import { audited, type AuditEntry } from './event-log.ts';

/** Public replies allowed to one author in one conversation before an override is needed. */
export const MAX_PUBLIC_REPLIES = 2;

// As the engine's `visibility` fact sees a mention: these channels and kinds are private conversations.
const PRIVATE_CHANNELS = new Set(['messenger', 'whatsapp', 'email', 'chat']);
const PRIVATE_KINDS = new Set(['direct_message']);

export type ReplyVisibility = 'public' | 'private';

export interface ReplyInput {
  agentId: string;
  text: string;
  visibility: ReplyVisibility;
  override?: { reason: string } | undefined;
}

export type ReplyRow = typeof replies.$inferSelect;

export function replyView(row: ReplyRow) {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

/**
 * A public reply is made in the mention's conversation; a private reply to a public mention moves to a direct
 * message, another conversation, so it does not count there. In a private conversation every reply counts.
 */
export function countsInConversation(mention: { channel: string; kind: string }, visibility: ReplyVisibility): boolean {
  return visibility === 'public' || PRIVATE_CHANNELS.has(mention.channel) || PRIVATE_KINDS.has(mention.kind);
}

/** What recording a reply did: who held the ticket before, the reply, and the counts around it. */
interface ReplyOutcome {
  readonly holder: string | null;
  readonly reply: ReturnType<typeof replyView>;
  readonly publicBefore: number;
  readonly ticket: TicketRow;
  readonly brandReplies: number;
}

export class ReplyStore {
  private readonly tickets: TicketStore;

  constructor(private readonly services: Pick<Services, 'database' | 'clock' | 'events'>) {
    this.tickets = new TicketStore(services.database.db, services.clock);
  }

  async list(ticketId: number) {
    await this.tickets.get(ticketId);
    const rows = await this.services.database.db.select().from(replies).where(eq(replies.ticketId, ticketId)).orderBy(asc(replies.id));
    return rows.map(replyView);
  }

  /** `actor` is who made the request (the audit trail's who); `input.agentId` the agent the reply goes out as. */
  async record(ticketId: number, input: ReplyInput, actor?: string) {
    const { db } = this.services.database;
    const ticket = await this.tickets.get(ticketId);
    const [mention] = await db.select({ payload: mentions.payload }).from(mentions).where(and(eq(mentions.channel, ticket.channel), eq(mentions.id, ticket.mentionId)));
    const kind = (mention?.payload as Mention | undefined)?.kind ?? 'post';
    // A mention outside any thread starts one: replies to it form the conversation named by the mention's id.
    const conversationId = ticket.conversationId ?? ticket.mentionId;
    const counts = countsInConversation({ channel: ticket.channel, kind }, input.visibility);
    const limited = input.visibility === 'public' && !input.override;
    const now = this.services.clock.now();

    const publicReplies = `(SELECT count(*) FROM replies WHERE channel = ? AND conversation_id = ? AND author_handle = ? AND visibility = 'public')`;
    const publicArgs: InValue[] = [ticket.channel, conversationId, ticket.authorHandle];
    const ok = `EXISTS (SELECT 1 FROM tickets WHERE id = ? AND (assignee_id IS NULL OR assignee_id = ?))${limited ? ` AND ${publicReplies} < ?` : ''}`;
    const okArgs: InValue[] = [ticketId, input.agentId, ...(limited ? [...publicArgs, MAX_PUBLIC_REPLIES] : [])];
    const overrideUsed = input.visibility === 'public' && input.override ? `CASE WHEN ${publicReplies} >= ? THEN ? ELSE NULL END` : 'NULL';
    const overrideArgs: InValue[] = input.visibility === 'public' && input.override ? [...publicArgs, MAX_PUBLIC_REPLIES, input.override.reason] : [];

    const statements: InStatement[] = [
      { sql: `SELECT assignee_id, ${publicReplies} AS public_before FROM tickets WHERE id = ?`, args: [...publicArgs, ticketId] },
      {
        sql: `UPDATE tickets SET assignee_id = COALESCE(assignee_id, ?), claimed_at = CASE WHEN assignee_id IS NULL THEN ? ELSE claimed_at END,
                first_response_at = COALESCE(first_response_at, ?), updated_at = ?
              WHERE id = ? AND ${ok}`,
        args: [input.agentId, now, now, now, ticketId, ...okArgs],
      },
      ...(counts
        ? [
            {
              sql: `INSERT INTO conversations (channel, conversation_id, brand_replies, customer_messages, updated_at)
                    SELECT ?, ?, 1, 0, ? WHERE ${ok}
                    ON CONFLICT (channel, conversation_id) DO UPDATE SET brand_replies = brand_replies + 1, updated_at = excluded.updated_at`,
              args: [ticket.channel, conversationId, now, ...okArgs],
            },
          ]
        : []),
      {
        sql: `INSERT INTO replies (ticket_id, agent_id, channel, conversation_id, author_handle, visibility, text, override_reason, created_at)
              SELECT ?, ?, ?, ?, ?, ?, ?, ${overrideUsed}, ? WHERE ${ok} RETURNING id`,
        args: [ticketId, input.agentId, ticket.channel, conversationId, ticket.authorHandle, input.visibility, input.text, ...overrideArgs, now, ...okArgs],
      },
      { sql: 'SELECT brand_replies FROM conversations WHERE channel = ? AND conversation_id = ?', args: [ticket.channel, conversationId] },
    ];
    const audit = this.services.events.audit(({ holder, reply, publicBefore }: ReplyOutcome) => {
      const entries: AuditEntry[] = [];
      if (holder === null) entries.push({ type: 'ticket.claimed', subject: `ticket:${ticketId}`, detail: { ticketId, agentId: input.agentId, via: 'reply' }, actor: input.agentId });
      if (reply.overrideReason !== null) {
        entries.push({
          type: 'reply.limit_overridden',
          subject: `ticket:${ticketId}`,
          detail: { ticketId, replyId: reply.id, agentId: input.agentId, reason: reply.overrideReason, channel: ticket.channel, conversationId, authorHandle: ticket.authorHandle, publicRepliesBefore: publicBefore },
          actor: actor ?? input.agentId,
          before: { publicRepliesToAuthor: publicBefore, limit: 2 },
          after: { publicRepliesToAuthor: publicBefore + 1, reason: reply.overrideReason },
        });
      }
      return entries;
    });
    const outcome = await audited(db, audit, async (tx): Promise<ReplyOutcome> => {
      const results = await tx.$client.batch(statements);
      const before = results[0]!.rows[0];
      const inserted = results[statements.length - 2]!.rows[0];
      if (!before) throw notFound(`ticket ${ticketId}`);
      const holder = before.assignee_id === null ? null : String(before.assignee_id);
      const publicBefore = Number(before.public_before);
      if (!inserted) {
        if (holder !== null && holder !== input.agentId) throw alreadyClaimed({ id: ticketId, assigneeId: holder });
        throw new ApiError(
          409,
          'reply_limit',
          `the brand already replied publicly ${publicBefore} times to ${ticket.authorHandle} in this conversation; continue in private, or give override.reason to reply publicly again`,
          { ticketId, authorHandle: ticket.authorHandle, conversationId, publicReplies: publicBefore, limit: MAX_PUBLIC_REPLIES },
        );
      }
      const [row] = await tx.select().from(replies).where(eq(replies.id, Number(inserted.id)));
      return { holder, reply: replyView(row!), publicBefore, ticket: await new TicketStore(tx, this.services.clock).get(ticketId), brandReplies: Number(results.at(-1)!.rows[0]?.brand_replies ?? 0) };
    });
    const { reply, publicBefore } = outcome;
    return {
      reply,
      ticket: ticketView(outcome.ticket),
      overridden: reply.overrideReason !== null,
      publicRepliesToAuthor: publicBefore + (input.visibility === 'public' ? 1 : 0),
      conversation: { channel: ticket.channel, conversationId, brandReplies: outcome.brandReplies },
    };
  }
}
