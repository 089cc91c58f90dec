// Property-based fuzzing of rule-pack preview and import on the real server: mutations of the real packs in rules/
// and random JSON never get a 500, preview predicts import, and a refused import (all or nothing) leaves workflows
// and packs exactly as they were. Limits on pack size, graph size, clauses, terms and nesting answer 4xx naming
// the field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_LIMITS } from '../packages/engine/src/index.ts';
import { applyMutation, hostileJson, mutation, nested, pollutionPayload, prototypesPolluted, setPath } from './support/arbitraries.ts';
import { mention, settings } from './support/mentions.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { refundWorkflow } from './support/workflows.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';

const RULES = join(import.meta.dirname, '..', 'rules');
const PACKS: Record<string, any> = Object.fromEntries(
  readdirSync(RULES)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(RULES, name), 'utf8'))]),
);
const INSTALLED_AT_START = ['priority-triage.json', 'spam-and-abuse.json'];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  expect((await server.call('PUT', '/api/settings', settings)).status).toBe(200);
  for (const file of INSTALLED_AT_START) expect((await server.call('POST', '/api/packs/import', { pack: PACKS[file] })).status).toBe(201);
  // A workflow of the team's own, so that packs can clash with it, and a few mentions for previews to replay.
  expect((await server.call('POST', '/api/workflows', refundWorkflow())).status).toBe(201);
  expect((await server.call('POST', '/api/workflows/refunds/publish', {})).status).toBe(201);
  const texts = ['refund please @acmeair', 'BUY FOLLOWERS http://spam.example', 'my flight is cancelled, stranded!', 'love the crew', 'you are idiots'];
  expect((await server.call('POST', '/api/mentions', texts.map((text, index) => mention({ id: `seed-${index}`, text })))).status).toBe(200);
});

afterAll(async () => {
  await server?.stop(true);
});

type Answer = Awaited<ReturnType<TestServer['call']>>;

function expectHandled(response: Answer, allowed: readonly number[]): void {
  expect(response.status, JSON.stringify(response.body)?.slice(0, 600)).not.toBe(500);
  expect(allowed, `status ${response.status}: ${JSON.stringify(response.body)?.slice(0, 600)}`).toContain(response.status);
  if (response.status >= 400) {
    expect(typeof response.body?.error).toBe('string');
    expect(typeof response.body?.message).toBe('string');
  }
  expect(prototypesPolluted()).toBe(false);
}

/** What an import may change: the workflows (with their versions) and the installed packs. */
async function snapshot(): Promise<unknown> {
  const workflows = await server.call('GET', '/api/workflows');
  const packs = await server.call('GET', '/api/packs');
  expect(workflows.status).toBe(200);
  expect(packs.status).toBe(200);
  const versions = await server.services.database.client.execute('SELECT workflow_id, version, published_at FROM workflow_versions ORDER BY workflow_id, version');
  return { workflows: workflows.body, packs: packs.body, versions: versions.rows.map((row) => [row.workflow_id, row.version, row.published_at]) };
}

/** Preview, then import; the import is all or nothing and the preview foretells it. */
async function previewAndImport(body: unknown): Promise<{ preview: Answer; imported: Answer }> {
  const preview = await server.call('POST', '/api/packs/preview', body);
  expectHandled(preview, [200, 400, 409, 413, 415, 422]);
  const before = await snapshot();
  const imported = await server.call('POST', '/api/packs/import', body);
  expectHandled(imported, [200, 201, 400, 409, 413, 415, 422]);
  if (imported.status >= 400) {
    expect(await snapshot()).toEqual(before);
    expect(imported.status).toBe(preview.status);
  } else {
    expect(preview.status).toBe(200);
    expect(imported.body.pack.status).toBe(preview.body.pack.status);
  }
  return { preview, imported };
}

let nextMajor = 2;

