// Property-based fuzzing of POST /api/mentions on the real server (libsql file in a temp dir, the starter packs
// published): hostile mentions, batches and raw bodies never get a 500, never leave a partial write, never pollute
// Object.prototype. Batches are per item (documented): valid items are stored, each rejected one is reported and
// stored nowhere; the answer is 200 (all accepted), 207 (some rejected) or 422 (none accepted).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, MENTION_TEXT_MAX } from '../packages/engine/src/index.ts';
import { brokenMention, hostileJson, hostileString, pollutionPayload, prototypesPolluted, validMention } from './support/arbitraries.ts';
import { settings } from './support/mentions.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const RULES = join(import.meta.dirname, '..', 'rules');

let server: TestServer;
/** `${channel}\0${id}` of every mention the server said it holds. */
const stored = new Set<string>();
const keyOf = (channel: string, id: string) => `${channel}\u0000${id}`;

beforeAll(async () => {
  server = await startTestServer();
  expect((await server.call('PUT', '/api/settings', settings)).status).toBe(200);
  for (const file of readdirSync(RULES).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).sort()) {
    const pack = JSON.parse(readFileSync(join(RULES, file), 'utf8'));
    expect((await server.call('POST', '/api/packs/import', { pack })).status, file).toBe(201);
  }
});

afterAll(async () => {
  await server?.stop(true);
});

type Answer = Awaited<ReturnType<TestServer['call']>>;

/** A request with a byte body and exactly these headers (plus credentials where the test server has them). */
async function raw(body: Uint8Array, headers: Record<string, string>): Promise<{ status: number }> {
  const withAuth = server as TestServer & { headersFor?: (role: 'admin') => Promise<Record<string, string>> };
  const credentials = withAuth.headersFor ? await withAuth.headersFor('admin') : {};
  const response = await server.app.request('/api/mentions', { method: 'POST', headers: { ...credentials, ...headers }, body });
  await response.arrayBuffer();
  return { status: response.status };
}

/**
 * Never a 500; every error has the API's one shape, except a batch with no valid item, which answers 422 with the
 * per-item summary (as the route documents).
 */
function expectHandled(response: Answer, allowed: readonly number[]): void {
  expect(response.status, JSON.stringify(response.body)?.slice(0, 500)).not.toBe(500);
  expect(allowed, `status ${response.status}: ${JSON.stringify(response.body)?.slice(0, 500)}`).toContain(response.status);
  const batchSummary = response.status === 422 && Array.isArray(response.body?.results);
  if (response.status >= 400 && !batchSummary) {
    expect(typeof response.body?.error).toBe('string');
    expect(typeof response.body?.message).toBe('string');
  }
  expect(prototypesPolluted()).toBe(false);
}

/** Ids that survive a trip through a URL path; others (dot segments, lone surrogates) are looked up in the database. */
const urlSafe = (id: string) => !/\p{Cs}/u.test(id) && !/^(\.|%2e){1,2}$/i.test(id);

/**
 * Whether the server holds the mention: through GET /api/mentions/:id?channel=… where the id allows it (`via: 'db'`
 * asks the database directly, which is cheaper: the API replays an explanation).
 */
async function isStored(channel: string, id: string, via: 'api' | 'db' = 'api'): Promise<boolean> {
  if (via === 'api' && urlSafe(id)) {
    const response = await server.call('GET', `/api/mentions/${encodeURIComponent(id)}?channel=${channel}`);
    expectHandled(response, [200, 404]);
    if (response.status === 200) {
      // Stored whole: the mention with its decision, never one without the other.
      expect(response.body.mention.id).toBe(id);
      expect(response.body.decision).not.toBeNull();
    }
    return response.status === 200;
  }
  const rows = await server.services.database.client.execute({ sql: 'SELECT count(*) AS n FROM mentions WHERE channel = ? AND id = ?', args: [channel, id] });
  return Number(rows.rows[0]!.n) > 0;
}

/** The (channel, id) an item names, when both are of a kind the server could have stored. */
function addressOf(item: unknown): { channel: string; id: string } | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const { channel, id } = item as { channel?: unknown; id?: unknown };
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) return undefined;
  return { channel, id };
}

const anyItem = fc.oneof(
  { weight: 4, arbitrary: validMention() },
  { weight: 4, arbitrary: brokenMention() },
  { weight: 1, arbitrary: hostileJson },
  { weight: 1, arbitrary: pollutionPayload },
);

