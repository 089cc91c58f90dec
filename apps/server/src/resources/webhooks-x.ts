// /api/webhooks/x: X's Account Activity webhook. GET answers the CRC challenge; POST verifies
// x-twitter-webhooks-signature (base64 HMAC-SHA256 of the raw body with the consumer secret) and ingests mentions and DMs.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import type { RequestVariables } from '../http/request-log.ts';
import { credentialStoreFor } from '../channels/credential-store.ts';
import { hmacSha256 } from '../channels/secret-box.ts';
import { mapXDelivery } from '../channels/x-mapper.ts';
import { checkSignature, ingestDelivery, parseDelivery, readRawBody, webhookError } from '../channels/webhook-delivery.ts';

const SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

export function xWebhookRoutes(services: Services): Hono {
  const app = new Hono<{ Variables: RequestVariables }>();
  const credentials = credentialStoreFor(services);
  const tag = 'Channels';
  services.docs.describe({
    method: 'get',
    path: '/webhooks/x',
    summary: 'X CRC check: answers crc_token with its HMAC-SHA256 under the consumer secret',
    tag,
    query: z.object({ crc_token: z.string() }),
    response: z.object({ response_token: z.string().describe('sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>') }),
    errors: [400, 503],
  });
  services.docs.describe({
    method: 'post',
    path: '/webhooks/x',
    summary: 'X Account Activity deliveries: mentions, replies, quotes and direct messages become mentions',
    description:
      'Signed with x-twitter-webhooks-signature. Mention ids are X’s (id_str, DM event id), so redeliveries are duplicates. ' +
      'The brand’s own posts and messages (for_user_id) are skipped; other event types are acknowledged.',
    tag,
    errors: [400, 401, 413, 503],
  });

  app.get('/', async (c) => {
    const token = c.req.query('crc_token');
    if (!token) return webhookError(c, 400, 'bad_request', 'the CRC check needs a crc_token query parameter');
    const lookup = await credentials.secret('xConsumerSecret');
    if ('missing' in lookup) return webhookError(c, 503, 'not_configured', `the X webhook cannot answer: ${lookup.missing}`);
    return c.json({ response_token: `sha256=${hmacSha256(lookup.secret, token, 'base64')}` });
  });

  app.post('/', async (c) => {
    const lookup = await credentials.secret('xConsumerSecret');
    if ('missing' in lookup) return webhookError(c, 503, 'not_configured', `the X webhook cannot verify deliveries: ${lookup.missing}`);
    const body = await readRawBody(c);
    const signature = checkSignature(c.req.header(SIGNATURE_HEADER), `sha256=${hmacSha256(lookup.secret, body, 'base64')}`);
    if (signature !== 'valid') {
      services.logger.log('warn', 'channel_signature_rejected', { requestId: c.get('requestId'), platform: 'x', signature });
      return webhookError(c, 401, 'invalid_signature', signature === 'missing' ? `the ${SIGNATURE_HEADER} header is missing` : `the ${SIGNATURE_HEADER} header does not match the body`);
    }
    const summary = await ingestDelivery(services, 'x', mapXDelivery(parseDelivery(body)), c.get('requestId'));
    return c.json(summary);
  });
  return app as unknown as Hono;
}
