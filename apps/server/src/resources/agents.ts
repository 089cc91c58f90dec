// /api/agents: the people who answer tickets, with the tier, skills, languages, queues and capacity assignment uses.
import { Hono } from 'hono';
import { z } from 'zod';
import { AgentTierSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody, readQuery } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { AgentStore } from '../domain/agent-store.ts';

// Queue names, tags and skills are slugs, as the engine's route and tag nodes write them.
const slug = (what: string) =>
  z
    .string()
    .min(1, `a ${what} is required`)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, `a ${what} uses lower-case letters, digits, "-" and "_"`);
export const QueueNameSchema = slug('queue name');
export const TagSchema = slug('tag');

/** Agent ids appear in paths and in `?assignee=`; `unassigned` means "nobody" there, so no agent may take it. */
export const AgentIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][\w.@-]*$/, 'letters, digits, ".", "_", "@" and "-"')
  .refine((id) => id !== 'unassigned', '“unassigned” is reserved');

const LanguageSchema = z.string().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language code such as "en" or "fr-CA"');

const AgentFields = {
  name: z.string().trim().min(1).max(200),
  tier: AgentTierSchema.describe('What the agent may approve: agent < senior < supervisor < manager'),
  skills: z.array(slug('skill')).max(50).describe('Named like tags: a ticket tagged with a skill someone has waits for an agent who has it'),
  languages: z.array(LanguageSchema).min(1).max(20),
  queues: z.array(QueueNameSchema).max(50).describe('Queues the agent serves (assignment only picks from these)'),
  capacity: z.number().int().min(0).max(1000).describe('Open tickets the agent can hold at once'),
  rating: z.number().min(1).max(5),
  active: z.boolean(),
};

export const CreateAgentSchema = z.strictObject({
  id: AgentIdSchema,
  name: AgentFields.name,
  tier: AgentFields.tier.default('agent'),
  skills: AgentFields.skills.default([]),
  languages: AgentFields.languages,
  queues: AgentFields.queues.default([]),
  capacity: AgentFields.capacity.default(5),
  rating: AgentFields.rating.default(4),
  active: AgentFields.active.default(true),
});

export const UpdateAgentSchema = z
  .strictObject({
    name: AgentFields.name.optional(),
    tier: AgentFields.tier.optional(),
    skills: AgentFields.skills.optional(),
    languages: AgentFields.languages.optional(),
    queues: AgentFields.queues.optional(),
    capacity: AgentFields.capacity.optional(),
    rating: AgentFields.rating.optional(),
    active: AgentFields.active.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change');

const ListQuerySchema = z.strictObject({
  active: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  queue: QueueNameSchema.optional(),
});

const AgentSchema = CreateAgentSchema.extend({ createdAt: z.string(), load: z.number().describe('Open tickets held now') });

export function agentRoutes(services: Services): Hono {
  const app = new Hono();
  const store = new AgentStore(services.database.db, services.clock);
  const tag = 'Agents';
  services.docs.describe({ method: 'get', path: '/agents', summary: 'List agents with their current load', tag, query: ListQuerySchema, response: z.object({ agents: z.array(AgentSchema) }), errors: [400] });
  services.docs.describe({ method: 'post', path: '/agents', summary: 'Add an agent', tag, body: CreateAgentSchema, response: AgentSchema, errors: [409, 413, 415, 422] });
  services.docs.describe({ method: 'get', path: '/agents/{id}', summary: 'One agent with their load', tag, response: AgentSchema, errors: [404] });
  services.docs.describe({ method: 'patch', path: '/agents/{id}', summary: 'Change an agent (tier, skills, queues, capacity, active …)', tag, body: UpdateAgentSchema, response: AgentSchema, errors: [404, 413, 415, 422] });

  app.get('/', async (c) => {
    const query = readQuery(c, ListQuerySchema);
    return c.json({ agents: await store.list(query) });
  });

  app.post('/', async (c) => {
    const input = await readBody(c, CreateAgentSchema);
    const actor = actorOf(c);
    const agent = await store.create(input, services.events.audit(() => ({ type: 'agent.created', subject: input.id, detail: { tier: input.tier, queues: input.queues }, actor })));
    return c.json(agent, 201);
  });

  app.get('/:id', async (c) => c.json(await store.get(c.req.param('id'))));

  app.patch('/:id', async (c) => {
    const changes = await readBody(c, UpdateAgentSchema);
    const id = c.req.param('id');
    const actor = actorOf(c);
    const agent = await store.update(id, changes, services.events.audit(() => ({ type: 'agent.updated', subject: id, detail: { fields: Object.keys(changes) }, actor })));
    return c.json(agent);
  });
  return app;
}
