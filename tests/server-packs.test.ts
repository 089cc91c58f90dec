import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackInput } from '../packages/engine/src/index.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { mention } from './support/mentions.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop(true);
});

function influencerPack(version = '1.0.0', queue = 'vip'): PackInput {
  return {
    id: 'influencers',
    name: 'Influencers',
    version,
    description: 'Big accounts go to the VIP queue.',
    parameters: { followers: { type: 'number', label: 'Followers', description: 'From how many followers an author is an influencer', default: 10000, min: 0 } },
    workflows: [
      workflow(
        'influencer-routing',
        'routing',
        [trigger(), condition('big', [['author.followers', 'greaterThanInclusive', { $param: 'followers' }]]), node('to-vip', 'route', { queue, rank: 30 })],
        [edge('start', 'big'), edge('big', 'to-vip', 'yes')],
      ),
    ],
    tests: [{ name: 'big account', mention: mention({ author: { handle: '@big', followers: 20000 } }), expect: { queue } }],
  };
}

async function tableCounts(): Promise<number[]> {
  const result = await server.services.database.client.execute('SELECT (SELECT count(*) FROM packs), (SELECT count(*) FROM workflows), (SELECT count(*) FROM workflow_versions)');
  return Array.from(result.rows[0]! as ArrayLike<unknown>, Number);
}

