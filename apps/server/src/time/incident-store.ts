// Incidents and their notices. The open topics are kept in memory for ingest (the engine's `incident.open` fact
// must be answered synchronously): loaded at start, marked open as soon as a decision opens one, re-read after
// that commit and after every resolution here, and re-read periodically by the scheduler to see other processes.
import { randomUUID } from 'node:crypto';
import { and, asc, count, countDistinct, desc, eq, sql } from 'drizzle-orm';
import type { Services } from '../services.ts';
import { incidentMentions, incidents, notices } from '../db/schema-time.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { eventStatements } from './outbox.ts';
import { scheduleStatement } from './job-store.ts';
import { audited, type Audit } from '../domain/event-log.ts';
import type { Db } from '../db/database.ts';

const iso = (at: number | null | undefined): string | null => (at === null || at === undefined ? null : new Date(at).toISOString());
/** Linked mentions shown with one incident; the counts cover all of them. */
const MENTIONS_SHOWN = 500;

type IncidentRow = typeof incidents.$inferSelect;
type NoticeRow = typeof notices.$inferSelect;

export function noticeView(row: NoticeRow | null | undefined) {
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    template: row.template,
    draftText: row.draftText,
    text: row.text,
    createdAt: iso(row.createdAt),
    publishedAt: iso(row.publishedAt),
    publishedBy: row.publishedBy,
  };
}

export type NoticeView = ReturnType<typeof noticeView>;

function incidentView(row: IncidentRow, notice: NoticeRow | null | undefined, counts: { mentions: number; authors: number }) {
  return {
    id: row.id,
    topic: row.topic,
    status: row.status,
    openedAt: iso(row.openedAt),
    openedBy: { channel: row.openedChannel, mentionId: row.openedMentionId },
    resolvedAt: iso(row.resolvedAt),
    resolvedBy: row.resolvedBy,
    followUp: row.followUp,
    mentions: counts.mentions,
    authors: counts.authors,
    notice: noticeView(notice),
  };
}

export class IncidentStore {
  private open: readonly string[] = [];
  private loads: Promise<void> = Promise.resolve();

  constructor(private readonly services: Pick<Services, 'database' | 'clock' | 'commits' | 'logger'>) {}

  /** Topics with an open incident, as last read (synchronous: ingest asks for every batch). */
  openTopics(): readonly string[] {
    return this.open;
  }

  /** A decision is opening an incident: treat its topic as open now, and re-read once the commit is done. */
  opening(topic: string): void {
    if (!this.open.includes(topic)) this.open = [...this.open, topic];
    // Submitted in the same turn as the ingest statements, so it settles with their commit.
    // A failed re-read is logged by refresh(); it must not surface as an unhandled rejection (e.g. after close).
    void this.services.commits
      .submit([])
      .then(
        () => this.refresh(),
        () => this.refresh(),
      )
      .catch(() => undefined);
  }

  /** Re-read the open topics (one query over the open-topic index). Loads run one after another. */
  refresh(): Promise<void> {
    const run = this.loads.then(async () => {
      const rows = await this.services.database.db.select({ topic: incidents.topic }).from(incidents).where(eq(incidents.status, 'open')).orderBy(asc(incidents.topic));
      this.open = rows.map((row) => row.topic);
    });
    this.loads = run.catch((error) => this.services.logger.log('warn', 'incidents_refresh_failed', { error: (error as Error).message }));
    return run;
  }

  async list(status?: 'open' | 'resolved') {
    const { db } = this.services.database;
    const rows = await db
      .select({ incident: incidents, notice: notices })
      .from(incidents)
      .leftJoin(notices, eq(notices.incidentId, incidents.id))
      .where(status ? eq(incidents.status, status) : undefined)
      .orderBy(desc(incidents.openedAt), desc(incidents.id))
      .limit(200);
    const counts = await db
      .select({ incidentId: incidentMentions.incidentId, mentions: count(), authors: countDistinct(sql`${incidentMentions.channel} || ' ' || ${incidentMentions.authorHandle}`) })
      .from(incidentMentions)
      .groupBy(incidentMentions.incidentId);
    const byId = new Map(counts.map((row) => [row.incidentId, row]));
    return rows.map((row) => incidentView(row.incident, row.notice, byId.get(row.incident.id) ?? { mentions: 0, authors: 0 }));
  }

  async get(id: number, db: Db = this.services.database.db) {
    const [row] = await db.select({ incident: incidents, notice: notices }).from(incidents).leftJoin(notices, eq(notices.incidentId, incidents.id)).where(eq(incidents.id, id));
    if (!row) throw notFound(`incident ${id}`);
    const [counted] = await db
      .select({ mentions: count(), authors: countDistinct(sql`${incidentMentions.channel} || ' ' || ${incidentMentions.authorHandle}`) })
      .from(incidentMentions)
      .where(eq(incidentMentions.incidentId, id));
    const linked = await db.select().from(incidentMentions).where(eq(incidentMentions.incidentId, id)).orderBy(asc(incidentMentions.linkedAt), asc(incidentMentions.mentionId)).limit(MENTIONS_SHOWN);
    return {
      ...incidentView(row.incident, row.notice, counted ?? { mentions: 0, authors: 0 }),
      linkedMentions: linked.map((link) => ({ channel: link.channel, mentionId: link.mentionId, authorHandle: link.authorHandle, via: link.via, linkedAt: iso(link.linkedAt) })),
    };
  }

