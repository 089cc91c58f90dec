// Tickets: one ticket with its mention and decision, and the changes agents make to it (claim, release, resolve,
// reopen, rate). Each change is a single conditional UPDATE, so two agents (or two processes) never both win; it
// commits with its audit entry, in one transaction.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Decision, Mention } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { decisions, mentions, tickets } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { numericIdParam } from '../http/read-body.ts';
import { audited, type Audit, type Changed } from './event-log.ts';

export type TicketRow = typeof tickets.$inferSelect;

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

/** A ticket as the API shows it: times as ISO strings. */
export function ticketView(row: TicketRow) {
  return {
    id: row.id,
    channel: row.channel,
    mentionId: row.mentionId,
    queue: row.queue,
    priority: row.priority,
    status: row.status,
    tags: row.tags,
    language: row.language,
    sentiment: row.sentiment,
    authorHandle: row.authorHandle,
    conversationId: row.conversationId,
    assigneeId: row.assigneeId,
    claimedAt: iso(row.claimedAt),
    firstResponseDueAt: iso(row.firstResponseDueAt),
    firstResponseAt: iso(row.firstResponseAt),
    escalatedTo: row.escalatedTo,
    rating: row.rating,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    resolvedAt: iso(row.resolvedAt),
  };
}
export type TicketView = ReturnType<typeof ticketView>;

/** Open, not answered yet, and past its first-response due time. */
export function isOverdue(row: Pick<TicketRow, 'status' | 'firstResponseAt' | 'firstResponseDueAt'>, now: number): boolean {
  return row.status === 'open' && row.firstResponseAt === null && row.firstResponseDueAt !== null && now > row.firstResponseDueAt;
}

/** What a queue shows of a mention: enough to triage without opening it. */
export function mentionSummary(mention: Mention | null) {
  if (!mention) return null;
  return {
    id: mention.id,
    channel: mention.channel,
    kind: mention.kind,
    text: mention.text,
    author: mention.author,
    createdAt: mention.createdAt,
    ...(mention.lang ? { lang: mention.lang } : {}),
    ...(mention.customer ? { customer: mention.customer } : {}),
    ...(mention.conversationId ? { conversationId: mention.conversationId } : {}),
  };
}

/** Parses a ticket id from the path: 400 for something that is not an id. */
export function ticketIdParam(raw: string): number {
  return numericIdParam(raw, 'a ticket');
}

export class TicketStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async find(id: number, db: Db = this.db): Promise<TicketRow | undefined> {
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    return row;
  }

  async get(id: number, db: Db = this.db): Promise<TicketRow> {
    const row = await this.find(id, db);
    if (!row) throw notFound(`ticket ${id}`);
    return row;
  }

  /** One ticket with its mention (as stored) and its ingest decision. */
  async detail(id: number) {
    const [row] = await this.db
      .select({ ticket: tickets, payload: mentions.payload, decision: decisions.decision })
      .from(tickets)
      .leftJoin(mentions, and(eq(mentions.channel, tickets.channel), eq(mentions.id, tickets.mentionId)))
      .leftJoin(decisions, and(eq(decisions.channel, tickets.channel), eq(decisions.mentionId, tickets.mentionId), eq(decisions.stage, 'ingest')))
      .where(eq(tickets.id, id));
    if (!row) throw notFound(`ticket ${id}`);
    return {
      ticket: ticketView(row.ticket),
      overdue: isOverdue(row.ticket, this.clock.now()),
      mention: (row.payload as Mention | null) ?? null,
      decision: (row.decision as Decision | null) ?? null,
    };
  }

  /** Claim for an agent: succeeds when the ticket is open and unassigned or already theirs (then it is a no-op). */
  async claim(id: number, agentId: string, audit?: Audit<Changed<TicketRow>>): Promise<TicketRow> {
    const now = this.clock.now();
    const { after } = await audited(this.db, audit, async (tx) => {
      const before = await this.get(id, tx);
      const [row] = await tx
        .update(tickets)
        .set({ assigneeId: agentId, claimedAt: sql`CASE WHEN ${tickets.assigneeId} IS NULL THEN ${now} ELSE ${tickets.claimedAt} END`, updatedAt: now })
        .where(and(eq(tickets.id, id), eq(tickets.status, 'open'), or(isNull(tickets.assigneeId), eq(tickets.assigneeId, agentId))))
        .returning();
      if (row) return { before, after: row };
      if (before.status !== 'open') throw new ApiError(409, 'conflict', `ticket ${id} is ${before.status}; reopen it before claiming it`, { ticketId: id, status: before.status });
      throw alreadyClaimed(before);
    });
    return after;
  }

  /** Give a ticket back to its queue: only its holder may. Releasing an unassigned ticket changes nothing. */
  async release(id: number, agentId: string, audit?: Audit<Changed<TicketRow>>): Promise<TicketRow> {
    const now = this.clock.now();
    const { after } = await audited(this.db, audit, async (tx) => {
      const before = await this.get(id, tx);
      const [row] = await tx
        .update(tickets)
        .set({ assigneeId: null, claimedAt: null, updatedAt: now })
        .where(and(eq(tickets.id, id), eq(tickets.assigneeId, agentId)))
        .returning();
      if (row) return { before, after: row };
      if (before.assigneeId === null) return { before, after: before };
      throw alreadyClaimed(before);
    });
    return after;
  }

  async resolve(id: number, audit?: Audit<TicketRow>): Promise<TicketRow> {
    const now = this.clock.now();
    return audited(this.db, audit, async (tx) => {
      const [row] = await tx
        .update(tickets)
        .set({ status: 'resolved', resolvedAt: now, updatedAt: now })
        .where(and(eq(tickets.id, id), eq(tickets.status, 'open')))
        .returning();
      if (row) return row;
      await this.get(id, tx);
      throw new ApiError(409, 'conflict', `ticket ${id} is already resolved`, { ticketId: id, status: 'resolved' });
    });
  }

  /** Reopen a resolved ticket: the rating given for the resolution that did not hold is cleared. */
  async reopen(id: number, audit?: Audit<TicketRow>): Promise<TicketRow> {
    const now = this.clock.now();
    return audited(this.db, audit, async (tx) => {
      const [row] = await tx
        .update(tickets)
        .set({ status: 'open', resolvedAt: null, rating: null, updatedAt: now })
        .where(and(eq(tickets.id, id), eq(tickets.status, 'resolved')))
        .returning();
      if (row) return row;
      const current = await this.get(id, tx);
      throw new ApiError(409, 'conflict', `ticket ${id} is ${current.status}, not resolved`, { ticketId: id, status: current.status });
    });
  }

  /** The customer's satisfaction (1–5) with a resolution; rating again replaces it. */
  async rate(id: number, rating: number, audit?: Audit<TicketRow>): Promise<TicketRow> {
    const now = this.clock.now();
    return audited(this.db, audit, async (tx) => {
      const [row] = await tx
        .update(tickets)
        .set({ rating, updatedAt: now })
        .where(and(eq(tickets.id, id), eq(tickets.status, 'resolved')))
        .returning();
      if (row) return row;
      const current = await this.get(id, tx);
      throw new ApiError(409, 'conflict', `ticket ${id} is ${current.status}; only a resolved ticket can be rated`, { ticketId: id, status: current.status });
    });
  }
}

export function alreadyClaimed(ticket: Pick<TicketRow, 'id' | 'assigneeId'>): ApiError {
  return new ApiError(409, 'already_claimed', `ticket ${ticket.id} is held by agent “${ticket.assigneeId}”`, { ticketId: ticket.id, assigneeId: ticket.assigneeId });
}