describe('mutations of the real packs', () => {
  it('are previewed and imported or refused with problems, never a 500; a refused import changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(PACKS)),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.option(fc.dictionary(fc.constantFrom('vipMultiplier', 'agentLimit', 'spamTerms', 'nope', '__proto__', 'constructor'), hostileJson, { maxKeys: 2 }), { nil: undefined }),
        async (file, changes, bump, parameters) => {
          // A newer version makes the import an upgrade rather than a no-op (unless a mutation breaks it).
          let pack: unknown = bump ? { ...PACKS[file], version: `${nextMajor++}.0.0` } : PACKS[file];
          for (const change of changes) pack = applyMutation(pack, change);
          const { imported } = await previewAndImport(parameters === undefined ? { pack } : { pack, parameters });
          if (imported.status === 422) {
            const problems = imported.body.details?.problems ?? imported.body.details;
            expect(Array.isArray(problems)).toBe(true);
            for (const found of problems) expect(typeof (found.path ?? found.field)).toBe('string');
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a pack whose workflow ids clash with the team\'s own workflow is refused (409), changing nothing', async () => {
    const pack = setPath(PACKS['reply-twice.json'], ['workflows', 0, 'id'], { op: 'set', value: 'refunds' });
    const { imported } = await previewAndImport({ pack });
    expect(imported.status).toBe(409);
  });
});

describe('random bodies', () => {
  it('random JSON, alone or as the pack, is refused with a 4xx and changes nothing', async () => {
    const body = fc.oneof(
      hostileJson,
      hostileJson.map((pack) => ({ pack })),
      fc.record({ pack: hostileJson, parameters: hostileJson }),
      fc.tuple(fc.constantFrom(...Object.values(PACKS)), pollutionPayload).map(([pack, payload]) => ({ pack: { ...pack, ...payload } })),
      pollutionPayload.map((payload) => ({ pack: PACKS['reply-twice.json'], parameters: payload })),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        await previewAndImport(value);
      }),
      { numRuns: 60 },
    );
  });

  it('broken JSON is 400, another content type 415, a body over 4 MiB 413; none of them change anything', async () => {
    const before = await snapshot();
    for (const path of ['/api/packs/preview', '/api/packs/import']) {
      for (const text of ['', '{', '{"pack": ', '{"pack": NaN}', `${'['.repeat(100_000)}`, `{"pack": ${'['.repeat(5_000)}1${']'.repeat(5_000)}}`]) {
        expectHandled(await server.call('POST', path, text), [400, 422]);
      }
      expectHandled(await server.call('POST', path, JSON.stringify({ pack: PACKS['reply-twice.json'] }), { 'content-type': 'text/plain' }), [415]);
      const huge = JSON.stringify({ pack: { ...PACKS['reply-twice.json'], description: 'x'.repeat(4 * 1024 * 1024) } });
      const response = await server.call('POST', path, huge);
      expectHandled(response, [413]);
      expect(response.body.error).toBe('payload_too_large');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('prototype keys in packs', () => {
  const base = PACKS['reply-twice.json'];
  const poisoned = [
    JSON.stringify({ pack: { ...base, id: 'proto-1', version: '1.0.0' } }).replace('{"pack":{', '{"pack":{"__proto__":{"polluted":"yes"},'),
    JSON.stringify({ pack: { ...base, id: 'proto-2' } }).replace('"parameters":{', '"parameters":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},'),
    JSON.stringify({ pack: base, parameters: {} }).replace('"parameters":{}', '"parameters":{"__proto__":{"polluted":"yes"}}'),
    JSON.stringify({ pack: base }).replace('"data":{', '"data":{"__proto__":{"polluted":"yes","queue":"smuggled"},'),
    JSON.stringify({ pack: base }).replace('"graph":{', '"graph":{"constructor":{"prototype":{"polluted":"yes"}},'),
    `{"__proto__": {"polluted": "yes"}, "pack": ${JSON.stringify(base)}}`,
  ];

  it('never reach an object: 2xx or 4xx, Object.prototype untouched, nothing smuggled into what is stored', async () => {
    for (const body of poisoned) {
      const { imported } = await previewAndImport(body);
      if (imported.status < 300) {
        const exported = await server.call('GET', `/api/packs/${imported.body.pack.id}/export`);
        expect(exported.status).toBe(200);
        expect(JSON.stringify(exported.body)).not.toContain('polluted');
        expect(JSON.stringify(exported.body)).not.toContain('smuggled');
      }
    }
  });
});

describe('limits give a 4xx naming the field', () => {
  /** A one-workflow pack around this workflow. */
  const packOf = (input: unknown, id = 'limits') => ({ pack: { id, name: 'Limits', version: '1.0.0', description: 'Limits.', workflows: [input] } });
  const route = (id: string) => node(id, 'route', { queue: 'q', rank: 10 });

  async function refused(body: unknown): Promise<{ path: string; code: string; message: string }[]> {
    const { imported } = await previewAndImport(body);
    expect(imported.status).toBe(422);
    return imported.body.details.problems;
  }

  it(`more than ${GRAPH_LIMITS.nodes} nodes: graph_too_large at the workflow; past the hard cap: graph.nodes`, async () => {
    const many = (count: number) => workflow('big', 'routing', [trigger(), ...Array.from({ length: count }, (_, index) => route(`r${index}`))], []);
    expect(await refused(packOf(many(GRAPH_LIMITS.nodes)))).toEqual([expect.objectContaining({ path: 'workflows[0]', code: 'graph_too_large' })]);
    expect(await refused(packOf(many(2_001)))).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'workflows[0].graph.nodes' })]));
  });

  it(`more than ${GRAPH_LIMITS.clausesPerCondition} clauses in a condition: the clauses of that node`, async () => {
    const clauses = Array.from({ length: GRAPH_LIMITS.clausesPerCondition + 1 }, (_, index) => ['author.followers', 'greaterThan', index] as [string, string, unknown]);
    const input = workflow('wide', 'routing', [trigger(), condition('c', clauses), route('r')], [edge('start', 'c'), edge('c', 'r', 'yes')]);
    expect(await refused(packOf(input))).toEqual([expect.objectContaining({ path: 'workflows[0].graph.nodes[1].data.clauses', code: 'invalid_node_data' })]);
  });

  it('more than 500 terms, or a term over 200 characters: the clause value', async () => {
    for (const terms of [Array.from({ length: 501 }, (_, index) => `t${index}`), ['x'.repeat(201)]]) {
      const input = workflow('terms', 'routing', [trigger(), condition('c', [['text', 'containsTerms', terms]]), route('r')], [edge('start', 'c'), edge('c', 'r', 'yes')]);
      expect(await refused(packOf(input))).toEqual([expect.objectContaining({ path: 'workflows[0].graph.nodes[1].data.clauses[0].value', code: 'invalid_value' })]);
    }
  });

  it('more than 50 workflows, a name over 200 characters, a description over 5,000: named', async () => {
    const one = workflow('w', 'routing', [trigger(), route('r')], [edge('start', 'r')]);
    expect(await refused({ pack: { ...packOf(one).pack, workflows: Array.from({ length: 51 }, (_, index) => ({ ...one, id: `w${index}` })) } })).toEqual([
      expect.objectContaining({ path: 'workflows' }),
    ]);
    expect(await refused({ pack: { ...packOf(one).pack, name: 'n'.repeat(201) } })).toEqual([expect.objectContaining({ path: 'name' })]);
    expect(await refused({ pack: { ...packOf(one).pack, description: 'd'.repeat(5_001) } })).toEqual([expect.objectContaining({ path: 'description' })]);
  });

  it('deeply nested node data: refused at that node\'s data (or as JSON too deep to read), not a stack overflow', async () => {
    for (const kind of ['array', 'object'] as const) {
      for (const depth of [25, 1_000, 2_000, 2_500]) {
        const input = workflow('deep', 'routing', [trigger(), node('r', 'route', { queue: 'q', rank: 1, extra: nested(depth, kind) })], [edge('start', 'r')]);
        const { imported } = await previewAndImport(packOf(input));
        expect([400, 422]).toContain(imported.status);
        if (imported.status === 422) expect(imported.body.details.problems).toEqual([expect.objectContaining({ path: 'workflows[0].graph.nodes[1].data' })]);
      }
    }
  });

  it('diamonds of conditions that double at every level: too_complex, quickly', async () => {
    const levels = 60;
    const nodes = [trigger(), ...Array.from({ length: levels }, (_, index) => condition(`c${index}`, [['author.followers', 'greaterThan', index]])), route('r')];
    const edges = [edge('start', 'c0')];
    for (let index = 1; index < levels; index++) edges.push(edge(`c${index - 1}`, `c${index}`, 'yes'), edge(`c${index - 1}`, `c${index}`, 'no'));
    edges.push(edge(`c${levels - 1}`, 'r', 'yes'));
    const problems = await refused(packOf(workflow('diamonds', 'routing', nodes, edges)));
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'too_complex' })]));
  });

  it('the same deep or diamond graphs saved as a workflow are refused or reported, never a 500', async () => {
    for (const depth of [1_000, 2_000, 2_500]) {
      const deep = workflow(`deep-${depth}`, 'routing', [trigger(), node('r', 'route', { queue: 'q', rank: 1, extra: nested(depth) })], [edge('start', 'r')]);
      expectHandled(await server.call('POST', '/api/workflows', deep), [400, 422]);
    }
    const levels = 40;
    const nodes = [trigger(), ...Array.from({ length: levels }, (_, index) => condition(`c${index}`, [['author.followers', 'greaterThan', index]])), route('r')];
    const edges = [edge('start', 'c0')];
    for (let index = 1; index < levels; index++) edges.push(edge(`c${index - 1}`, `c${index}`, 'yes'), edge(`c${index - 1}`, `c${index}`, 'no'));
    edges.push(edge(`c${levels - 1}`, 'r', 'yes'));
    expectHandled(await server.call('POST', '/api/workflows', workflow('diamonds-direct', 'routing', nodes, edges)), [201]);
    const read = await server.call('GET', '/api/workflows/diamonds-direct');
    expectHandled(read, [200]);
    expect(read.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'too_complex' })]));
    expectHandled(await server.call('POST', '/api/workflows/diamonds-direct/publish', {}), [422]);
  });
});
