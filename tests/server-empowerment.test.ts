import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { mention } from './support/mentions.ts';

// Agents grant up to 50, seniors up to 200, supervisors beyond; upgrades for standard customers need a supervisor.
const limits = workflow(
  'limits',
  'empowerment',
  [
    trigger('empowerment'),
    condition('over-agent', [['request.amount', 'greaterThan', 50]]),
    node('senior', 'require_approval', { role: 'senior', reason: 'over 50 EUR' }),
    condition('over-senior', [['request.amount', 'greaterThan', 200]]),
    node('supervisor', 'require_approval', { role: 'supervisor', reason: 'over 200 EUR' }),
    condition('standard-upgrade', [
      ['request.remedy', 'equal', 'upgrade'],
      ['request.customerTier', 'equal', 'standard'],
    ]),
    node('upgrade-supervisor', 'require_approval', { role: 'supervisor', reason: 'upgrades are for loyal customers' }),
  ],
  [
    edge('start', 'over-agent'),
    edge('over-agent', 'senior', 'yes'),
    edge('over-agent', 'over-senior', 'yes'),
    edge('over-senior', 'supervisor', 'yes'),
    edge('start', 'standard-upgrade'),
    edge('standard-upgrade', 'upgrade-supervisor', 'yes'),
  ],
);

let server: TestServer;

async function publishLimits(): Promise<void> {
  expect((await server.call('POST', '/api/workflows', limits)).status).toBe(201);
  expect((await server.call('POST', '/api/workflows/limits/publish', {})).status).toBe(201);
}

beforeEach(async () => {
  server = await startTestServer({ clock: new ManualClock('2026-03-02T10:05:00Z'), assignIntervalMs: 0 });
  for (const [id, tier] of [
    ['ana', 'agent'],
    ['sam', 'senior'],
    ['sue', 'supervisor'],
    ['max', 'manager'],
  ] as const) {
    expect((await server.call('POST', '/api/agents', { id, name: id, tier, languages: ['en'] })).status).toBe(201);
  }
});
afterEach(async () => {
  await server.stop(true);
});

const check = (body: Record<string, unknown>) => server.call('POST', '/api/empowerment/check', { remedy: 'refund', amount: 40, currency: 'EUR', ...body });

