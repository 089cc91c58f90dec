// /api/users: admins add people, change their role or password, and disable or re-enable them.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { ApiError } from '../http/api-error.ts';
import { numericIdParam, readBody } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { AgentStore } from '../domain/agent-store.ts';
import { NewUserSchema, UserChangeSchema, UserViewSchema } from '../access/user-store.ts';


export function userRoutes(services: Services): Hono {
  const { access, events } = services;
  const agents = new AgentStore(services.database.db, services.clock);
  const app = new Hono();

  /** A linked agent must exist: 422 naming the field otherwise. */
  const checkAgent = async (agentId: string | null | undefined) => {
    if (agentId && !(await agents.find(agentId))) throw new ApiError(422, 'validation_failed', `agentId: no agent “${agentId}”`, [{ field: 'agentId', message: 'no such agent' }]);
  };
  services.docs.describe({ method: 'get', path: '/users', summary: 'List users', tag: 'Access', response: z.object({ users: z.array(UserViewSchema) }) });
  services.docs.describe({ method: 'post', path: '/users', summary: 'Add a user with a role and an initial password', tag: 'Access', body: NewUserSchema, response: UserViewSchema, errors: [409, 422] });
  services.docs.describe({ method: 'patch', path: '/users/{id}', summary: 'Change a user: name, role, password, disabled (never the last enabled admin)', tag: 'Access', body: UserChangeSchema, response: UserViewSchema, errors: [404, 409, 422] });

  app.get('/', async (c) => c.json({ users: await access.users.list() }));

  app.post('/', async (c) => {
    const body = await readBody(c, NewUserSchema);
    await checkAgent(body.agentId);
    const actor = actorOf(c);
    const created = await access.users.create(body, actor ?? null, events.audit((after) => ({ type: 'user.created', subject: after.email, detail: { userId: after.id, role: after.role }, actor, after })));
    return c.json(created, 201);
  });

  app.patch('/:id', async (c) => {
    const id = numericIdParam(c.req.param('id'), 'a user');
    const change = await readBody(c, UserChangeSchema);
    await checkAgent(change.agentId);
    const actor = actorOf(c);
    const fields = Object.keys(change);
    const { after } = await access.users.update(id, change, events.audit(({ before, after }) => ({ type: 'user.updated', subject: after.email, detail: { userId: id, fields }, actor, before, after })));
    return c.json(after);
  });
  return app;
}
