import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../packages/engine/src/index.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { mention } from './support/mentions.ts';

// Refunds go to billing and are tagged `refund`; everything else goes to support. Strongly negative mentions
// are tagged `angry` (the rule reads sentiment, so the ticket stores it).
const routing = workflow(
  'routing',
  'routing',
  [
    trigger(),
    condition('is-refund', [['text', 'containsTerms', ['refund']]]),
    node('to-billing', 'route', { queue: 'billing', rank: 50 }),
    node('tag-refund', 'tag', { tags: ['refund'] }),
    node('to-support', 'route', { queue: 'support', rank: 90 }),
    condition('is-angry', [['sentiment', 'lessThanInclusive', -0.5]]),
    node('tag-angry', 'tag', { tags: ['angry'] }),
  ],
  [
    edge('start', 'is-refund'),
    edge('is-refund', 'to-billing', 'yes'),
    edge('to-billing', 'tag-refund'),
    edge('is-refund', 'to-support', 'no'),
    edge('start', 'is-angry'),
    edge('is-angry', 'tag-angry', 'yes'),
  ],
);

type AgentBody = { id: string; languages?: string[]; queues?: string[]; skills?: string[]; capacity?: number; rating?: number; active?: boolean; tier?: string };

let server: TestServer;

async function setUp(options: { assignIntervalMs?: number; dir?: string } = {}): Promise<TestServer> {
  const started = await startTestServer({ clock: new ManualClock('2026-03-02T10:05:00Z'), assignIntervalMs: 0, ...options });
  if (!options.dir) {
    expect((await started.call('POST', '/api/workflows', routing)).status).toBe(201);
    expect((await started.call('POST', '/api/workflows/routing/publish', {})).status).toBe(201);
  }
  return started;
}

