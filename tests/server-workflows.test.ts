import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import { refundWorkflow } from './support/workflows.ts';
import { mention } from './support/mentions.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop(true);
});

/** Request headers of `user` signed in as an operations lead (a real session: cookie and CSRF token). */
const as = (user: string) => server.sessionFor(user);

describe('workflows over HTTP: drafts, publishing, versions, diffs and rollbacks', () => {
  it('creates a draft, lists it with its status, and refuses a duplicate id', async () => {
    expect((await server.call('POST', '/api/workflows', refundWorkflow())).status).toBe(201);
    const list = await server.call('GET', '/api/workflows');
    expect(list.body.workflows).toEqual([expect.objectContaining({ id: 'refunds', kind: 'routing', status: 'draft', version: 1, publishedVersion: null })]);
    const again = await server.call('POST', '/api/workflows', refundWorkflow());
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('conflict');
  });

  it('publishes immutable numbered versions and records who published', async () => {
    await server.call('POST', '/api/workflows', refundWorkflow());
    const first = await server.call('POST', '/api/workflows/refunds/publish', { note: 'first' }, await as('lea'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, note: 'first', publishedBy: 'lea@example.test' });
    const summary = (await server.call('GET', '/api/workflows')).body.workflows[0];
    expect(summary).toMatchObject({ status: 'published', publishedVersion: 1, publishedBy: 'lea@example.test' });

    const draft = (await server.call('GET', '/api/workflows/refunds')).body;
    const changed = structuredClone(draft.graph);
    changed.nodes.find((entry: { id: string }) => entry.id === 'to-billing').data.queue = 'refunds';
    const saved = await server.call('PUT', '/api/workflows/refunds', { version: draft.version, graph: changed });
    expect(saved.status).toBe(200);
    expect((await server.call('GET', '/api/workflows')).body.workflows[0].status).toBe('draft_ahead');

    const v1 = (await server.call('GET', '/api/workflows/refunds/versions/1')).body;
    expect(v1.graph.nodes.find((entry: { id: string }) => entry.id === 'to-billing').data.queue).toBe('billing');
    await server.call('POST', '/api/workflows/refunds/publish', { note: 'refunds queue' });
    expect((await server.call('GET', '/api/workflows/refunds/versions')).body.versions.map((version: { version: number }) => version.version)).toEqual([2, 1]);
  });

  it('refuses a stale draft save with 409 and overwrites nothing', async () => {
    await server.call('POST', '/api/workflows', refundWorkflow());
    const loaded = (await server.call('GET', '/api/workflows/refunds')).body;
    const mine = structuredClone(loaded.graph);
    mine.nodes[2].data.queue = 'mine';
    const theirs = structuredClone(loaded.graph);
    theirs.nodes[2].data.queue = 'theirs';
    expect((await server.call('PUT', '/api/workflows/refunds', { version: loaded.version, graph: theirs }, await as('sam'))).status).toBe(200);
    const stale = await server.call('PUT', '/api/workflows/refunds', { version: loaded.version, graph: mine });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'version_conflict', details: { yourVersion: 1, currentVersion: 2, updatedBy: 'sam@example.test' } });
    expect((await server.call('GET', '/api/workflows/refunds')).body.graph.nodes[2].data.queue).toBe('theirs');
  });

  it('validates and refuses to publish a draft with problems', async () => {
    const broken = refundWorkflow();
    broken.graph.nodes[1]!.data = { combinator: 'all', clauses: [{ fact: 'moonPhase', operator: 'equal', value: 'full' }] };
    await server.call('POST', '/api/workflows', broken);
    const problems = (await server.call('POST', '/api/workflows/refunds/validate')).body.problems;
    expect(problems).toEqual([expect.objectContaining({ code: 'unknown_fact', nodeId: 'is-refund' })]);
    const refused = await server.call('POST', '/api/workflows/refunds/publish', { note: 'try' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'not_publishable', details: { problems: [expect.objectContaining({ code: 'unknown_fact' })] } });
    expect((await server.call('GET', '/api/workflows/refunds/versions')).body.versions).toEqual([]);
  });

  it('diffs two versions node by node, and a version against the draft', async () => {
    await server.call('POST', '/api/workflows', refundWorkflow());
    await server.call('POST', '/api/workflows/refunds/publish', {});
    const draft = (await server.call('GET', '/api/workflows/refunds')).body;
    const graph = structuredClone(draft.graph);
    graph.nodes.find((entry: { id: string }) => entry.id === 'to-billing').data.queue = 'refunds';
    graph.nodes.push({ id: 'tag', type: 'tag', position: { x: 500, y: 0 }, data: { tags: ['money'] } });
    graph.edges.push({ id: 'e-tag', source: 'to-billing', target: 'tag' });
    graph.nodes = graph.nodes.filter((entry: { id: string }) => entry.id !== 'p2');
    graph.edges = graph.edges.filter((entry: { target: string; source: string }) => entry.target !== 'p2' && entry.source !== 'p2');
    await server.call('PUT', '/api/workflows/refunds', { version: draft.version, graph });
    const againstDraft = (await server.call('GET', '/api/workflows/refunds/diff?from=1')).body;
    expect(againstDraft).toMatchObject({ addedNodes: ['tag'], removedNodes: ['p2'], changedNodes: [{ id: 'to-billing', fields: ['queue'], moved: false }], identical: false });
    await server.call('POST', '/api/workflows/refunds/publish', {});
    expect((await server.call('GET', '/api/workflows/refunds/diff?from=1&to=2')).body.addedNodes).toEqual(['tag']);
    expect((await server.call('GET', '/api/workflows/refunds/diff?from=x')).status).toBe(400);
  });

  it('rolls back by publishing a copy of an old version; decisions record the versions that made them', async () => {
    await server.call('POST', '/api/workflows', refundWorkflow('billing'));
    await server.call('POST', '/api/workflows/refunds/publish', {});
    const draft = (await server.call('GET', '/api/workflows/refunds')).body;
    const graph = structuredClone(draft.graph);
    graph.nodes.find((entry: { id: string }) => entry.id === 'to-billing').data.queue = 'oops';
    await server.call('PUT', '/api/workflows/refunds', { version: draft.version, graph });
    await server.call('POST', '/api/workflows/refunds/publish', {});
    const during = await server.call('POST', '/api/mentions', mention({ id: 'during', text: 'refund please' }));
    expect(during.body.decision.queue).toBe('oops');
    expect(during.body.decision.fired[0]).toMatchObject({ workflowId: 'refunds', version: 2 });

    const rolled = await server.call('POST', '/api/workflows/refunds/rollback', { version: 1, note: 'wrong queue' });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toMatchObject({ version: 3, rolledBackFrom: 1, note: 'wrong queue' });
    const after = await server.call('POST', '/api/mentions', mention({ id: 'after', text: 'refund please' }));
    expect(after.body.decision.queue).toBe('billing');
    expect(after.body.decision.fired[0]).toMatchObject({ version: 3 });
    expect((await server.call('GET', '/api/workflows/refunds')).body.status).toBe('published');
    expect((await server.call('GET', '/api/mentions/during')).body.versions).toEqual({ refunds: 2 });
  });

  it('answers 404 for unknown workflows and versions', async () => {
    expect((await server.call('GET', '/api/workflows/nope')).status).toBe(404);
    await server.call('POST', '/api/workflows', refundWorkflow());
    expect((await server.call('GET', '/api/workflows/refunds/versions/9')).status).toBe(404);
    expect((await server.call('POST', '/api/workflows/refunds/rollback', { version: 9 })).status).toBe(404);
  });
});
