// /api/queue: the open tickets waiting for people, most urgent first, and assigning them by each queue's policy.
import { Hono } from 'hono';
import { z } from 'zod';
import { ChannelSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readQuery } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { QueueReader } from '../domain/queue-reader.ts';
import { Assigner } from '../domain/assignment.ts';
import { AgentIdSchema, QueueNameSchema, TagSchema } from './agents.ts';
import { readOptionalBody } from './tickets.ts';

const QueueQuerySchema = z.strictObject({
  queue: QueueNameSchema.optional(),
  tag: TagSchema.optional(),
  channel: ChannelSchema.optional(),
  assignee: z.union([z.literal('unassigned'), AgentIdSchema]).optional().describe('An agent id, or "unassigned"'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional().describe('nextCursor of the previous page'),
});

const AssignBodySchema = z.strictObject({});

const AssignmentSchema = z.object({
  ticketId: z.number(),
  agentId: z.string(),
  queue: z.string(),
  priority: z.string(),
  rule: z.enum(['least_loaded', 'best_rated']),
});

export function queueRoutes(services: Services): Hono {
  const app = new Hono();
  const reader = new QueueReader(services.database.db, services.clock);
  const assigner = new Assigner(services);
  const tag = 'Queue';
  services.docs.describe({
    method: 'get',
    path: '/queue',
    summary: 'Open tickets, P1 first then by first-response due time',
    description: 'Each item has the ticket, its mention, its decision’s routing and an `overdue` flag. Page with `nextCursor`.',
    tag,
    query: QueueQuerySchema,
    errors: [400],
  });
  services.docs.describe({
    method: 'post',
    path: '/queue/assign',
    summary: 'Assign every unassigned open ticket someone can take now',
    description:
      'The least loaded active agent who serves the queue, speaks the language and has the skills the tags ask for, under capacity; ' +
      'strongly negative mentions (sentiment ≤ -0.5) go to the best-rated such agent. Ties go to the lowest agent id. The body may be omitted.',
    tag,
    body: AssignBodySchema,
    response: z.object({ assignments: z.array(AssignmentSchema) }),
    errors: [413, 415, 422],
  });

  app.get('/', async (c) => c.json(await reader.list(readQuery(c, QueueQuerySchema))));

  app.post('/assign', async (c) => {
    await readOptionalBody(c, AssignBodySchema);
    const assignments = await assigner.assignAll();
    // A summary of the pass's assignments (the background assigner makes the same ones with no entry): on its own.
    if (assignments.length > 0) await services.events.record('queue.assigned', null, { assignments: assignments.length }, actorOf(c));
    return c.json({ assignments });
  });
  return app;
}