async function addAgent(body: AgentBody, on: TestServer = server) {
  const response = await on.call('POST', '/api/agents', { name: body.id, languages: ['en'], queues: ['support', 'billing'], ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function ingest(overrides: Partial<Mention>, on: TestServer = server): Promise<number> {
  // English unless a test says otherwise: detection is unreliable on two-word texts ("hello @acmeair").
  const response = await on.call('POST', '/api/mentions', mention({ lang: 'en', ...overrides }));
  expect(response.status).toBe(201);
  const stored = await on.call('GET', `/api/mentions/${response.body.mentionId}?channel=${response.body.channel}`);
  return stored.body.ticket.id as number;
}

const assign = async (on: TestServer = server) => {
  const response = await on.call('POST', '/api/queue/assign');
  expect(response.status).toBe(200);
  return response.body.assignments as { ticketId: number; agentId: string; rule: string }[];
};
const assigneeOf = async (id: number, on: TestServer = server) => (await on.call('GET', `/api/tickets/${id}`)).body.ticket.assigneeId as string | null;

afterEach(async () => {
  await server?.stop(true);
});

describe('/api/agents', () => {
  beforeEach(async () => {
    server = await setUp();
  });

  it('creates agents with defaults, lists them with their load, reads and changes one', async () => {
    const created = await server.call('POST', '/api/agents', { id: 'ana', name: 'Ana', languages: ['en', 'FR-ca'], queues: ['support'] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 'ana',
      name: 'Ana',
      tier: 'agent',
      skills: [],
      languages: ['en', 'fr-ca'],
      queues: ['support'],
      capacity: 5,
      rating: 4,
      active: true,
      createdAt: '2026-03-02T10:05:00.000Z',
      load: 0,
    });
    await addAgent({ id: 'ben', tier: 'supervisor', skills: ['refund'], capacity: 3, rating: 4.5 });
    const ticket = await ingest({ text: 'hello @acmeair' });
    await server.call('POST', `/api/tickets/${ticket}/claim`, { agentId: 'ben' });

    const list = await server.call('GET', '/api/agents');
    expect(list.body.agents.map((agent: { id: string; load: number }) => [agent.id, agent.load])).toEqual([
      ['ana', 0],
      ['ben', 1],
    ]);
    expect((await server.call('GET', '/api/agents?queue=billing')).body.agents.map((agent: { id: string }) => agent.id)).toEqual(['ben']);

    const changed = await server.call('PATCH', '/api/agents/ana', { tier: 'senior', capacity: 8, active: false });
    expect(changed).toMatchObject({ status: 200, body: { id: 'ana', tier: 'senior', capacity: 8, active: false, name: 'Ana' } });
    expect((await server.call('GET', '/api/agents/ana')).body).toMatchObject({ tier: 'senior', active: false });
    expect((await server.call('GET', '/api/agents?active=true')).body.agents.map((agent: { id: string }) => agent.id)).toEqual(['ben']);
    expect((await server.services.events.list({ type: 'agent.updated' }))[0]).toMatchObject({ subject: 'ana', detail: { fields: ['tier', 'capacity', 'active'] } });
  });

  it('refuses bad agents with 422 naming the field, duplicates with 409, unknown ids with 404', async () => {
    const cases: [unknown, string][] = [
      [{ id: 'x', name: 'X' }, 'languages'],
      [{ id: 'x', name: 'X', languages: [] }, 'languages'],
      [{ id: 'x', name: 'X', languages: ['english'] }, 'languages.0'],
      [{ id: 'x', name: 'X', languages: ['en'], tier: 'boss' }, 'tier'],
      [{ id: 'x', name: 'X', languages: ['en'], rating: 6 }, 'rating'],
      [{ id: 'x', name: 'X', languages: ['en'], capacity: -1 }, 'capacity'],
      [{ id: 'x', name: 'X', languages: ['en'], queues: ['Support Team'] }, 'queues.0'],
      [{ id: 'unassigned', name: 'X', languages: ['en'] }, 'id'],
      [{ id: 'has space', name: 'X', languages: ['en'] }, 'id'],
      [{ id: 'x', name: 'X', languages: ['en'], email: 'x@example.com' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const response = await server.call('POST', '/api/agents', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.error).toBe('validation_failed');
      expect(response.body.details.map((issue: { field: string }) => issue.field)).toContain(field);
    }
    await addAgent({ id: 'ana' });
    expect(await server.call('POST', '/api/agents', { id: 'ana', name: 'Other', languages: ['en'] })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(await server.call('GET', '/api/agents/nobody')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await server.call('PATCH', '/api/agents/nobody', { capacity: 2 })).toMatchObject({ status: 404 });
    expect(await server.call('PATCH', '/api/agents/ana', {})).toMatchObject({ status: 422 });
    expect(await server.call('PATCH', '/api/agents/ana', { id: 'ann' })).toMatchObject({ status: 422, body: { details: expect.arrayContaining([{ field: 'id', message: 'unknown field' }]) } });
    expect(await server.call('GET', '/api/agents?active=maybe')).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(await server.call('POST', '/api/agents', 'id=ana', { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ status: 415 });
  });
});

describe('assignment', () => {
  beforeEach(async () => {
    server = await setUp();
  });

  it('matches the ticket’s language; unknown languages, and languages nobody in the queue speaks, go to anyone', async () => {
    await addAgent({ id: 'bob', languages: ['en'] });
    await addAgent({ id: 'claire', languages: ['fr-FR'], capacity: 1 });
    const french = await ingest({ text: 'Bonjour @acmeair', lang: 'fr' });
    const english = await ingest({ text: 'Hello @acmeair', lang: 'en' });
    const german = await ingest({ text: 'Hallo @acmeair', lang: 'de' });
    expect(await assign()).toEqual([
      { ticketId: french, agentId: 'claire', queue: 'support', priority: 'P3', rule: 'least_loaded' },
      { ticketId: english, agentId: 'bob', queue: 'support', priority: 'P3', rule: 'least_loaded' },
      // Nobody speaks German: bob and claire qualify alike; claire is full.
      { ticketId: german, agentId: 'bob', queue: 'support', priority: 'P3', rule: 'least_loaded' },
    ]);
    // Claire is full: another French ticket waits for her rather than going to bob.
    const moreFrench = await ingest({ text: 'Encore moi @acmeair', lang: 'fr-CA' });
    const unknown = await ingest({ text: 'Hello @acmeair, me again' });
    await server.services.database.client.execute({ sql: 'UPDATE tickets SET language = NULL WHERE id = ?', args: [unknown] });
    expect(await assign()).toEqual([expect.objectContaining({ ticketId: unknown, agentId: 'bob' })]);
    expect(await assigneeOf(moreFrench)).toBeNull();
    await server.call('POST', `/api/tickets/${french}/resolve`);
    expect(await assign()).toEqual([expect.objectContaining({ ticketId: moreFrench, agentId: 'claire' })]);
  });

  it('only picks agents who serve the queue and are active', async () => {
    await addAgent({ id: 'amy', queues: ['support'] });
    await addAgent({ id: 'aaron', queues: ['billing'], active: false });
    const refund = await ingest({ text: 'refund please @acmeair' });
    const hello = await ingest({ text: 'hello @acmeair' });
    expect(await assign()).toEqual([expect.objectContaining({ ticketId: hello, agentId: 'amy' })]);
    expect(await assigneeOf(refund)).toBeNull();
    await server.call('PATCH', '/api/agents/aaron', { active: true });
    expect(await assign()).toEqual([expect.objectContaining({ ticketId: refund, agentId: 'aaron' })]);
  });

  it('a ticket tagged with a skill someone has waits for an agent with that skill', async () => {
    await addAgent({ id: 'abe' });
    await addAgent({ id: 'dana', skills: ['refund'], capacity: 1 });
    const first = await ingest({ text: 'refund please @acmeair' });
    const second = await ingest({ text: 'another refund @acmeair' });
    const plain = await ingest({ text: 'hello @acmeair' });
    expect(await assign()).toEqual([
      expect.objectContaining({ ticketId: first, agentId: 'dana' }),
      expect.objectContaining({ ticketId: plain, agentId: 'abe' }),
    ]);
    expect(await assigneeOf(second)).toBeNull();
    await server.call('POST', `/api/tickets/${first}/resolve`);
    expect(await assign()).toEqual([expect.objectContaining({ ticketId: second, agentId: 'dana' })]);
  });

  it('the least loaded agent under capacity gets the ticket; ties go to the lowest id', async () => {
    await addAgent({ id: 'b-agent', capacity: 2 });
    await addAgent({ id: 'a-agent', capacity: 1 });
    await addAgent({ id: 'c-agent', capacity: 3 });
    const held = await ingest({ text: 'hello @acmeair 0' });
    await server.call('POST', `/api/tickets/${held}/claim`, { agentId: 'c-agent' });
    const tickets = [];
    for (let n = 1; n <= 6; n++) tickets.push(await ingest({ text: `hello @acmeair ${n}` }));
    const assignments = await assign();
    // Loads a0 b0 c1 → a, then b (a1 b0), then a is full: b1 c1 → b, then c (b full), then c; the 6th waits.
    expect(assignments.map((assignment) => [assignment.ticketId, assignment.agentId])).toEqual([
      [tickets[0], 'a-agent'],
      [tickets[1], 'b-agent'],
      [tickets[2], 'b-agent'],
      [tickets[3], 'c-agent'],
      [tickets[4], 'c-agent'],
    ]);
    expect(await assigneeOf(tickets[5]!)).toBeNull();
    const loads = (await server.call('GET', '/api/agents')).body.agents.map((agent: { id: string; load: number; capacity: number }) => [agent.id, agent.load, agent.capacity]);
    expect(loads).toEqual([
      ['a-agent', 1, 1],
      ['b-agent', 2, 2],
      ['c-agent', 3, 3],
    ]);
    expect(await assign()).toEqual([]);
  });

  it('strongly negative mentions go to the best-rated available agent, others to the least loaded', async () => {
    await addAgent({ id: 'amy', rating: 3.5 });
    await addAgent({ id: 'zoe', rating: 4.9 });
    await addAgent({ id: 'yan', rating: 4.9, capacity: 1 });
    // zoe already holds two tickets, yan one (full).
    for (const [n, agentId] of [[1, 'zoe'], [2, 'zoe'], [3, 'yan']] as const) {
      const id = await ingest({ text: `hello @acmeair ${n}` });
      await server.call('POST', `/api/tickets/${id}/claim`, { agentId });
    }
    const angry = await ingest({ text: '@acmeair worst airline ever, terrible service, I am furious' });
    const calm = await ingest({ text: '@acmeair what time is check-in?' });
    const detail = (await server.call('GET', `/api/tickets/${angry}`)).body.ticket;
    expect(detail.sentiment).toBeLessThanOrEqual(-0.5);
    expect(detail.tags).toContain('angry');
    expect(await assign()).toEqual([
      { ticketId: angry, agentId: 'zoe', queue: 'support', priority: 'P3', rule: 'best_rated' },
      { ticketId: calm, agentId: 'amy', queue: 'support', priority: 'P3', rule: 'least_loaded' },
    ]);
  });

  it('concurrent passes never overfill an agent nor assign a ticket twice', async () => {
    await addAgent({ id: 'ana', capacity: 2 });
    await addAgent({ id: 'ben', capacity: 2 });
    for (let n = 0; n < 6; n++) await ingest({ text: `hello @acmeair ${n}` });
    const passes = await Promise.all([server.call('POST', '/api/queue/assign'), server.call('POST', '/api/queue/assign'), server.call('POST', '/api/queue/assign')]);
    const made = passes.flatMap((pass) => pass.body.assignments as { ticketId: number }[]);
    expect(made).toHaveLength(4);
    expect(new Set(made.map((assignment) => assignment.ticketId)).size).toBe(4);
    expect((await server.call('GET', '/api/agents')).body.agents.map((agent: { load: number }) => agent.load)).toEqual([2, 2]);
  });

  it('a claim racing an assignment pass: the ticket ends with exactly one holder', async () => {
    await addAgent({ id: 'ana' });
    await addAgent({ id: 'ben' });
    for (let round = 0; round < 5; round++) {
      const id = await ingest({ text: `hello @acmeair ${round}` });
      const [claimed, pass] = await Promise.all([server.call('POST', `/api/tickets/${id}/claim`, { agentId: 'ben' }), server.call('POST', '/api/queue/assign')]);
      const assigned = (pass.body.assignments as { ticketId: number; agentId: string }[]).filter((assignment) => assignment.ticketId === id);
      if (claimed.status === 200) {
        expect(assigned.every((assignment) => assignment.agentId === 'ben')).toBe(true);
        expect(await assigneeOf(id)).toBe('ben');
      } else {
        expect(claimed.body).toMatchObject({ error: 'already_claimed' });
        expect(assigned).toHaveLength(1);
        expect(await assigneeOf(id)).toBe(assigned[0]!.agentId);
      }
    }
  });

  it('validates the assign body (it may be omitted)', async () => {
    expect(await server.call('POST', '/api/queue/assign', {})).toMatchObject({ status: 200, body: { assignments: [] } });
    expect(await server.call('POST', '/api/queue/assign', { queue: 'support' })).toMatchObject({ status: 422, body: { details: [{ field: 'queue', message: 'unknown field' }] } });
  });
});

describe('assignment across processes and in the background', () => {
  it('two servers on one database assigning at once never exceed an agent’s capacity', async () => {
    server = await setUp();
    const other = await setUp({ dir: server.dir });
    try {
      await addAgent({ id: 'ana', capacity: 2 });
      await addAgent({ id: 'ben', capacity: 2 });
      const waiting = [];
      for (let n = 0; n < 4; n++) waiting.push(await ingest({ text: `hello @acmeair ${n}` }));
      // Between this server's plan (from loads 0 and 0) and its commit, the other server assigns four more
      // urgent tickets (due earlier), filling both agents: this server's stale plan must then change nothing.
      const commits = server.services.commits;
      const submit = commits.submit.bind(commits);
      let interleaved = false;
      commits.submit = async (statements) => {
        if (!interleaved) {
          interleaved = true;
          for (let n = 0; n < 4; n++) await ingest({ text: `earlier @acmeair ${n}`, createdAt: '2026-03-02T09:00:00Z' }, other);
          const theirs = await assign(other);
          expect(theirs.map((assignment) => assignment.agentId)).toEqual(['ana', 'ben', 'ana', 'ben']);
        }
        return submit(statements);
      };
      expect(await assign(server)).toEqual([]);
      expect(interleaved).toBe(true);
      const loads = (await server.call('GET', '/api/agents')).body.agents.map((agent: { id: string; load: number }) => [agent.id, agent.load]);
      expect(loads).toEqual([
        ['ana', 2],
        ['ben', 2],
      ]);
      for (const id of waiting) expect(await assigneeOf(id)).toBeNull();
    } finally {
      await other.stop();
    }
  });

  it('the automatic assigner assigns new tickets shortly after they arrive, and stops with the server', async () => {
    server = await setUp({ assignIntervalMs: 25 });
    await addAgent({ id: 'ana' });
    const id = await ingest({ text: 'hello @acmeair' });
    await vi.waitFor(async () => expect(await assigneeOf(id)).toBe('ana'), { timeout: 5000, interval: 25 });
    const later = await ingest({ text: 'hello again @acmeair' });
    await vi.waitFor(async () => expect(await assigneeOf(later)).toBe('ana'), { timeout: 5000, interval: 25 });
  });
});
