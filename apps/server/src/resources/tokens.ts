// /api/tokens: API tokens for integrations and scripts. The secret is in the creation answer only.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { numericIdParam, readBody } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { NewTokenSchema, TokenViewSchema } from '../access/token-store.ts';

export function tokenRoutes(services: Services): Hono {
  const { access, events } = services;
  const app = new Hono();
  services.docs.describe({ method: 'get', path: '/tokens', summary: 'List API tokens (never their secrets)', tag: 'Access', response: z.object({ tokens: z.array(TokenViewSchema) }) });
  services.docs.describe({
    method: 'post',
    path: '/tokens',
    summary: 'Create an API token scoped to one role; the secret is shown in this answer only',
    tag: 'Access',
    body: NewTokenSchema,
    response: z.object({ token: TokenViewSchema, secret: z.string() }),
    errors: [422],
  });
  services.docs.describe({ method: 'delete', path: '/tokens/{id}', summary: 'Revoke an API token (at once in this process, within 5 s in others)', tag: 'Access', response: z.object({ token: TokenViewSchema }), errors: [404] });

  app.get('/', async (c) => c.json({ tokens: await access.tokens.list() }));

  app.post('/', async (c) => {
    const body = await readBody(c, NewTokenSchema);
    const actor = actorOf(c);
    const created = await access.tokens.create(
      body,
      actor ?? null,
      events.audit((token) => ({ type: 'token.created', subject: `token:${token.id}`, detail: { tokenId: token.id, name: token.name, role: token.role }, actor, after: token })),
    );
    return c.json(created, 201);
  });

  app.delete('/:id', async (c) => {
    const id = numericIdParam(c.req.param('id'), 'a token');
    const actor = actorOf(c);
    const { after } = await access.tokens.revoke(
      id,
      actor ?? null,
      events.audit(({ before, after }) => (before.revokedAt === null ? { type: 'token.revoked', subject: `token:${id}`, detail: { tokenId: id, name: after.name }, actor, before, after } : null)),
    );
    return c.json({ token: after });
  });
  return app;
}
