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
    const created = await access.tokens.create(body, actorOf(c) ?? null);
    await events.record('token.created', `token:${created.token.id}`, { tokenId: created.token.id, name: created.token.name, role: created.token.role }, actorOf(c), { after: created.token });
    return c.json(created, 201);
  });

  app.delete('/:id', async (c) => {
    const id = numericIdParam(c.req.param('id'), 'a token');
    const { before, after } = await access.tokens.revoke(id, actorOf(c) ?? null);
    if (before.revokedAt === null) await events.record('token.revoked', `token:${id}`, { tokenId: id, name: after.name }, actorOf(c), { before, after });
    return c.json({ token: after });
  });
  return app;
}