  /** Approve and publish the incident's notice (its draft, or `text` instead), recording who did. */
  async publishNotice(id: number, text: string | undefined, actor: string | undefined, audit?: Audit<NoticeView>) {
    return audited(this.services.database.db, audit, async (tx) => {
      const incident = await this.get(id, tx);
      const now = this.services.clock.now();
      const notice = incident.notice;
      if (notice?.status === 'published') throw new ApiError(409, 'conflict', `the notice of incident ${id} is already published`, { incidentId: id, publishedBy: notice.publishedBy });
      const body = text ?? notice?.draftText ?? undefined;
      if (!body) throw new ApiError(422, 'validation_failed', `incident ${id} has no drafted notice text (its template may be missing): give the text`, [{ field: 'text', message: 'required: there is no draft' }]);
      const [changed] = await tx.$client.batch([
        {
          sql: `INSERT INTO notices (incident_id, topic, template, draft_text, text, status, created_at, published_at, published_by)
                VALUES (?, ?, NULL, NULL, ?, 'published', ?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET text = excluded.text, status = 'published', published_at = excluded.published_at, published_by = excluded.published_by
                WHERE notices.status = 'draft'`,
          args: [id, incident.topic, body, now, now, actor ?? null],
        },
        ...eventStatements(
          {
            type: 'notice.published',
            key: `notice.published:${id}`,
            data: { incident: { id, topic: incident.topic }, notice: { text: body, publishedBy: actor ?? null } },
            when: { sql: `EXISTS (SELECT 1 FROM notices WHERE incident_id = ? AND status = 'published' AND published_at = ? AND text = ?)`, args: [id, now, body] },
          },
          now,
        ),
      ]);
      if (changed?.rowsAffected !== 1) throw new ApiError(409, 'conflict', `the notice of incident ${id} was published meanwhile`, { incidentId: id });
      return (await this.get(id, tx)).notice;
    });
  }

  /** Resolve an open incident; with `followUp`, one follow-up per linked author (not per mention) is scheduled. */
  async resolve(id: number, followUp: { after: number; template: string; afterText: string } | undefined, actor: string | undefined, audit?: Audit<{ followUpsScheduled: number }>) {
    const now = this.services.clock.now();
    const token = randomUUID();
    const won = { sql: 'EXISTS (SELECT 1 FROM incidents WHERE id = ? AND resolution_token = ?)', args: [id, token] };
    const dueAt = followUp ? now + followUp.after * 60_000 : 0;
    const statements = [
      {
        sql: `UPDATE incidents SET status = 'resolved', resolved_at = ?, resolved_by = ?, resolution_token = ?, follow_up = ? WHERE id = ? AND status = 'open'`,
        args: [now, actor ?? null, token, followUp ? JSON.stringify({ after: followUp.afterText, template: followUp.template }) : null, id],
      },
      ...eventStatements({ type: 'incident.resolved', key: `incident.resolved:${id}`, data: { incident: { id }, resolvedBy: actor ?? null, followUp: followUp ? { after: followUp.afterText, template: followUp.template, dueAt: iso(dueAt) } : null }, fill: { 'incident.topic': { sql: 'SELECT topic FROM incidents WHERE id = ?', args: [id] } }, when: won }, now),
    ];
    if (followUp) {
      // One per author: the author's latest linked mention is the one followed up (its conversation, its language).
      statements.push({
        sql: `INSERT INTO scheduled_jobs (kind, key, payload, due_at, status, attempts, created_at, updated_at)
              SELECT 'follow_up', 'follow_up:incident:' || ? || ':' || channel || ':' || author_handle,
                     json_object('channel', channel, 'mentionId', mention_id, 'authorHandle', author_handle, 'template', ?, 'source', 'incident', 'incidentId', ?),
                     ?, 'pending', 0, ?, ?
              FROM (SELECT channel, author_handle, mention_id, max(linked_at) FROM incident_mentions WHERE incident_id = ? GROUP BY channel, author_handle)
              WHERE ${won.sql}
              ON CONFLICT (key) DO NOTHING`,
        args: [id, followUp.template, id, dueAt, now, now, id, ...won.args],
      });
    }
    let resolved: { followUpsScheduled: number };
    try {
      resolved = await audited(this.services.database.db, audit, async (tx) => {
        const results = await tx.$client.batch(statements);
        if (results[0]?.rowsAffected !== 1) {
          const current = await this.get(id, tx);
          throw new ApiError(409, 'conflict', `incident ${id} is already resolved`, { incidentId: id, status: current.status, resolvedBy: current.resolvedBy });
        }
        return { followUpsScheduled: followUp ? (results.at(-1)?.rowsAffected ?? 0) : 0 };
      });
    } finally {
      await this.refresh();
    }
    return { incident: await this.get(id), ...resolved };
  }
}
