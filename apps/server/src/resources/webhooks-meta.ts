// /api/webhooks/meta: the Graph API webhook for Facebook Pages, Instagram and Messenger. GET is the subscription
// handshake (hub.verify_token must match; hub.challenge is echoed); POST verifies X-Hub-Signature-256 (hex
// HMAC-SHA256 of the raw body with the app secret) and ingests comments and messages.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import type { RequestVariables } from '../http/request-log.ts';
import { credentialStoreFor } from '../channels/credential-store.ts';
import { hmacSha256 } from '../channels/secret-box.ts';
import { mapMetaDelivery } from '../channels/meta-mapper.ts';
import { checkSignature, ingestDelivery, parseDelivery, readRawBody, webhookError } from '../channels/webhook-delivery.ts';

const SIGNATURE_HEADER = 'x-hub-signature-256';

export function metaWebhookRoutes(services: Services): Hono {
  const app = new Hono<{ Variables: RequestVariables }>();
  const credentials = credentialStoreFor(services);
  const tag = 'Channels';
  services.docs.describe({
    method: 'get',
    path: '/webhooks/meta',
    summary: 'Meta subscription handshake: echoes hub.challenge (text/plain) when hub.verify_token matches',
    tag,
    query: z.object({ 'hub.mode': z.literal('subscribe'), 'hub.verify_token': z.string(), 'hub.challenge': z.string() }),
    errors: [400, 403, 503],
  });
  services.docs.describe({
    method: 'post',
    path: '/webhooks/meta',
    summary: 'Meta deliveries: Page comments, Instagram comments and Messenger messages become mentions',
    description:
      'Signed with X-Hub-Signature-256. Mention ids are Meta’s (comment_id, Instagram comment id, message mid), so redeliveries are duplicates. ' +
      'Comments by the Page or account itself and message echoes are skipped; other fields are acknowledged.',
    tag,
    errors: [400, 401, 413, 503],
  });

  app.get('/', async (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    const challenge = c.req.query('hub.challenge');
    if (mode !== 'subscribe' || token === undefined || challenge === undefined) {
      return webhookError(c, 400, 'bad_request', 'the handshake needs hub.mode=subscribe, hub.verify_token and hub.challenge');
    }
    const check = await credentials.verifyToken(token);
    if ('missing' in check) return webhookError(c, 503, 'not_configured', `the Meta webhook cannot verify the subscription: ${check.missing}`);
    if (!check.matches) {
      services.logger.log('warn', 'channel_handshake_rejected', { requestId: c.get('requestId'), platform: 'meta' });
      return webhookError(c, 403, 'forbidden', 'hub.verify_token does not match the configured verify token');
    }
    return c.text(challenge, 200, { 'content-type': 'text/plain; charset=utf-8' });
  });

  app.post('/', async (c) => {
    const lookup = await credentials.secret('metaAppSecret');
    if ('missing' in lookup) return webhookError(c, 503, 'not_configured', `the Meta webhook cannot verify deliveries: ${lookup.missing}`);
    const body = await readRawBody(c);
    const signature = checkSignature(c.req.header(SIGNATURE_HEADER)?.toLowerCase(), `sha256=${hmacSha256(lookup.secret, body, 'hex')}`);
    if (signature !== 'valid') {
      services.logger.log('warn', 'channel_signature_rejected', { requestId: c.get('requestId'), platform: 'meta', signature });
      return webhookError(c, 401, 'invalid_signature', signature === 'missing' ? 'the X-Hub-Signature-256 header is missing' : 'the X-Hub-Signature-256 header does not match the body');
    }
    const mapped = mapMetaDelivery(parseDelivery(body), new Date(services.clock.now()).toISOString());
    return c.json(await ingestDelivery(services, 'meta', mapped, c.get('requestId')));
  });
  return app as unknown as Hono;
}
