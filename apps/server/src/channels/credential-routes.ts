// /api/channels/credentials: set the webhook secrets in the workspace, and see which are set (never their values).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { readBody } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { credentialStoreFor } from './credential-store.ts';
import { webhookError } from './webhook-delivery.ts';
import type { CredentialName } from './channel-config.ts';

const secret = z.string().min(1).max(1000).nullable().optional().describe('The value, or null to remove the one stored in the workspace');

const CredentialsBody = z
  .strictObject({ xConsumerSecret: secret, metaAppSecret: secret, metaVerifyToken: secret })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name at least one of xConsumerSecret, metaAppSecret, metaVerifyToken');

const Status = z.object({ set: z.boolean(), source: z.enum(['environment', 'workspace']).nullable(), storedAs: z.enum(['encrypted', 'hashed']).optional(), updatedAt: z.string().optional() });
const StatusBody = z.object({ xConsumerSecret: Status, metaAppSecret: Status, metaVerifyToken: Status, encryptionKey: z.object({ configured: z.boolean(), problem: z.string().optional() }) });

export function channelCredentialRoutes(services: Services): Hono {
  const app = new Hono();
  const store = credentialStoreFor(services);
  const tag = 'Channels';
  services.docs.describe({ method: 'get', path: '/channels/credentials', summary: 'Which webhook secrets are set, and where from (never the values)', tag, response: StatusBody });
  services.docs.describe({
    method: 'put',
    path: '/channels/credentials',
    summary: 'Store webhook secrets in the workspace (null removes one)',
    description:
      'HMAC secrets are stored AES-256-GCM encrypted with MENTIONFLOW_SECRET_KEY and refused (503) without it; the Meta verify token is stored as a salted hash. ' +
      'A secret given in the environment (X_CONSUMER_SECRET, META_APP_SECRET, META_VERIFY_TOKEN) takes precedence over the stored one.',
    tag,
    body: CredentialsBody,
    response: StatusBody,
    errors: [400, 415, 422, 503],
  });

  app.get('/credentials', async (c) => c.json(await store.status()));

  app.put('/credentials', async (c) => {
    const body = await readBody(c, CredentialsBody);
    const actor = actorOf(c);
    const audit = services.events.audit(({ saved }: { saved: CredentialName[] }) => ({
      type: 'channels.credentials_updated',
      subject: 'channels',
      detail: { names: saved, removed: saved.filter((name) => body[name] === null) },
      actor,
    }));
    const outcome = await store.save(body, actor, audit);
    if ('refused' in outcome) return webhookError(c, 503, 'not_configured', outcome.refused);
    return c.json(await store.status());
  });
  return app;
}
