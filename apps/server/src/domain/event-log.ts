// The audit trail: every change to policies, settings, users and tokens, every publish, rollback, approval and
// reply-limit override (who, when, what, before/after), plus notable operational events, kept in the database
// and written to the logs.
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { events } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';

export interface LoggedEvent {
  id: number;
  type: string;
  subject: string | null;
  detail: Record<string, unknown>;
  before: unknown;
  after: unknown;
  actor: string | null;
  at: string;
}

/** What a change was and became; either side is absent for creations and removals. */
export interface Change {
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface EventFilter {
  /** A prefix of the event type (`workflow.` for every workflow change). */
  readonly type?: string | undefined;
  readonly actor?: string | undefined;
  readonly subject?: string | undefined;
  readonly since?: number | undefined;
  readonly until?: number | undefined;
  /** Entries older than this id (the `next` cursor of the previous page). */
  readonly before?: number | undefined;
  readonly limit?: number | undefined;
}

export class EventLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async record(type: string, subject: string | null, detail: Record<string, unknown>, actor?: string | null, change: Change = {}): Promise<void> {
    const at = this.clock.now();
    await this.db.insert(events).values({ type, subject, detail, before: change.before ?? null, after: change.after ?? null, actor: actor ?? null, at });
    this.logger.log('info', type, { subject, actor: actor ?? null, ...detail });
  }

  async list(filter: EventFilter = {}): Promise<LoggedEvent[]> {
    const conditions = [
      // A prefix as a range: uses the type index, and no character in it is special.
      filter.type ? and(gte(events.type, filter.type), lt(events.type, `${filter.type}\uffff`)) : undefined,
      filter.actor ? eq(events.actor, filter.actor) : undefined,
      filter.subject ? eq(events.subject, filter.subject) : undefined,
      filter.since !== undefined ? gte(events.at, filter.since) : undefined,
      filter.until !== undefined ? lte(events.at, filter.until) : undefined,
      filter.before !== undefined ? lt(events.id, filter.before) : undefined,
    ].filter((condition): condition is SQL => condition !== undefined);
    const rows = await this.db
      .select()
      .from(events)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(events.id))
      .limit(filter.limit ?? 100);
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
  }
}
