// Regression cases: mentions saved with the decision a workflow must keep; run against the draft, and run before
// every publish, which a failing case blocks (409, nothing published) unless the publisher acknowledges it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import { mention, settings } from './support/mentions.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { ManualClock } from '../apps/server/src/clock.ts';

const routing = (refundQueue: string) =>
  workflow(
    'routing',
    'routing',
    [
      trigger(),
      condition('is-refund', [['text', 'containsTerms', ['refund', 'remboursement']]]),
      node('to-refunds', 'route', { queue: refundQueue, rank: 50 }),
      node('p2', 'set_priority', { mode: 'set', priority: 'P2' }),
      node('to-general', 'route', { queue: 'general', rank: 90 }),
    ],
    [edge('start', 'is-refund'), edge('is-refund', 'to-refunds', 'yes'), edge('to-refunds', 'p2'), edge('is-refund', 'to-general', 'no')],
  );

const lateEscalation = () =>
  workflow(
    'late',
    'escalation',
    [node('start', 'escalation_trigger', { onlyUnanswered: true }), condition('waiting', [['minutesWaiting', 'greaterThan', 60]]), node('up', 'escalate', { to: 'supervisor', reason: 'late' })],
    [edge('start', 'waiting'), edge('waiting', 'up', 'yes')],
  );

/** Request headers of `user` signed in as an operations lead (a real session: cookie and CSRF token). */
const as = (user: string) => server.sessionFor(user);
const refund = () => mention({ id: 'case-refund', text: 'I want a refund', createdAt: '2026-03-02T10:00:00Z' });

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ clock: new ManualClock('2026-03-02T12:00:00Z') });
  await server.call('PUT', '/api/settings', settings);
  await server.call('POST', '/api/workflows', routing('billing'));
  await server.call('POST', '/api/workflows/routing/publish', { note: 'first' });
});
afterEach(async () => {
  await server.stop(true);
});

async function rerouteDraft(queue: string): Promise<number> {
  const current = (await server.call('GET', '/api/workflows/routing')).body;
  current.graph.nodes.find((found: { id: string }) => found.id === 'to-refunds').data.queue = queue;
  const saved = await server.call('PUT', '/api/workflows/routing', { version: current.version, graph: current.graph });
  expect(saved.status).toBe(200);
  return saved.body.version;
}

const saveCase = (body: Record<string, unknown>, headers: Record<string, string> = {}) => server.call('POST', '/api/workflows/routing/cases', body, headers);
const versions = async () => (await server.call('GET', '/api/workflows/routing/versions')).body.versions.map((version: { version: number }) => version.version);
const eventsOf = (type: string) => server.services.events.list({ type });

describe('regression cases: saving, listing, running, deleting', () => {
  it('saves a simulated mention with its decision as the expectation, and runs it against the draft', async () => {
    const created = await saveCase({ name: 'refunds go to billing', mention: refund(), expect: { queue: 'billing', priority: 'P2', tags: [], actions: [] } }, await as('lea'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), workflowId: 'routing', name: 'refunds go to billing', mention: refund(), expect: { queue: 'billing', priority: 'P2' }, createdBy: 'lea@example.test', createdAt: '2026-03-02T12:00:00.000Z' });
    expect((await server.call('GET', '/api/workflows/routing/cases')).body.cases).toEqual([created.body]);

    const passing = await server.call('POST', '/api/workflows/routing/cases/run');
    expect(passing.status).toBe(200);
    expect(passing.body.results).toEqual([{ caseId: created.body.id, name: 'refunds go to billing', passed: true, failures: [], decision: expect.objectContaining({ queue: 'billing', priority: 'P2' }) }]);

    await rerouteDraft('refunds');
    const failing = await server.call('POST', '/api/workflows/routing/cases/run');
    expect(failing.body.results[0]).toMatchObject({ passed: false, failures: ['queue is "refunds", expected "billing"'], decision: { queue: 'refunds' } });
    // Running changes nothing: the published version is still the first.
    expect(await versions()).toEqual([1]);

    const removed = await server.call('DELETE', `/api/workflows/routing/cases/${created.body.id}`);
    expect(removed.body).toEqual({ id: created.body.id, deleted: true });
    expect((await server.call('GET', '/api/workflows/routing/cases')).body.cases).toEqual([]);
    expect((await server.call('DELETE', `/api/workflows/routing/cases/${created.body.id}`)).status).toBe(404);
    expect((await server.call('POST', '/api/workflows/routing/cases/run')).body.results).toEqual([]);
  });

  it('a case with `now` also runs the escalation workflows at that time, as the simulation did', async () => {
    await server.call('POST', '/api/workflows', lateEscalation());
    await server.call('POST', '/api/workflows/late/publish', {});
    await saveCase({ name: 'late refunds escalate', mention: refund(), now: '2026-03-02T13:30:00Z', expect: { queue: 'billing', actions: ['escalate'] } });
    await saveCase({ name: 'early refunds do not', mention: refund(), now: '2026-03-02T10:30:00Z', expect: { notActions: ['escalate'] } });
    const results = (await server.call('POST', '/api/workflows/routing/cases/run')).body.results;
    expect(results.map((result: { name: string; passed: boolean }) => [result.name, result.passed])).toEqual([
      ['late refunds escalate', true],
      ['early refunds do not', true],
    ]);
  });

  it('refuses bad cases (422) and unknown workflows or cases (404)', async () => {
    const fields = (response: { body: { details: { field: string }[] } }) => response.body.details.map((issue) => issue.field);
    expect(fields(await saveCase({ name: 'x', mention: refund(), expect: {} }))).toEqual(['expect']);
    expect(fields(await saveCase({ name: 'x', mention: refund(), expect: { allowed: true } }))).toEqual(['expect.allowed']);
    expect(fields(await saveCase({ name: 'x', mention: { id: 'm' }, expect: { queue: 'billing' } }))).toContain('mention.channel');
    expect(fields(await saveCase({ name: '', mention: refund(), expect: { queue: 'billing' }, extra: 1 }))).toEqual(['name', 'extra']);
    expect((await server.call('GET', '/api/workflows/nope/cases')).status).toBe(404);
    expect((await server.call('POST', '/api/workflows/nope/cases', { name: 'x', mention: refund(), expect: { queue: 'billing' } })).status).toBe(404);
    expect((await server.call('POST', '/api/workflows/nope/cases/run')).status).toBe(404);
    expect((await server.call('DELETE', '/api/workflows/routing/cases/nope')).status).toBe(404);
  });
});

