// /api/empowerment: may this agent grant this remedy? Answered by the published empowerment workflows; what they do
// not allow can be sent for approval to an agent of the required tier (or higher), who grants or denies it.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import {
  AgentTierSchema,
  ChannelSchema,
  CustomerTierSchema,
  EmpowermentDecisionSchema,
  EmpowermentRequestSchema,
  type EmpowermentDecision,
  type EmpowermentRequest,
  type Mention,
} from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { mentions } from '../db/schema.ts';
import { numericIdParam, readBody, readQuery } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { actingAgent } from '../access/guard.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { AgentStore } from '../domain/agent-store.ts';
import { APPROVAL_STATUSES, ApprovalStore, type Approval } from '../domain/approval-store.ts';
import { AgentIdSchema } from './agents.ts';

const checkFields = {
  requestId: EmpowermentRequestSchema.shape.id.optional().describe('Your id for the request; one is made up when omitted'),
  agentId: AgentIdSchema.optional().describe('The asking agent (their tier is looked up); or give agentTier'),
  agentTier: AgentTierSchema.optional(),
  remedy: EmpowermentRequestSchema.shape.remedy,
  amount: EmpowermentRequestSchema.shape.amount,
  currency: EmpowermentRequestSchema.shape.currency,
  customerTier: CustomerTierSchema.optional().describe('Default: the tier of the mention’s customer, else standard'),
  mentionId: z.string().min(1).max(200).optional(),
  channel: ChannelSchema.optional().describe('The mention’s channel, when its id is not unique'),
};

function oneAsker(value: { agentId?: string | undefined; agentTier?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.agentId && value.agentTier) ctx.addIssue({ code: 'custom', path: ['agentTier'], message: 'give agentId or agentTier, not both' });
  if (!value.agentId && !value.agentTier) ctx.addIssue({ code: 'custom', path: ['agentId'], message: 'agentId or agentTier is required' });
}

