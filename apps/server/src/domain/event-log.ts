// A log of notable events (reply-limit overrides, approvals, publishes) kept in the database and in the logs.
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { events } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';

export interface LoggedEvent {
  id: number;
  type: string;
  subject: string | null;
  detail: Record<string, unknown>;
  actor: string | null;
  at: string;
}

export class EventLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async record(type: string, subject: string | null, detail: Record<string, unknown>, actor?: string | null): Promise<void> {
    const at = this.clock.now();
    await this.db.insert(events).values({ type, subject, detail, actor: actor ?? null, at });
    this.logger.log('info', type, { subject, actor: actor ?? null, ...detail });
  }

  async list(filter: { type?: string; since?: number; limit?: number } = {}): Promise<LoggedEvent[]> {
    const conditions = [filter.type ? eq(events.type, filter.type) : undefined, filter.since ? gte(events.at, filter.since) : undefined].filter((condition) => condition !== undefined);
    const rows = await this.db
      .select()
      .from(events)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(events.id))
      .limit(filter.limit ?? 100);
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
  }
}