describe('regression cases gate publishing', () => {
  it('a failing case blocks an unacknowledged publish (409, nothing published); acknowledged, it publishes and the log says who and which', async () => {
    const saved = await saveCase({ name: 'refunds go to billing', mention: refund(), expect: { queue: 'billing' } });
    await saveCase({ name: 'refunds are P2', mention: refund(), expect: { priority: 'P2' } });
    await rerouteDraft('refunds');

    const refused = await server.call('POST', '/api/workflows/routing/publish', { note: 'reroute' }, await as('sam'));
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: 'regression_cases',
      message: expect.stringContaining('acknowledgeCases'),
      details: { failing: [{ caseId: saved.body.id, name: 'refunds go to billing', failures: ['queue is "refunds", expected "billing"'] }] },
    });
    expect(await versions()).toEqual([1]);
    expect((await server.call('GET', '/api/workflows/routing')).body).toMatchObject({ publishedVersion: 1, status: 'draft_ahead' });
    expect(await eventsOf('workflow.published')).toHaveLength(1);
    // Live decisions still use version 1.
    expect((await server.call('POST', '/api/mentions', mention({ id: 'live-1', text: 'refund' }))).body.decision.queue).toBe('billing');

    const published = await server.call('POST', '/api/workflows/routing/publish', { note: 'reroute', acknowledgeCases: true }, await as('sam'));
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, note: 'reroute', publishedBy: 'sam@example.test' });
    const [acknowledged] = await eventsOf('workflow.cases_acknowledged');
    expect(acknowledged).toMatchObject({
      subject: 'routing',
      actor: 'sam@example.test',
      detail: { version: 2, cases: [{ caseId: saved.body.id, name: 'refunds go to billing', failures: ['queue is "refunds", expected "billing"'] }] },
    });
    expect((await server.call('POST', '/api/mentions', mention({ id: 'live-2', text: 'refund' }))).body.decision.queue).toBe('refunds');
  });

  it('passing cases publish as before, without acknowledgement or a logged acknowledgement', async () => {
    await saveCase({ name: 'refunds are P2', mention: refund(), expect: { priority: 'P2' } });
    await rerouteDraft('refunds');
    const published = await server.call('POST', '/api/workflows/routing/publish', { note: 'fine' });
    expect(published.status).toBe(201);
    expect(await eventsOf('workflow.cases_acknowledged')).toEqual([]);
    // acknowledgeCases with nothing failing logs nothing either.
    expect((await server.call('POST', '/api/workflows/routing/publish', { acknowledgeCases: true })).status).toBe(201);
    expect(await eventsOf('workflow.cases_acknowledged')).toEqual([]);
  });

  it('a stale version or a draft with problems is refused as before, ahead of the cases', async () => {
    await saveCase({ name: 'refunds go to billing', mention: refund(), expect: { queue: 'billing' } });
    const version = await rerouteDraft('refunds');
    expect((await server.call('POST', '/api/workflows/routing/publish', { version: version - 1 })).body.error).toBe('version_conflict');
    const current = (await server.call('GET', '/api/workflows/routing')).body;
    current.graph.nodes[1].data.clauses[0].fact = 'moodRing';
    await server.call('PUT', '/api/workflows/routing', { version: current.version, graph: current.graph });
    const broken = await server.call('POST', '/api/workflows/routing/publish', { acknowledgeCases: true });
    expect(broken.status).toBe(422);
    expect(broken.body.error).toBe('not_publishable');
    expect((await server.call('POST', '/api/workflows/routing/cases/run')).status).toBe(422);
    expect(await versions()).toEqual([1]);
  });
});
