// The work queue: open tickets, most urgent first (P1 before P2, then the earliest first-response due time), with
// the mention and the decision's routing beside each, paged with an opaque keyset cursor.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Mention } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { decisions, mentions, tickets } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { ApiError } from '../http/api-error.ts';
import { isOverdue, mentionSummary, ticketView } from './ticket-store.ts';

export interface QueueFilter {
  readonly queue?: string | undefined;
  readonly tag?: string | undefined;
  readonly channel?: string | undefined;
  /** An agent id, or `unassigned`. */
  readonly assignee?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** Where a page ends: the sort key of its last ticket. */
type Position = [priority: string, due: number, id: number];

/** Tickets without a due time sort after every dated one. */
const NO_DUE = Number.MAX_SAFE_INTEGER;
const dueKey = sql<number>`COALESCE(${tickets.firstResponseDueAt}, ${NO_DUE})`;

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    typeof value[0] !== 'string' ||
    !/^P[1-4]$/.test(value[0]) ||
    !Number.isSafeInteger(value[1]) ||
    !Number.isSafeInteger(value[2])
  ) {
    throw new ApiError(400, 'bad_request', 'cursor: not a cursor this API returned', [{ field: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return value as Position;
}

export class QueueReader {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(filter: QueueFilter) {
    const conditions: SQL[] = [eq(tickets.status, 'open')];
    if (filter.queue) conditions.push(eq(tickets.queue, filter.queue));
    if (filter.channel) conditions.push(eq(tickets.channel, filter.channel));
    if (filter.tag) conditions.push(sql`EXISTS (SELECT 1 FROM json_each(${tickets.tags}) WHERE json_each.value = ${filter.tag})`);
    if (filter.assignee === 'unassigned') conditions.push(isNull(tickets.assigneeId));
    else if (filter.assignee) conditions.push(eq(tickets.assigneeId, filter.assignee));
    if (filter.cursor) {
      const [priority, due, id] = decodeCursor(filter.cursor);
      conditions.push(sql`(${tickets.priority}, ${dueKey}, ${tickets.id}) > (${priority}, ${due}, ${id})`);
    }
    const rows = await this.db
      .select({
        ticket: tickets,
        payload: mentions.payload,
        queue: decisions.queue,
        priority: decisions.priority,
        tags: decisions.tags,
        actions: sql<string | null>`json_extract(${decisions.decision}, '$.actions')`,
      })
      .from(tickets)
      .leftJoin(mentions, and(eq(mentions.channel, tickets.channel), eq(mentions.id, tickets.mentionId)))
      .leftJoin(decisions, and(eq(decisions.channel, tickets.channel), eq(decisions.mentionId, tickets.mentionId), eq(decisions.stage, 'ingest')))
      .where(and(...conditions))
      .orderBy(asc(tickets.priority), asc(dueKey), asc(tickets.id))
      .limit(filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const now = this.clock.now();
    return {
      items: page.map((row) => ({
        ticket: ticketView(row.ticket),
        overdue: isOverdue(row.ticket, now),
        mention: mentionSummary(row.payload as Mention | null),
        decision:
          row.priority === null
            ? null
            : { queue: row.queue, priority: row.priority, tags: row.tags ?? [], actions: row.actions ? (JSON.parse(row.actions) as Record<string, unknown>[]) : [] },
      })),
      nextCursor: rows.length > filter.limit && last ? encodeCursor([last.ticket.priority, last.ticket.firstResponseDueAt ?? NO_DUE, last.ticket.id]) : null,
    };
  }
}
