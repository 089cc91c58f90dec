// /api/mentions: durable, idempotent ingest of one mention or a batch, and reading a mention back with its explanation.
import { Hono } from 'hono';
import { z } from 'zod';
import { MentionSchema, DecisionSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readJsonValue } from '../http/read-body.ts';
import { ApiError } from '../http/api-error.ts';
import { MAX_BATCH } from '../ingest/mention-ingest.ts';
import type { MentionReader } from '../domain/mention-reader.ts';

/** A batch of 1,000 mentions of the maximum text size still fits; larger bodies are refused before parsing. */
const INGEST_BODY_LIMIT = 8 * 1024 * 1024;

const IngestResultSchema = z.object({
  index: z.number(),
  status: z.enum(['created', 'duplicate', 'rejected']),
  mentionId: z.string().optional(),
  channel: z.string().optional(),
  decision: DecisionSchema.optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export function mentionRoutes(services: Services, reader: MentionReader): Hono {
  const app = new Hono();
  const tag = 'Mentions';
  services.docs.describe({
    method: 'post',
    path: '/mentions',
    summary: 'Ingest one mention or a batch of up to 1,000',
    description:
      'Each accepted mention and its decision are committed before the answer. Idempotent on (channel, id): a redelivery returns the original decision. ' +
      'A batch answers 200 when every item was accepted, 207 when some were rejected (each with its index, field and reason), 422 when none was.',
    tag,
    body: z.union([MentionSchema, z.array(MentionSchema).max(MAX_BATCH)]),
    response: z.union([IngestResultSchema, z.object({ results: z.array(IngestResultSchema), created: z.number(), duplicates: z.number(), rejected: z.number() })]),
    errors: [400, 413, 415, 422],
  });
  services.docs.describe({ method: 'get', path: '/mentions/{id}', summary: 'A mention with its decision, ticket and explanation', tag, errors: [404, 409] });

  app.post('/', async (c) => {
    const body = await readJsonValue(c, INGEST_BODY_LIMIT);
    if (Array.isArray(body)) {
      if (body.length === 0) throw new ApiError(422, 'validation_failed', 'the batch is empty');
      if (body.length > MAX_BATCH) throw new ApiError(413, 'payload_too_large', `a batch holds at most ${MAX_BATCH} mentions (got ${body.length})`);
      const results = await services.ingest.ingest(body);
      const rejected = results.filter((result) => result.status === 'rejected').length;
      const created = results.filter((result) => result.status === 'created').length;
      const summary = { results, created, duplicates: results.length - created - rejected, rejected };
      if (rejected === results.length) {
        const issue = results[0]?.status === 'rejected' ? results[0].errors[0] : undefined;
        // The API's error shape, with the per-item summary alongside so clients read one format for batches.
        const message = `no mention in the batch is valid${issue ? `; the first: ${issue.field}: ${issue.message}` : ''}`;
        return c.json({ error: 'validation_failed', message, ...summary }, 422);
      }
      return c.json(summary, rejected === 0 ? 200 : 207);
    }
    const [result] = await services.ingest.ingest([body]);
    if (result!.status === 'rejected') {
      const first = result!.errors[0];
      throw new ApiError(422, 'validation_failed', first ? `${first.field}: ${first.message}` : 'the mention is not valid', result!.errors);
    }
    return c.json(result, result!.status === 'created' ? 201 : 200);
  });

  app.get('/:id', async (c) => c.json(await reader.get(c.req.param('id'), c.req.query('channel'))));
  return app;
}
