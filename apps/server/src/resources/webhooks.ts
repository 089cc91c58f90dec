// /api/webhooks: where Mentionflow sends what leaves it (escalations, notifications, notices, follow-ups), and the
// delivery log. The signing scheme is documented on POST /api/webhooks.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { readBody, readQuery } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { EVENT_TYPES } from '../time/outbox.ts';
import { BACKOFF_MS, MAX_DELIVERY_ATTEMPTS } from '../time/delivery.ts';

const EventTypeSchema = z.enum([...EVENT_TYPES, '*']);
const CreateSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL' })
    .max(2000)
    .describe('Receives a POST per event'),
  events: z.array(EventTypeSchema).min(1).max(EVENT_TYPES.length + 1).describe('Event types to receive, or ["*"] for all'),
  secret: z.string().min(16, 'at least 16 characters').max(200).optional().describe('Signs every delivery; generated when omitted. Shown only in this answer.'),
  description: z.string().max(500).optional(),
});
const DeliveryQuerySchema = z.strictObject({
  status: z.enum(['pending', 'sending', 'delivered', 'failed', 'cancelled']).optional(),
  event: EventTypeSchema.exclude(['*']).optional(),
  webhook: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const backoff = BACKOFF_MS.map((ms) => (ms < 60_000 ? `${ms / 1000} s` : ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`)).join(', ');

const SIGNING = [
  'Each event is POSTed as JSON `{ id, type, createdAt, data }` with the headers',
  '`x-mentionflow-event-id` (the event id: deliveries are at least once, so deduplicate on it), `x-mentionflow-event-type`,',
  '`x-mentionflow-timestamp` (Unix seconds when this attempt was sent), `x-mentionflow-attempt`, and',
  '`x-mentionflow-signature: sha256=<hex>`, the HMAC-SHA256 of the raw request body keyed with the webhook secret.',
  'Verify it over the bytes received, before parsing, with a constant-time comparison; the signed body holds `createdAt`, so reject events older than you accept.',
  `Any 2xx answer is success. Otherwise (or after no answer within the timeout; redirects are not followed) the delivery is retried after ${backoff}; after ${MAX_DELIVERY_ATTEMPTS} attempts it is \`failed\`.`,
  `Event types: ${EVENT_TYPES.join(', ')}.`,
].join(' ');

export function webhookRoutes(services: Services): Hono {
  const app = new Hono();
  const { webhooks } = services.time;
  const { docs, events } = services;
  const tag = 'Webhooks';
  docs.describe({ method: 'get', path: '/webhooks', summary: 'Configured webhooks (secrets are never shown)', tag });
  docs.describe({ method: 'post', path: '/webhooks', summary: 'Add a webhook; the answer shows its secret, once', description: SIGNING, tag, body: CreateSchema, errors: [413, 415, 422] });
  docs.describe({ method: 'delete', path: '/webhooks/{id}', summary: 'Remove a webhook: undelivered events to it are cancelled, its log stays', tag, errors: [404] });
  docs.describe({
    method: 'get',
    path: '/webhooks/deliveries',
    summary: 'The delivery log, newest first: status, attempts (each with its time, answer and duration), last answer or error, next retry',
    tag,
    query: DeliveryQuerySchema,
    errors: [400],
  });

  app.get('/', async (c) => c.json({ webhooks: await webhooks.list() }));

  app.post('/', async (c) => {
    const body = await readBody(c, CreateSchema);
    const actor = actorOf(c);
    const created = await webhooks.create(body, actor, events.audit((webhook) => ({ type: 'webhook.created', subject: webhook.id, detail: { url: webhook.url, events: webhook.events }, actor })));
    return c.json(created, 201);
  });

  app.get('/deliveries', async (c) => {
    const query = readQuery(c, DeliveryQuerySchema);
    return c.json({ deliveries: await webhooks.deliveries({ status: query.status, event: query.event, webhookId: query.webhook, limit: query.limit }) });
  });

  app.delete('/:id', async (c) => {
    const actor = actorOf(c);
    await webhooks.delete(c.req.param('id'), events.audit(() => ({ type: 'webhook.deleted', subject: c.req.param('id'), detail: {}, actor })));
    return c.json({ deleted: c.req.param('id') });
  });
  return app;
}