describe('POST /api/empowerment/check', () => {
  it('answers from the published empowerment workflows only', async () => {
    expect((await server.call('POST', '/api/workflows', limits)).status).toBe(201);
    expect((await check({ agentTier: 'agent', amount: 120 })).body).toMatchObject({ allowed: true, requiresApproval: null });
    expect((await server.call('POST', '/api/workflows/limits/publish', {})).status).toBe(201);
    expect((await check({ agentTier: 'agent', amount: 120 })).body).toMatchObject({ allowed: false, requiresApproval: 'senior', reason: 'over 50 EUR' });
  });

  it('allows what is within the agent’s limits', async () => {
    await publishLimits();
    const response = await check({ agentTier: 'agent', requestId: 'req-1' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      requestId: 'req-1',
      allowed: true,
      requiresApproval: null,
      reason: expect.stringContaining('limits'),
      fired: [],
      request: { id: 'req-1', agentTier: 'agent', remedy: 'refund', amount: 40, currency: 'EUR', customerTier: 'standard' },
    });
    expect((await check({ agentTier: 'agent' })).body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('looks the tier up from agentId: the same request needs approval for an agent, not for a senior', async () => {
    await publishLimits();
    const agent = await check({ agentId: 'ana', amount: 120 });
    expect(agent.body).toMatchObject({ allowed: false, requiresApproval: 'senior', reason: 'over 50 EUR', request: { agentTier: 'agent' } });
    expect(agent.body.fired).toEqual([expect.objectContaining({ workflowId: 'limits', nodeId: 'senior', version: 1 })]);
    const senior = await check({ agentId: 'sam', amount: 120 });
    expect(senior.body).toMatchObject({ allowed: true, requiresApproval: null, request: { agentTier: 'senior' } });
    expect((await check({ agentId: 'sam', amount: 500 })).body).toMatchObject({ allowed: false, requiresApproval: 'supervisor', reason: 'over 200 EUR' });
    expect((await check({ agentId: 'max', amount: 5000 })).body).toMatchObject({ allowed: true });
  });

  it('404 for an unknown agent', async () => {
    await publishLimits();
    expect(await check({ agentId: 'nobody' })).toMatchObject({ status: 404, body: { error: 'not_found', message: 'agent “nobody” was not found' } });
  });

  it('takes the customer tier from the stored mention when not given', async () => {
    await publishLimits();
    const gold = await server.call('POST', '/api/mentions', mention({ id: 'gold-1', customer: { id: 'cust-9', tier: 'gold' } }));
    expect(gold.status).toBe(201);
    await server.call('POST', '/api/mentions', mention({ id: 'anon-1' }));
    const upgrade = { agentTier: 'agent', remedy: 'upgrade', amount: 0 };
    expect((await check({ ...upgrade, mentionId: 'gold-1' })).body).toMatchObject({ allowed: true, request: { customerTier: 'gold' } });
    expect((await check({ ...upgrade, mentionId: 'anon-1' })).body).toMatchObject({ allowed: false, requiresApproval: 'supervisor', request: { customerTier: 'standard' } });
    expect((await check({ ...upgrade, mentionId: 'gold-1', customerTier: 'standard' })).body).toMatchObject({ allowed: false, request: { customerTier: 'standard' } });
    expect((await check({ ...upgrade, mentionId: 'gold-1', channel: 'x' })).body.allowed).toBe(true);
    expect(await check({ ...upgrade, mentionId: 'gold-1', channel: 'facebook' })).toMatchObject({ status: 404 });
    expect(await check({ ...upgrade, mentionId: 'missing' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    await server.call('POST', '/api/mentions', mention({ id: 'gold-1', channel: 'facebook', kind: 'comment' }));
    expect(await check({ ...upgrade, mentionId: 'gold-1' })).toMatchObject({ status: 409, body: { error: 'conflict', details: { channels: expect.arrayContaining(['x', 'facebook']) } } });
  });

  it('refuses invalid requests with 422 naming the field', async () => {
    await publishLimits();
    const cases: [Record<string, unknown>, string][] = [
      [{ agentTier: 'agent', remedy: undefined }, 'remedy'],
      [{ agentTier: 'agent', remedy: 'cash' }, 'remedy'],
      [{ agentTier: 'agent', amount: -1 }, 'amount'],
      [{ agentTier: 'agent', amount: '40' }, 'amount'],
      [{ agentTier: 'agent', currency: 'eur' }, 'currency'],
      [{ agentTier: 'intern' }, 'agentTier'],
      [{ agentTier: 'agent', customerTier: 'platinum' }, 'customerTier'],
      [{}, 'agentId'],
      [{ agentId: 'ana', agentTier: 'agent' }, 'agentTier'],
      [{ agentTier: 'agent', approver: 'sue' }, 'approver'],
    ];
    for (const [body, field] of cases) {
      const response = await check(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error).toBe('validation_failed');
      expect(response.body.details.map((issue: { field: string }) => issue.field)).toContain(field);
      expect(response.body.message).toContain(response.body.details[0].field);
    }
    expect(await server.call('POST', '/api/empowerment/check', 'remedy=refund', { 'content-type': 'text/plain' })).toMatchObject({ status: 415, body: { error: 'unsupported_media_type' } });
    expect(await server.call('POST', '/api/empowerment/check', '{')).toMatchObject({ status: 400, body: { error: 'invalid_json' } });
  });
});

describe('approvals', () => {
  beforeEach(publishLimits);

  const requestApproval = (body: Record<string, unknown>) =>
    server.call('POST', '/api/empowerment/approvals', { agentId: 'ana', remedy: 'refund', amount: 500, currency: 'EUR', ...body });

  it('stores a request the rules did not allow, with the role that must approve it', async () => {
    const response = await requestApproval({ note: 'flight cancelled twice', requestId: 'req-7' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.any(Number),
      kind: 'empowerment',
      status: 'pending',
      requiredRole: 'supervisor',
      reason: 'over 200 EUR',
      requestedBy: 'ana',
      decidedBy: null,
      decidedAt: null,
      createdAt: '2026-03-02T10:05:00.000Z',
      subject: { request: { id: 'req-7', agentTier: 'agent', remedy: 'refund', amount: 500, currency: 'EUR', customerTier: 'standard' }, agentId: 'ana', note: 'flight cancelled twice' },
    });
    expect((await server.call('GET', '/api/empowerment/approvals?status=pending')).body.approvals.map((approval: { id: number }) => approval.id)).toEqual([response.body.id]);
    expect((await server.call('GET', `/api/empowerment/approvals/${response.body.id}`)).body).toEqual(response.body);
    expect((await server.services.events.list({ type: 'approval.requested' }))[0]).toMatchObject({ actor: 'ana', detail: { approvalId: response.body.id, requiredRole: 'supervisor' } });
  });

  it('refuses to file an approval for a request that is already allowed', async () => {
    expect(await requestApproval({ amount: 20 })).toMatchObject({ status: 409, body: { error: 'conflict', details: { allowed: true } } });
    expect(await requestApproval({ agentId: 'sue' })).toMatchObject({ status: 409 });
    expect(await requestApproval({ agentId: 'ghost' })).toMatchObject({ status: 404 });
    expect(await requestApproval({ amount: 'lots' })).toMatchObject({ status: 422, body: { details: [{ field: 'amount' }] } });
  });

  it('only an agent of the required tier or higher grants; a decision is made once and recorded', async () => {
    const { id } = (await requestApproval({})).body;
    const grant = (agentId: string) => server.call('POST', `/api/empowerment/approvals/${id}/grant`, { agentId, note: 'goodwill' });
    expect(await grant('ana')).toMatchObject({ status: 403, body: { error: 'forbidden', details: { requiredRole: 'supervisor', agentTier: 'agent' } } });
    const bySenior = await grant('sam');
    expect(bySenior).toMatchObject({ status: 403, body: { error: 'forbidden', message: `approval ${id} needs a supervisor or higher; agent “sam” is a senior` } });
    expect(await grant('ghost')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const granted = await grant('sue');
    expect(granted).toMatchObject({ status: 200, body: { id, status: 'granted', decidedBy: 'sue', decidedAt: '2026-03-02T10:05:00.000Z' } });
    expect(await grant('max')).toMatchObject({ status: 409, body: { error: 'conflict', message: `approval ${id} was already granted by “sue”` } });
    expect(await server.call('POST', `/api/empowerment/approvals/${id}/deny`, { agentId: 'max' })).toMatchObject({ status: 409 });
    expect((await server.call('GET', '/api/empowerment/approvals?status=pending')).body.approvals).toEqual([]);
    expect((await server.call('GET', '/api/empowerment/approvals?status=granted')).body.approvals).toHaveLength(1);
    expect((await server.services.events.list({ type: 'approval.granted' }))[0]).toMatchObject({ subject: `approval:${id}`, actor: 'token:test admin', detail: { approvalId: id, agentId: 'sue', agentTier: 'supervisor', note: 'goodwill' }, after: { status: 'granted', decidedBy: 'sue' } });
  });

  it('denying needs the same tier; a higher tier may decide; concurrent decisions happen once', async () => {
    const senior = (await requestApproval({ amount: 120 })).body;
    expect(senior.requiredRole).toBe('senior');
    expect(await server.call('POST', `/api/empowerment/approvals/${senior.id}/deny`, { agentId: 'ana' })).toMatchObject({ status: 403 });
    const results = await Promise.all([
      server.call('POST', `/api/empowerment/approvals/${senior.id}/deny`, { agentId: 'max' }),
      server.call('POST', `/api/empowerment/approvals/${senior.id}/grant`, { agentId: 'sam' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const final = (await server.call('GET', `/api/empowerment/approvals/${senior.id}`)).body;
    expect(['granted', 'denied']).toContain(final.status);
    expect((await server.call('GET', '/api/empowerment/approvals')).body.approvals).toHaveLength(1);
  });

  it('validates ids, bodies and queries', async () => {
    const { id } = (await requestApproval({})).body;
    expect(await server.call('POST', '/api/empowerment/approvals/999/grant', { agentId: 'max' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await server.call('POST', '/api/empowerment/approvals/abc/grant', { agentId: 'max' })).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(await server.call('POST', `/api/empowerment/approvals/${id}/grant`, {})).toMatchObject({ status: 422, body: { details: [{ field: 'agentId' }] } });
    expect(await server.call('POST', `/api/empowerment/approvals/${id}/grant`, { agentId: 'max', role: 'manager' })).toMatchObject({ status: 422, body: { details: [{ field: 'role' }] } });
    expect(await server.call('GET', '/api/empowerment/approvals?status=open')).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(await server.call('GET', '/api/empowerment/approvals/999')).toMatchObject({ status: 404 });
    await server.call('PATCH', '/api/agents/max', { active: false });
    expect(await server.call('POST', `/api/empowerment/approvals/${id}/grant`, { agentId: 'max' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
  });

  it('documents the routes, with 403 for grants', async () => {
    const paths = (await server.call('GET', '/api/openapi.json')).body.paths;
    expect(paths['/api/empowerment/check'].post.requestBody).toBeDefined();
    expect(Object.keys(paths['/api/empowerment/approvals/{id}/grant'].post.responses)).toContain('403');
  });
});

describe('people with the agent role act as their own agent only', () => {
  it('files and decides approvals as the agent they are linked to; naming another agent or a tier is not a way up', async () => {
    await publishLimits();
    await server.userFor('ana.person', 'agent');
    const users = (await server.call('GET', '/api/users')).body.users as { id: number; email: string }[];
    const ana = users.find((user) => user.email === 'ana.person@example.test')!;
    expect(await server.call('PATCH', `/api/users/${ana.id}`, { agentId: 'ghost' })).toMatchObject({ status: 422, body: { details: [{ field: 'agentId' }] } });
    const unlinked = await server.sessionFor('ana.person', 'agent');
    expect(await server.call('POST', '/api/empowerment/approvals', { agentId: 'ana', remedy: 'refund', amount: 500, currency: 'EUR' }, unlinked)).toMatchObject({ status: 403, body: { details: { field: 'agentId' } } });

    expect((await server.call('PATCH', `/api/users/${ana.id}`, { agentId: 'ana' })).body).toMatchObject({ agentId: 'ana' });
    const linked = await server.sessionFor('ana.person', 'agent', true);
    expect((await server.call('GET', '/api/auth/session', undefined, linked)).body.user).toMatchObject({ role: 'agent', agentId: 'ana' });
    // Claiming to be a supervisor's tier does not make the request theirs: it is filed as ana, an agent.
    const filed = await server.call('POST', '/api/empowerment/approvals', { agentTier: 'supervisor', remedy: 'refund', amount: 500, currency: 'EUR' }, linked);
    expect(filed).toMatchObject({ status: 201, body: { requestedBy: 'ana', requiredRole: 'supervisor' } });
    const grant = (agentId: string) => server.call('POST', `/api/empowerment/approvals/${filed.body.id}/grant`, { agentId }, linked);
    expect(await grant('sue')).toMatchObject({ status: 403, body: { error: 'forbidden', message: 'ana.person@example.test acts as agent “ana” only, not “sue”' } });
    expect(await grant('ana')).toMatchObject({ status: 403, body: { details: { requiredRole: 'supervisor', agentTier: 'agent' } } });
    // An operations lead may act for a supervisor (e.g. recording a decision taken on the phone).
    expect((await server.call('POST', `/api/empowerment/approvals/${filed.body.id}/grant`, { agentId: 'sue' }, await server.sessionFor('olivia', 'ops_lead'))).status).toBe(200);
  });
});
