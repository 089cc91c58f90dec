// /api/audit: the audit trail, newest first, filtered by who, what, which subject and when, paged by id.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { readQuery } from '../http/read-body.ts';

const isoTime = z.iso.datetime({ offset: true, message: 'an ISO date-time such as 2026-11-23T09:00:00Z' });

const AuditQuerySchema = z.strictObject({
  actor: z.string().max(254).optional(),
  action: z.string().max(100).optional(),
  subject: z.string().max(300).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.record(z.string(), z.unknown()),
});

export function auditRoutes(services: Services): Hono {
  const app = new Hono();
  services.docs.describe({
    method: 'get',
    path: '/audit',
    summary: 'Read the audit trail (who changed what, when, before and after)',
    tag: 'Access',
    query: AuditQuerySchema,
    response: z.object({ entries: z.array(AuditEntrySchema), next: z.number().int().nullable() }),
    errors: [400],
  });

  app.get('/', async (c) => {
    const query = readQuery(c, AuditQuerySchema);
    const rows = await services.events.list({
      type: query.action,
      actor: query.actor,
      subject: query.subject,
      since: query.since === undefined ? undefined : Date.parse(query.since),
      until: query.until === undefined ? undefined : Date.parse(query.until),
      before: query.before,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const entries = page.map((row) => ({ id: row.id, at: row.at, actor: row.actor, action: row.type, subject: row.subject, before: row.before, after: row.after, detail: row.detail }));
    return c.json({ entries, next: rows.length > query.limit ? page[page.length - 1]!.id : null });
  });
  return app;
}
