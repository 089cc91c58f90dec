// The audit trail: every change to policies, settings, users and tokens, every publish, rollback, approval and
// reply-limit override (who, when, what, before/after), plus notable operational events, kept in the database
// and written to the logs. An entry about a change is written in the change's own transaction (`audited`): the
// change and its entry are both stored or neither is, and the log line follows the commit.
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { writeTransaction, type Db } from '../db/database.ts';
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

/** A change's outcome as read and stored inside its transaction: the thing as it was and as it became. */
export interface Changed<B, A = B> {
  readonly before: B;
  readonly after: A;
}

/** What an audited change records: who did what to which subject, and (for changes to policies, settings, users
 *  and tokens) the subject before and after. */
export interface AuditEntry {
  readonly type: string;
  readonly subject: string | null;
  readonly detail: Record<string, unknown>;
  readonly actor?: string | null | undefined;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * How a change describes itself in the audit trail: made by the route with `EventLog.audit` (who, and what was
 * asked), handed to the store method that makes the change, which writes it with the outcome it read and stored
 * (see `audited`).
 */
export interface Audit<T> {
  /** Inserts the entries `outcome` calls for in the change's transaction; answers how to log them once it commits. */
  write(tx: Db, outcome: T): Promise<() => void>;
}

/**
 * Runs `change` in one write transaction with the audit entries `audit` makes of its outcome: both are stored, or
 * neither. The entries are logged once the transaction commits. `change` reads and writes through `tx` only.
 * Given a transaction's `tx` as `db`, it joins that transaction (a store bound to `tx` can take part in another's
 * change); the entries are then logged when `change` is done, so audit the outermost change.
 * @example
 * const { after } = await audited(this.db, audit, async (tx) => {
 *   const before = await this.read(tx);
 *   await tx.update(settings).set(…);
 *   return { before, after: await this.read(tx) };
 * });
 */
export async function audited<T>(db: Db, audit: Audit<T> | undefined, change: (tx: Db) => Promise<T>): Promise<T> {
  let logEntries = (): void => undefined;
  const outcome = await writeTransaction(db, async (tx) => {
    const outcome = await change(tx);
    if (audit) logEntries = await audit.write(tx, outcome);
    return outcome;
  });
  logEntries();
  return outcome;
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

  /**
   * The audit of a change: `describe` makes its entries from the change's outcome (none: null or []).
   * @example workflows.saveDraft(id, version, changes, actor, events.audit(({ before, after }) => ({ type: 'workflow.draft_saved', subject: id, detail: {}, actor, before, after })))
   */
  audit<T>(describe: (outcome: T) => AuditEntry | readonly AuditEntry[] | null): Audit<T> {
    return {
      write: async (tx, outcome) => {
        const entries = ([] as AuditEntry[]).concat(describe(outcome) ?? []);
        const at = this.clock.now();
        if (entries.length > 0) {
          await tx.insert(events).values(entries.map((entry) => ({ type: entry.type, subject: entry.subject, detail: entry.detail, before: entry.before ?? null, after: entry.after ?? null, actor: entry.actor ?? null, at })));
        }
        return () => entries.forEach((entry) => this.log(entry));
      },
    };
  }

  /** An entry that goes with no stored change (a sign-in, a failed one, a summary of changes committed apart). */
  async record(type: string, subject: string | null, detail: Record<string, unknown>, actor?: string | null, change: Change = {}): Promise<void> {
    const logEntry = await this.audit<void>(() => ({ type, subject, detail, actor, ...change })).write(this.db, undefined);
    logEntry();
  }

  private log(entry: AuditEntry): void {
    this.logger.log('info', entry.type, { subject: entry.subject, actor: entry.actor ?? null, ...entry.detail });
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