describe('single mentions', () => {
  it('hostile or broken mentions are answered 201/200/4xx, never 500; a refused mention is not stored', async () => {
    await fc.assert(
      fc.asyncProperty(anyItem, async (item) => {
        const address = addressOf(item);
        const before = address ? stored.has(keyOf(address.channel, address.id)) : false;
        // A string body is sent as it is (raw text), anything else as JSON.
        const response = await server.call('POST', '/api/mentions', item);
        expectHandled(response, [200, 201, 400, 415, 422]);
        if (response.status === 201 || response.status === 200) {
          expect(response.body.status).toBe(response.status === 201 ? 'created' : 'duplicate');
          stored.add(keyOf(response.body.channel, response.body.mentionId));
          expect(await isStored(response.body.channel, response.body.mentionId)).toBe(true);
        } else if (address && !before) {
          expect(await isStored(address.channel, address.id)).toBe(false);
        }
        if (response.status === 422) expect(response.body.details?.length ?? 1).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });
});

describe('batches', () => {
  // A few shared ids make duplicates inside a batch and across batches.
  const sharedId = fc.oneof(fc.constantFrom('dup-a', 'dup-b', 'dup-c'), hostileString.filter((id) => id.length >= 1 && id.length <= 200));
  const batchItem = fc.oneof({ weight: 3, arbitrary: validMention(sharedId) }, { weight: 3, arbitrary: brokenMention(sharedId) }, { weight: 1, arbitrary: hostileJson });

  it('per item: valid ones stored, rejected ones reported with index and field and stored nowhere; 200/207/422 as documented', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchItem, { minLength: 1, maxLength: 12 }), async (batch) => {
        const storedBefore = new Set(stored);
        const response = await server.call('POST', '/api/mentions', batch);
        expectHandled(response, [200, 207, 422]);
        const { results, created, duplicates, rejected } = response.body;
        expect(results).toHaveLength(batch.length);
        expect(created + duplicates + rejected).toBe(batch.length);
        expect(response.status).toBe(rejected === 0 ? 200 : rejected === batch.length ? 422 : 207);
        const accepted = new Set<string>();
        results.forEach((result: any, index: number) => {
          expect(result.index).toBe(index);
          if (result.status === 'rejected') {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const issue of result.errors) expect(typeof issue.field).toBe('string');
          } else {
            expect(result.mentionId).toBe((batch[index] as { id: string }).id);
            expect(result.decision.mentionId).toBe(result.mentionId);
            accepted.add(keyOf(result.channel, result.mentionId));
          }
        });
        for (const key of accepted) {
          const [channel, id] = key.split('\u0000') as [string, string];
          expect(await isStored(channel, id, 'db')).toBe(true);
          stored.add(key);
        }
        for (const [index, result] of results.entries()) {
          const address = addressOf(batch[index]);
          if (result.status !== 'rejected' || !address) continue;
          const key = keyOf(address.channel, address.id);
          if (accepted.has(key) || storedBefore.has(key)) continue;
          expect(await isStored(address.channel, address.id), `rejected item ${index} was stored`).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('an empty batch is 422 and a batch over 1,000 is 413 naming the limit; neither stores anything', async () => {
    const empty = await server.call('POST', '/api/mentions', []);
    expectHandled(empty, [422]);
    const tooMany = Array.from({ length: 1001 }, (_, index) => ({ id: `over-${index}`, channel: 'x', kind: 'post', text: 'hi', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@a' } }));
    const response = await server.call('POST', '/api/mentions', tooMany);
    expectHandled(response, [413]);
    expect(response.body.message).toMatch(/batch.*1000/);
    expect(await isStored('x', 'over-0')).toBe(false);
    expect(await isStored('x', 'over-1000')).toBe(false);
  });
});

describe('raw bodies', () => {
  const valid = JSON.stringify({ id: 'raw-1', channel: 'x', kind: 'post', text: 'hi', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@a' } });

  it('broken JSON is 400, a body that is not a mention 422, never 500', async () => {
    const cases: [string, number[]][] = [
      ['', [400]],
      ['{', [400]],
      ['[', [400]],
      [valid.slice(0, -1), [400]],
      ['{"id": NaN}', [400]],
      ['{"author": {"followers": Infinity}}', [400]],
      ["{'id': 'x'}", [400]],
      ['\uFEFF' + valid.replace('raw-1', 'raw-bom'), [400, 201]],
      [valid + valid, [400]],
      ['null', [422]],
      ['0', [422]],
      ['"mention"', [422]],
      ['true', [422]],
      ['{}', [422]],
      ['[[]]', [422]],
      ['[null, 1, "x"]', [422]],
      [`${'['.repeat(50_000)}1${']'.repeat(50_000)}`, [400, 422]],
      ['['.repeat(200_000), [400]],
      [valid.replace('{"handle":"@a"}', `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`), [400, 422]],
    ];
    for (const [body, allowed] of cases) {
      const response = await server.call('POST', '/api/mentions', body);
      expectHandled(response, allowed);
    }
  });

  it('random text, and JSON cut at random places, is never a 500', async () => {
    const cut = fc.tuple(fc.json(), fc.nat()).map(([json, at]) => json.slice(0, at % (json.length + 1)));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), cut), async (body) => {
        const response = await server.call('POST', '/api/mentions', body);
        expectHandled(response, [200, 201, 207, 400, 415, 422]);
      }),
      { numRuns: 80 },
    );
  });

  it('a body that is not declared as JSON is 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'json', 'text/json']) {
      const response = await server.call('POST', '/api/mentions', valid, { 'content-type': type });
      expectHandled(response, [415]);
    }
    const undeclared = await raw(new TextEncoder().encode(valid), {});
    expect(undeclared.status).toBe(415);
    expect(await isStored('x', 'raw-1')).toBe(false);
  });

  it('bytes that are not UTF-8 are decoded with replacement characters, not a 500', async () => {
    const encode = (text: string) => [...new TextEncoder().encode(text)];
    const [head, tail] = valid.replace('raw-1', 'raw-utf8').split('hi') as [string, string];
    // Invalid start bytes, an overlong NUL and an encoded lone surrogate inside the text; then the same cut short.
    const bytes = new Uint8Array([...encode(`${head}h`), 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, ...encode(`i${tail}`)]);
    for (const body of [bytes, bytes.slice(0, head.length + 3)]) {
      const response = await raw(body, { 'content-type': 'application/json' });
      expect([201, 400]).toContain(response.status);
      expect(prototypesPolluted()).toBe(false);
    }
  });

  it('a body over the 8 MiB limit is 413, whatever it holds', async () => {
    const huge = `[${' '.repeat(8 * 1024 * 1024)}${valid.replace('raw-1', 'raw-huge')}]`;
    const response = await server.call('POST', '/api/mentions', huge);
    expectHandled(response, [413]);
    expect(response.body.error).toBe('payload_too_large');
    expect(await isStored('x', 'raw-huge')).toBe(false);
  });
});

describe('prototype keys', () => {
  const base = { channel: 'x', kind: 'post', text: 'hi', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@a' } };
  const poisoned = [
    (id: string) => `{"__proto__": {"polluted": "yes"}, "id": "${id}", ${JSON.stringify(base).slice(1)}`,
    (id: string) => `{"constructor": {"prototype": {"polluted": "yes"}}, "id": "${id}", ${JSON.stringify(base).slice(1)}`,
    (id: string) => JSON.stringify({ ...base, id }).replace('"author":{', '"author":{"__proto__":{"polluted":"yes"},'),
    (id: string) => JSON.stringify({ ...base, id, customer: { id: 'c' } }).replace('"customer":{', '"customer":{"__proto__":{"polluted":"yes","tier":"vip"},'),
    (id: string) => `[${JSON.stringify({ ...base, id })}, {"__proto__": {"polluted": "yes"}}, {"constructor": {"prototype": {"polluted": "yes"}}}]`,
    (id: string) => `{"id": "${id}", "prototype": {"polluted": "yes"}, ${JSON.stringify(base).slice(1)}`,
  ];

  it('never reach an object: the answer is 2xx or 4xx, Object.prototype is untouched and nothing smuggled is stored', async () => {
    for (const [index, body] of poisoned.entries()) {
      const id = `proto-${index}`;
      const response = await server.call('POST', '/api/mentions', body(id));
      expectHandled(response, [200, 201, 207, 422]);
      if (await isStored('x', id)) {
        const read = await server.call('GET', `/api/mentions/${id}?channel=x`);
        const text = JSON.stringify(read.body.mention);
        expect(text).not.toContain('polluted');
        expect(read.body.mention.customer?.tier).toBeUndefined();
      }
    }
  });

  it('poisoned values anywhere in a mention never pollute', async () => {
    await fc.assert(
      fc.asyncProperty(validMention(), pollutionPayload, fc.constantFrom('', 'author', 'customer'), async (mention, payload, where) => {
        const body = where === '' ? { ...mention, ...payload } : { ...mention, [where]: { ...((mention as any)[where] ?? {}), ...payload } };
        const response = await server.call('POST', '/api/mentions', body);
        expectHandled(response, [200, 201, 422]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('limits on mention fields give a 422 naming the field', () => {
  const base = { channel: 'x', kind: 'post', text: 'hi', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@a' } };
  const cases: [string, Record<string, unknown>][] = [
    ['text', { text: 'a'.repeat(MENTION_TEXT_MAX + 1) }],
    ['id', { id: 'i'.repeat(201) }],
    ['author.handle', { author: { handle: 'h'.repeat(201) } }],
    ['author.name', { author: { handle: '@a', name: 'n'.repeat(201) } }],
    ['author.followers', { author: { handle: '@a', followers: -1 } }],
    ['customer.id', { customer: { id: 'c'.repeat(201) } }],
    ['conversationId', { conversationId: 'c'.repeat(201) }],
    ['lang', { lang: 'english-please' }],
    ['rating', { rating: 6 }],
    ['createdAt', { createdAt: 'yesterday' }],
    ['mood', { mood: 'sad' }],
    ['id', { id: 'nul\u0000id' }],
    ['text', { text: 'cut\u0000here' }],
    ['author.handle', { author: { handle: '@a\u0000' } }],
  ];
  for (const [index, [field, change]] of cases.entries()) {
    it(`${field}: ${JSON.stringify(change).slice(0, 60)}`, async () => {
      const id = `limit-${index}`;
      const response = await server.call('POST', '/api/mentions', { id, ...base, ...change });
      expectHandled(response, [422]);
      expect(response.body.details.map((issue: { field: string }) => issue.field)).toContain(field);
      expect(response.body.message).toContain(field);
    });
  }
});

describe('ids that collide with ids the server makes', () => {
  it('a mention whose id is a follow-up ticket\'s (`<id>~follow-up-<job>`) is not a 500', async () => {
    const first = await server.call('POST', '/api/mentions', {
      id: 'fu',
      channel: 'x',
      kind: 'post',
      text: "It's my birthday tomorrow, flying with @acmeair to celebrate!",
      createdAt: '2020-01-06T10:00:00Z',
      author: { handle: '@fu' },
    });
    expectHandled(first, [201]);
    await server.scheduler.tick();
    const tickets = await server.services.database.client.execute("SELECT mention_id FROM tickets WHERE channel = 'x' AND mention_id LIKE 'fu~follow-up-%'");
    expect(tickets.rows).toHaveLength(1);
    const clash = String(tickets.rows[0]!.mention_id);
    const response = await server.call('POST', '/api/mentions', { id: clash, channel: 'x', kind: 'post', text: 'hello', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@b' } });
    // The suffix is reserved: the customer's mention is refused by name instead of answered with another's decision.
    expect(response).toMatchObject({ status: 422, body: { error: 'validation_failed', details: [{ field: 'id', message: expect.stringContaining('reserved for follow-up tickets') }] } });
  });

  it('a batch with no valid mention answers the API error shape, with the per-item results alongside', async () => {
    const response = await server.call('POST', '/api/mentions', [{ id: 'a', channel: 'x' }, { nonsense: true }]);
    expect(response).toMatchObject({ status: 422, body: { error: 'validation_failed', message: expect.stringMatching(/^no mention in the batch is valid; the first: /), created: 0, rejected: 2, results: [{ index: 0, status: 'rejected' }, { index: 1, status: 'rejected' }] } });
  });
});

describe('storage after all of the above', () => {
  it('holds no partial write: every mention has its decision, every ticket its mention', async () => {
    const client = server.services.database.client;
    const orphans = await client.execute(
      `SELECT
         (SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM decisions d WHERE d.channel = m.channel AND d.mention_id = m.id AND d.stage = 'ingest')) AS withoutDecision,
         (SELECT count(*) FROM decisions d WHERE d.stage = 'ingest' AND d.mention_id NOT LIKE '%~follow-up-%' AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.channel = d.channel AND m.id = d.mention_id)) AS withoutMention,
         (SELECT count(*) FROM tickets t WHERE t.mention_id NOT LIKE '%~follow-up-%' AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.channel = t.channel AND m.id = t.mention_id)) AS ticketsWithoutMention,
         (SELECT count(*) FROM mentions) AS mentions`,
    );
    const row = orphans.rows[0]!;
    expect(Number(row.withoutDecision)).toBe(0);
    expect(Number(row.withoutMention)).toBe(0);
    expect(Number(row.ticketsWithoutMention)).toBe(0);
    expect(Number(row.mentions)).toBeGreaterThanOrEqual(stored.size);
  });
});
