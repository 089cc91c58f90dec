// What every platform webhook does with a delivery: read the raw body (signatures cover its exact bytes), check the
// signature, ingest the mapped mentions through the ordinary pipeline, and answer 200 with a short summary.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { parseJsonSafely } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { ApiError } from '../http/api-error.ts';
import { safeEqual } from './secret-box.ts';
import { asObject, type JsonObject, type MappedDelivery } from './mapped-delivery.ts';

/** Platforms batch events, but a delivery stays far below this. */
export const WEBHOOK_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * The API's error shape with the codes webhooks need (`not_configured`, `invalid_signature`), answered directly:
 * platforms read only the status, people setting up a webhook read the message.
 */
export function webhookError(c: Context, status: ContentfulStatusCode, error: 'not_configured' | 'invalid_signature' | 'forbidden' | 'bad_request', message: string): Response {
  return c.json({ error, message }, status);
}

export async function readRawBody(c: Context): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? '0');
  const tooLarge = () => new ApiError(413, 'payload_too_large', `a webhook delivery is at most ${WEBHOOK_BODY_LIMIT / 1024 / 1024} MiB`);
  if (declared > WEBHOOK_BODY_LIMIT) throw tooLarge();
  const body = new Uint8Array(await c.req.arrayBuffer());
  if (body.byteLength > WEBHOOK_BODY_LIMIT) throw tooLarge();
  return body;
}

/** `valid`, or what is wrong with the signature header; `expected` is the whole header value, e.g. `sha256=…`. */
export function checkSignature(header: string | undefined, expected: string): 'valid' | 'missing' | 'invalid' {
  if (header === undefined || header.trim() === '') return 'missing';
  return safeEqual(header.trim(), expected) ? 'valid' : 'invalid';
}

/** The delivery as a JSON object (a signed body that is not one is a 400, never stored). */
export function parseDelivery(body: Uint8Array): JsonObject {
  let value: unknown;
  try {
    value = parseJsonSafely(new TextDecoder().decode(body));
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `the delivery is not valid JSON: ${(error as Error).message}`);
  }
  const object = asObject(value);
  if (!object) throw new ApiError(400, 'bad_request', 'the delivery is not a JSON object');
  return object;
}

export interface DeliverySummary {
  readonly created: number;
  readonly duplicates: number;
  readonly ignored: number;
  readonly rejected: number;
  /** Event types acknowledged without being understood. */
  readonly unhandled: string[];
  readonly mentions: { channel: string; id: string; status: 'created' | 'duplicate' | 'rejected' }[];
}

/** Ingest a mapped delivery; redeliveries come back as duplicates through the ingest's (channel, id) idempotency. */
export async function ingestDelivery(services: Services, platform: 'x' | 'meta', mapped: MappedDelivery, requestId: string | undefined): Promise<DeliverySummary> {
  const { logger } = services;
  if (mapped.unhandled.length > 0) logger.log('info', 'channel_event_unhandled', { requestId, platform, types: [...new Set(mapped.unhandled)] });
  for (const event of mapped.ignored) logger.log('debug', 'channel_event_ignored', { requestId, platform, ...event });
  const results = mapped.mentions.length > 0 ? await services.ingest.ingest(mapped.mentions) : [];
  const mentions = results.map((result, index) => {
    const mention = mapped.mentions[index]!;
    if (result.status === 'rejected') logger.log('warn', 'channel_mention_rejected', { requestId, platform, channel: mention.channel, id: mention.id, errors: result.errors });
    return { channel: mention.channel, id: mention.id, status: result.status };
  });
  const count = (status: string) => mentions.filter((mention) => mention.status === status).length;
  return { created: count('created'), duplicates: count('duplicate'), ignored: mapped.ignored.length, rejected: count('rejected'), unhandled: [...new Set(mapped.unhandled)], mentions };
}