describe('importing rule packs', () => {
  it('imports a valid pack: its workflows are published and decide mentions', async () => {
    const imported = await server.call('POST', '/api/packs/import', { pack: influencerPack() });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ pack: { id: 'influencers', status: 'new' }, workflows: [{ id: 'influencer-routing', plan: 'add' }] });
    const decision = (await server.call('POST', '/api/mentions', mention({ id: 'big', author: { handle: '@big', followers: 12000 } }))).body.decision;
    expect(decision.queue).toBe('vip');
    expect((await server.call('GET', '/api/packs')).body.packs).toEqual([expect.objectContaining({ id: 'influencers', version: '1.0.0', parameters: { followers: 10000 }, workflows: ['influencer-routing'] })]);
  });

  it('refuses each class of invalid pack with every problem and its JSON path, writing nothing', async () => {
    const schemaBroken = { ...influencerPack(), version: 'one' };
    const first = await server.call('POST', '/api/packs/import', { pack: schemaBroken });
    expect(first.status).toBe(422);
    expect(first.body.details.problems).toEqual([expect.objectContaining({ path: 'version' })]);

    const badWorkflow = influencerPack();
    (badWorkflow.workflows[0]!.graph.nodes[1]!.data as { clauses: unknown[] }).clauses = [{ fact: 'moonPhase', operator: 'equal', value: 1 }];
    const second = await server.call('POST', '/api/packs/import', { pack: badWorkflow });
    expect(second.body.details.problems).toEqual([expect.objectContaining({ path: 'workflows[0].graph.nodes[1].data.clauses[0]', code: 'unknown_fact' })]);

    const unknownParameter = influencerPack();
    (unknownParameter.workflows[0]!.graph.nodes[2]!.data as Record<string, unknown>).queue = { $param: 'queueName' };
    const third = await server.call('POST', '/api/packs/import', { pack: unknownParameter });
    expect(third.body.details.problems.map((problem: { code: string }) => problem.code)).toContain('unknown_parameter');

    const badValue = await server.call('POST', '/api/packs/import', { pack: influencerPack(), parameters: { followers: -5 } });
    expect(badValue.status).toBe(422);
    expect(badValue.body.details.problems).toEqual([expect.objectContaining({ path: 'parameters.followers' })]);

    const failingSelfTest = influencerPack();
    failingSelfTest.workflows.push({ ...failingSelfTest.workflows[0]!, id: 'influencer-routing' });
    expect((await server.call('POST', '/api/packs/import', { pack: failingSelfTest })).body.details.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'duplicate_id' })]));

    expect(await tableCounts()).toEqual([0, 0, 0]);
  });

  it('re-importing the same id and version changes nothing', async () => {
    await server.call('POST', '/api/packs/import', { pack: influencerPack() });
    const before = await tableCounts();
    const again = await server.call('POST', '/api/packs/import', { pack: influencerPack() });
    expect(again.status).toBe(200);
    expect(again.body.pack.status).toBe('same');
    expect(await tableCounts()).toEqual(before);
  });

  it('upgrades with a diff, and refuses a downgrade', async () => {
    await server.call('POST', '/api/packs/import', { pack: influencerPack('1.0.0', 'vip') });
    const preview = await server.call('POST', '/api/packs/preview', { pack: influencerPack('1.1.0', 'influencers') });
    expect(preview.body.workflows[0]).toMatchObject({ plan: 'replace', diff: { changedNodes: [{ id: 'to-vip', fields: ['queue'] }] } });
    const upgraded = await server.call('POST', '/api/packs/import', { pack: influencerPack('1.1.0', 'influencers') });
    expect(upgraded.body.pack).toMatchObject({ status: 'upgrade', installedVersion: '1.0.0', version: '1.1.0' });
    expect((await server.call('POST', '/api/mentions', mention({ author: { handle: '@big', followers: 50000 } }))).body.decision.queue).toBe('influencers');
    expect((await server.call('GET', '/api/workflows/influencer-routing/versions')).body.versions).toHaveLength(2);
    expect((await server.call('POST', '/api/packs/import', { pack: influencerPack('0.9.0') })).status).toBe(409);
  });

  it('keeps workflows the team edited after importing as theirs on upgrade', async () => {
    await server.call('POST', '/api/packs/import', { pack: influencerPack('1.0.0', 'vip') });
    const draft = (await server.call('GET', '/api/workflows/influencer-routing')).body;
    const graph = structuredClone(draft.graph);
    graph.nodes[2].data.queue = 'our-vips';
    await server.call('PUT', '/api/workflows/influencer-routing', { version: draft.version, graph });
    await server.call('POST', '/api/workflows/influencer-routing/publish', { note: 'ours' });
    const upgraded = await server.call('POST', '/api/packs/import', { pack: influencerPack('2.0.0', 'influencers') });
    expect(upgraded.body.workflows[0].plan).toBe('keep_local');
    expect((await server.call('GET', '/api/workflows/influencer-routing')).body.graph.nodes[2].data.queue).toBe('our-vips');
    expect((await server.call('POST', '/api/mentions', mention({ author: { handle: '@big', followers: 50000 } }))).body.decision.queue).toBe('our-vips');
  });

  it('sets parameters at import and changes them later', async () => {
    await server.call('POST', '/api/packs/import', { pack: influencerPack(), parameters: { followers: 500 } });
    expect((await server.call('POST', '/api/mentions', mention({ id: 'p1', author: { handle: '@mid', followers: 800 } }))).body.decision.queue).toBe('vip');
    const changed = await server.call('PUT', '/api/packs/influencers/parameters', { parameters: { followers: 1000 } });
    expect(changed.body.parameters).toEqual({ followers: 1000 });
    expect((await server.call('POST', '/api/mentions', mention({ id: 'p2', author: { handle: '@mid', followers: 800 } }))).body.decision.queue).toBeNull();
    expect((await server.call('PUT', '/api/packs/influencers/parameters', { parameters: { followers: 'many' } })).status).toBe(422);
    expect((await server.call('PUT', '/api/packs/influencers/parameters', { parameters: { nope: 1 } })).status).toBe(422);
  });

  it('previews the effect on recent stored mentions', async () => {
    for (let index = 0; index < 5; index++) await server.call('POST', '/api/mentions', mention({ id: `recent-${index}`, author: { handle: '@x', followers: index * 5000 } }));
    const preview = await server.call('POST', '/api/packs/preview', { pack: influencerPack() });
    expect(preview.body.effect).toMatchObject({ mentions: 5, changed: 3 });
    expect(await tableCounts()).toEqual([0, 0, 0]);
  });

  it('refuses a pack whose workflow ids belong to someone else', async () => {
    await server.call('POST', '/api/workflows', influencerPack().workflows[0]);
    const clash = await server.call('POST', '/api/packs/import', { pack: influencerPack() });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ error: 'conflict', details: { workflows: ['influencer-routing'] } });
    expect(await tableCounts()).toEqual([0, 1, 0]);
  });

  it('exports a pack as installed here, which imports elsewhere', async () => {
    await server.call('POST', '/api/packs/import', { pack: influencerPack(), parameters: { followers: 777 } });
    const exported = await server.call('GET', '/api/packs/influencers/export');
    expect(exported.headers.get('content-disposition')).toContain('influencers-1.0.0.json');
    expect(exported.body.parameters.followers.default).toBe(777);
    const elsewhere = await startTestServer();
    try {
      expect((await elsewhere.call('POST', '/api/packs/import', { pack: exported.body })).status).toBe(201);
    } finally {
      await elsewhere.stop(true);
    }
  });

  it('imports every starter pack from rules/', async () => {
    const rules = join(import.meta.dirname, '..', 'rules');
    for (const file of ['priority-triage', 'private-channel', 'reply-twice', 'spam-and-abuse', 'sla-escalation', 'outage-notice', 'follow-up', 'empowerment-limits']) {
      const pack = JSON.parse(readFileSync(join(rules, `${file}.json`), 'utf8'));
      const imported = await server.call('POST', '/api/packs/import', { pack });
      expect(imported.status, `${file}: ${JSON.stringify(imported.body)}`).toBe(201);
    }
  });
});