const CheckSchema = z.strictObject(checkFields).superRefine(oneAsker);
const ApprovalRequestSchema = z.strictObject({ ...checkFields, note: z.string().max(2000).optional() }).superRefine(oneAsker);
const DecideSchema = z.strictObject({ agentId: AgentIdSchema, note: z.string().max(2000).optional() });
const ApprovalQuerySchema = z.strictObject({
  status: z.enum(APPROVAL_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const CheckResponseSchema = EmpowermentDecisionSchema.extend({ request: EmpowermentRequestSchema });

type CheckInput = z.infer<typeof CheckSchema>;

const approvalIdParam = (raw: string): number => numericIdParam(raw, 'an approval');

export function empowermentRoutes(services: Services): Hono {
  const app = new Hono();
  const agents = new AgentStore(services.database.db, services.clock);
  const approvals = new ApprovalStore(services.database.db, services.clock);
  const { docs, events } = services;
  const tag = 'Empowerment';
  docs.describe({
    method: 'post',
    path: '/empowerment/check',
    summary: 'May this agent grant this remedy? (published empowerment workflows)',
    tag,
    body: CheckSchema,
    response: CheckResponseSchema,
    errors: [404, 409, 413, 415, 422],
  });
  docs.describe({ method: 'post', path: '/empowerment/approvals', summary: 'Ask for approval of a request the rules did not allow', tag, body: ApprovalRequestSchema, errors: [404, 409, 413, 415, 422] });
  docs.describe({ method: 'get', path: '/empowerment/approvals', summary: 'Approvals, oldest first (e.g. ?status=pending)', tag, query: ApprovalQuerySchema, errors: [400] });
  docs.describe({ method: 'get', path: '/empowerment/approvals/{id}', summary: 'One approval', tag, errors: [400, 404] });
  docs.describe({ method: 'post', path: '/empowerment/approvals/{id}/grant', summary: 'Grant a pending approval (an agent of the required tier or higher)', tag, body: DecideSchema, errors: [400, 403, 404, 409, 415, 422] });
  docs.describe({ method: 'post', path: '/empowerment/approvals/{id}/deny', summary: 'Deny a pending approval (an agent of the required tier or higher)', tag, body: DecideSchema, errors: [400, 403, 404, 409, 415, 422] });

  /** The customer tier of a stored mention's customer (standard when the mention names none). */
  async function mentionCustomerTier(mentionId: string, channel: string | undefined) {
    const { db } = services.database;
    const rows = await db
      .select({ channel: mentions.channel, payload: mentions.payload })
      .from(mentions)
      .where(channel ? and(eq(mentions.id, mentionId), eq(mentions.channel, channel)) : eq(mentions.id, mentionId));
    if (rows.length === 0) throw notFound(`mention “${mentionId}”${channel ? ` on ${channel}` : ''}`);
    if (rows.length > 1) throw new ApiError(409, 'conflict', `several mentions have the id “${mentionId}”; name the channel`, { channels: rows.map((row) => row.channel) });
    return (rows[0]!.payload as unknown as Mention).customer?.tier ?? 'standard';
  }

  async function check(input: CheckInput): Promise<{ request: EmpowermentRequest; decision: EmpowermentDecision }> {
    const agentTier = input.agentId ? AgentTierSchema.parse((await agents.require(input.agentId)).tier) : input.agentTier!;
    const customerTier = input.customerTier ?? (input.mentionId ? await mentionCustomerTier(input.mentionId, input.channel) : 'standard');
    const request: EmpowermentRequest = {
      id: input.requestId ?? randomUUID(),
      agentTier,
      remedy: input.remedy,
      amount: input.amount,
      currency: input.currency,
      customerTier,
    };
    const { engine } = await services.rulebook.rules();
    return { request, decision: engine.checkEmpowerment(request) };
  }

  app.post('/check', async (c) => {
    const { request, decision } = await check(await readBody(c, CheckSchema));
    return c.json({ ...decision, request });
  });

  app.post('/approvals', async (c: Context) => {
    const given = await readBody(c, ApprovalRequestSchema);
    // An agent asks as themselves: their own tier, never one they name.
    const asker = actingAgent(c, given.agentId);
    const input = asker === given.agentId ? given : { ...given, agentId: asker, agentTier: undefined };
    const { request, decision } = await check(input);
    if (decision.allowed || decision.requiresApproval === null) {
      throw new ApiError(409, 'conflict', `no approval is needed: ${decision.reason}`, { requestId: request.id, allowed: true });
    }
    const requestedBy = input.agentId ?? actorOf(c) ?? null;
    const audit = events.audit((approval: Approval) => ({
      type: 'approval.requested',
      subject: `approval:${approval.id}`,
      detail: { approvalId: approval.id, requiredRole: approval.requiredRole, remedy: request.remedy, amount: request.amount, currency: request.currency },
      actor: requestedBy,
    }));
    const pending = {
      kind: 'empowerment',
      subject: {
        request,
        ...(input.agentId ? { agentId: input.agentId } : {}),
        ...(input.mentionId ? { mentionId: input.mentionId } : {}),
        ...(input.channel ? { channel: input.channel } : {}),
        ...(input.note ? { note: input.note } : {}),
        fired: decision.fired,
      },
      requiredRole: decision.requiresApproval,
      reason: decision.reason,
      requestedBy,
    };
    const approval = await approvals.create(pending, audit);
    return c.json(approval, 201);
  });

  app.get('/approvals', async (c) => c.json({ approvals: await approvals.list(readQuery(c, ApprovalQuerySchema)) }));

  app.get('/approvals/:id', async (c) => c.json(await approvals.get(approvalIdParam(c.req.param('id')))));

  for (const [path, status] of [
    ['grant', 'granted'],
    ['deny', 'denied'],
  ] as const) {
    app.post(`/approvals/:id/${path}`, async (c) => {
      const id = approvalIdParam(c.req.param('id'));
      const body = await readBody(c, DecideSchema);
      const agent = await agents.requireActive(actingAgent(c, body.agentId));
      // The store decides pending approvals only: `before` is their status by construction.
      const audit = events.audit((approval: Approval) => ({
        type: `approval.${status}`,
        subject: `approval:${id}`,
        detail: { approvalId: id, requiredRole: approval.requiredRole, agentId: agent.id, agentTier: agent.tier, ...(body.note ? { note: body.note } : {}) },
        actor: actorOf(c) ?? agent.id,
        before: { status: 'pending' },
        after: { status: approval.status, decidedBy: approval.decidedBy },
      }));
      const approval = await approvals.decide(id, status, agent, audit);
      return c.json(approval);
    });
  }
  return app;
}
