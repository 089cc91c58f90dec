// /api/tickets: one ticket, and what agents do with it: claim and release it, reply (within the reply limit),
// resolve and reopen it, and record the customer's rating of the resolution.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { readBody, validationError } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { actingAgent } from '../access/guard.ts';
import { TicketStore, ticketIdParam, ticketView } from '../domain/ticket-store.ts';
import { AgentStore } from '../domain/agent-store.ts';
import { ReplyStore } from '../domain/reply-policy.ts';
import { AgentIdSchema } from './agents.ts';

/** A body that may be left out entirely (then it is `{}`); when sent it is JSON and validated like any other. */
export async function readOptionalBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const length = c.req.header('content-length');
  const sent = c.req.header('content-type') !== undefined || c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
  if (sent) return readBody(c, schema);
  const parsed = schema.safeParse({});
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

const AgentBodySchema = z.strictObject({ agentId: AgentIdSchema });
const TransitionSchema = z.strictObject({ agentId: AgentIdSchema.optional(), note: z.string().max(2000).optional() });
const RatingSchema = z.strictObject({ rating: z.number().int('a whole number from 1 to 5').min(1).max(5) });
const ReplySchema = z.strictObject({
  agentId: AgentIdSchema,
  text: z.string().trim().min(1, 'the reply is empty').max(10_000),
  visibility: z.enum(['public', 'private']),
  override: z
    .strictObject({ reason: z.string().trim().min(1, 'a reason is required').max(500) })
    .optional()
    .describe('Reply publicly past the reply limit; the reason is recorded in the event log'),
});

export function ticketRoutes(services: Services): Hono {
  const app = new Hono();
  const tickets = new TicketStore(services.database.db, services.clock);
  const agents = new AgentStore(services.database.db, services.clock);
  const replies = new ReplyStore(services);
  const { docs, events } = services;
  const tag = 'Tickets';
  docs.describe({ method: 'get', path: '/tickets/{id}', summary: 'One ticket with its mention, decision and overdue flag', tag, errors: [400, 404] });
  docs.describe({
    method: 'post',
    path: '/tickets/{id}/claim',
    summary: 'Claim a ticket for an agent',
    description: 'Only one agent holds a ticket: a claim on a ticket someone else holds is refused with 409 already_claimed naming the holder. Claiming again is a no-op.',
    tag,
    body: AgentBodySchema,
    errors: [400, 404, 409, 415, 422],
  });
  docs.describe({ method: 'post', path: '/tickets/{id}/release', summary: 'Give a held ticket back to its queue (holder only)', tag, body: AgentBodySchema, errors: [400, 404, 409, 415, 422] });
  docs.describe({ method: 'post', path: '/tickets/{id}/resolve', summary: 'Resolve an open ticket (the body may be omitted)', tag, body: TransitionSchema, errors: [400, 404, 409, 415, 422] });
  docs.describe({ method: 'post', path: '/tickets/{id}/reopen', summary: 'Reopen a resolved ticket (clears its rating; the body may be omitted)', tag, body: TransitionSchema, errors: [400, 404, 409, 415, 422] });
  docs.describe({ method: 'post', path: '/tickets/{id}/rating', summary: 'The customer’s satisfaction with a resolved ticket (1–5)', tag, body: RatingSchema, errors: [400, 404, 409, 415, 422] });
  docs.describe({ method: 'get', path: '/tickets/{id}/replies', summary: 'The brand’s replies on a ticket, oldest first', tag, errors: [400, 404] });
  docs.describe({
    method: 'post',
    path: '/tickets/{id}/replies',
    summary: 'Record a brand reply',
    description:
      'Only the agent holding the ticket may reply; a reply to an unassigned ticket claims it for the agent. The brand replies publicly at most twice to one author in a conversation: ' +
      'a third public reply is refused with 409 reply_limit unless `override.reason` is given (recorded in the event log). Private replies do not count toward that limit.',
    tag,
    body: ReplySchema,
    errors: [400, 404, 409, 413, 415, 422],
  });

  app.get('/:id', async (c) => c.json(await tickets.detail(ticketIdParam(c.req.param('id')))));

  app.post('/:id/claim', async (c) => {
    const id = ticketIdParam(c.req.param('id'));
    const agentId = actingAgent(c, (await readBody(c, AgentBodySchema)).agentId);
    await agents.requireActive(agentId);
    const row = await tickets.claim(id, agentId, events.audit(({ before }) => (before.assigneeId !== agentId ? { type: 'ticket.claimed', subject: `ticket:${id}`, detail: { ticketId: id, agentId }, actor: agentId } : null)));
    return c.json(ticketView(row));
  });

  app.post('/:id/release', async (c) => {
    const id = ticketIdParam(c.req.param('id'));
    const agentId = actingAgent(c, (await readBody(c, AgentBodySchema)).agentId);
    await agents.require(agentId);
    const row = await tickets.release(id, agentId, events.audit(({ before }) => (before.assigneeId === agentId ? { type: 'ticket.released', subject: `ticket:${id}`, detail: { ticketId: id, agentId }, actor: agentId } : null)));
    return c.json(ticketView(row));
  });

  for (const [path, change] of [
    ['resolve', 'resolved'],
    ['reopen', 'reopened'],
  ] as const) {
    app.post(`/:id/${path}`, async (c) => {
      const id = ticketIdParam(c.req.param('id'));
      const body = await readOptionalBody(c, TransitionSchema);
      const agentId = actingAgent(c, body.agentId);
      if (agentId) await agents.require(agentId);
      const actor = agentId ?? actorOf(c);
      const audit = events.audit(() => ({ type: `ticket.${change}`, subject: `ticket:${id}`, detail: { ticketId: id, ...(body.note ? { note: body.note } : {}) }, actor }));
      const row = path === 'resolve' ? await tickets.resolve(id, audit) : await tickets.reopen(id, audit);
      return c.json(ticketView(row));
    });
  }

  app.post('/:id/rating', async (c) => {
    const id = ticketIdParam(c.req.param('id'));
    const { rating } = await readBody(c, RatingSchema);
    const actor = actorOf(c);
    const row = await tickets.rate(id, rating, events.audit(() => ({ type: 'ticket.rated', subject: `ticket:${id}`, detail: { ticketId: id, rating }, actor })));
    return c.json(ticketView(row));
  });

  app.get('/:id/replies', async (c) => c.json({ replies: await replies.list(ticketIdParam(c.req.param('id'))) }));

  app.post('/:id/replies', async (c) => {
    const id = ticketIdParam(c.req.param('id'));
    const body = await readBody(c, ReplySchema);
    await agents.requireActive(actingAgent(c, body.agentId));
    return c.json(await replies.record(id, body, actorOf(c)), 201);
  });
  return app;
}
