// POST /api/simulate: the published rules or drafts over a batch, replayed like the CLI does, and nothing stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import { mention, settings } from './support/mentions.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import { templateStoreFor } from '../apps/server/src/domain/template-store.ts';

const outagePack = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'rules', 'outage-notice.json'), 'utf8'));
const T = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, '0')}:00Z`;

const routing = (id: string, refundQueue: string) =>
  workflow(
    id,
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

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ clock: new ManualClock('2026-03-02T12:00:00Z') });
  await server.call('PUT', '/api/settings', settings);
  await server.call('POST', '/api/workflows', routing('published-routing', 'billing'));
  await server.call('POST', '/api/workflows/published-routing/publish', {});
});
afterEach(async () => {
  await server.stop(true);
});

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of ['mentions', 'decisions', 'tickets', 'conversations', 'events']) {
    const rows = await server.services.database.client.execute(`SELECT count(*) FROM ${table}`);
    result[table] = Number(rows.rows[0]![0]);
  }
  return result;
}

const simulate = (body: unknown) => server.call('POST', '/api/simulate', body);
const types = (decision: { actions: { type: string }[] }) => decision.actions.map((action) => action.type);

describe('simulate: which rules run', () => {
  const batch = [mention({ id: 's1', text: 'I want a refund', createdAt: T(5) }), mention({ id: 's2', text: 'Nice flight', createdAt: T(1) }), mention({ id: 's3', text: 'remboursement svp', createdAt: T(3) })];

  it('runs the published workflows by default; decisions come back in input order with a summary', async () => {
    const response = await simulate({ mentions: batch });
    expect(response.status).toBe(200);
    expect(response.body.decisions.map((decision: { mentionId: string; queue: string }) => [decision.mentionId, decision.queue])).toEqual([
      ['s1', 'billing'],
      ['s2', 'general'],
      ['s3', 'billing'],
    ]);
    expect(response.body.decisions[0].fired[0]).toMatchObject({ workflowId: 'published-routing', version: 1 });
    expect(response.body.rejected).toEqual([]);
    expect(response.body.summary).toEqual({ total: 3, rejected: 0, byQueue: { billing: 2, general: 1 }, byPriority: { P1: 0, P2: 2, P3: 1, P4: 0 }, incidents: [] });
    expect(response.body.rules).toEqual({ source: 'published', workflows: [{ id: 'published-routing', name: 'published-routing', kind: 'routing', version: 1 }] });
    expect(response.body.decisions[0].explanation).toBeUndefined();
  });

  it('runs given drafts instead of the published workflows', async () => {
    const response = await simulate({ mentions: batch, workflows: [routing('draft-routing', 'finance')] });
    expect(response.status).toBe(200);
    expect(response.body.decisions.map((decision: { queue: string }) => decision.queue)).toEqual(['finance', 'general', 'finance']);
    expect(response.body.rules.source).toBe('given');
    expect(response.body.decisions.flatMap((decision: { fired: { workflowId: string }[] }) => decision.fired.map((fired) => fired.workflowId))).not.toContain('published-routing');
  });

  it('reports every problem of the given workflows and packs with its path (422)', async () => {
    const broken = routing('broken', 'finance');
    broken.graph.nodes[1]!.data = { combinator: 'all', clauses: [{ fact: 'moodRing', operator: 'equal', value: 1 }] };
    const noTrigger = workflow('no-trigger', 'routing', [node('to-x', 'route', { queue: 'x', rank: 1 })], []);
    const response = await simulate({ mentions: batch, workflows: [broken, noTrigger, routing('broken', 'again')], packs: [{ id: 'pack', name: 'Pack' }] });
    expect(response.status).toBe(422);
    const problems: { path: string; message: string }[] = response.body.details.problems;
    expect(problems.some((found) => found.path.startsWith('workflows[0].graph.nodes[1].data.clauses[0]') && found.message.includes('moodRing'))).toBe(true);
    expect(problems.some((found) => found.path.startsWith('workflows[1]'))).toBe(true);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'workflows[2].id', code: 'duplicate_id' }));
    expect(problems.some((found) => found.path.startsWith('packs[0]'))).toBe(true);
  });

  it('runs with given settings instead of the workspace settings', async () => {
    const closedTagger = workflow('closed', 'routing', [trigger(), condition('closed', [['businessHours.open', 'equal', false]]), node('tag', 'tag', { tags: ['closed'] })], [edge('start', 'closed'), edge('closed', 'tag', 'yes')]);
    const open = await simulate({ mentions: [batch[0]], workflows: [closedTagger] });
    expect(open.body.decisions[0].tags).toEqual([]);
    const closed = await simulate({ mentions: [batch[0]], workflows: [closedTagger], settings: { ...settings, businessHours: { days: [], start: '09:00', end: '18:00' } } });
    expect(closed.body.decisions[0].tags).toEqual(['closed']);
  });

  it('with `now`, unanswered mentions also go through the escalation workflows', async () => {
    const waiting = [mention({ id: 'w1', text: 'hello', createdAt: T(0) }), mention({ id: 'w2', text: 'hello', createdAt: T(0), firstResponseAt: T(5) })];
    const without = await simulate({ mentions: waiting, workflows: [routing('r', 'billing'), lateEscalation()] });
    expect(without.body.decisions.map(types)).toEqual([[], []]);
    const later = await simulate({ mentions: waiting, workflows: [routing('r', 'billing'), lateEscalation()], now: '2026-03-02T13:00:00Z', explain: true });
    expect(later.body.decisions.map(types)).toEqual([['escalate'], []]);
    expect(later.body.decisions[0].explanation.escalation.rules[0]).toMatchObject({ workflowId: 'late', fired: true });
    expect(later.body.decisions[1].explanation.escalation).toBeUndefined();
  });
});

describe('simulate: reading mentions', () => {
  it('reads NDJSON text and reports bad lines by number; the others still run', async () => {
    const text = [
      JSON.stringify(mention({ id: 'n1', text: 'refund please' })),
      '{ not json',
      '',
      JSON.stringify({ ...mention({ id: 'n2' }), channel: 'myspace' }),
      JSON.stringify(mention({ id: 'n3', text: 'hello' })),
      JSON.stringify(mention({ id: 'n1', text: 'again' })),
    ].join('\n');
    const response = await simulate({ text });
    expect(response.status).toBe(200);
    expect(response.body.format).toBe('ndjson');
    expect(response.body.decisions.map((decision: { mentionId: string }) => decision.mentionId)).toEqual(['n1', 'n3']);
    expect(response.body.rejected).toEqual([
      { line: 2, message: expect.stringContaining('not valid JSON') },
      { line: 4, message: expect.stringContaining('channel') },
      { line: 6, message: expect.stringContaining('already in the batch (line 1)') },
    ]);
    expect(response.body.summary).toMatchObject({ total: 2, rejected: 3 });
  });

  it('reads CSV text with dotted headers, reporting a bad row by its line', async () => {
    const csv = [
      'id,channel,kind,text,createdAt,author.handle,author.followers',
      `c1,x,post,"Refund please, it broke",${T(2)},ann,1200`,
      `c2,x,post,hello,not-a-date,bob,7`,
      `c3,facebook,comment,"Just saying ""hi""",${T(1)},carl,3`,
    ].join('\n');
    const response = await simulate({ text: csv });
    expect(response.status).toBe(200);
    expect(response.body.format).toBe('csv');
    expect(response.body.decisions.map((decision: { mentionId: string; queue: string }) => [decision.mentionId, decision.queue])).toEqual([
      ['c1', 'billing'],
      ['c3', 'general'],
    ]);
    expect(response.body.rejected).toEqual([{ line: 3, message: expect.stringContaining('createdAt') }]);
  });

  it('reads a JSON array given as text, and reports bad mentions of an array by index', async () => {
    const asText = await simulate({ text: JSON.stringify([mention({ id: 'j1' }), mention({ id: 'j2', text: 'refund' })], null, 2) });
    expect(asText.body.format).toBe('json');
    expect(asText.body.decisions.map((decision: { queue: string }) => decision.queue)).toEqual(['general', 'billing']);
    const asArray = await simulate({ mentions: [mention({ id: 'a1' }), { id: 'a2', text: 'no channel' }, { ...mention({ id: 'a3' }), mood: 'sad' }] });
    expect(asArray.status).toBe(200);
    expect(asArray.body.decisions).toHaveLength(1);
    expect(asArray.body.rejected).toEqual([
      { index: 1, message: expect.stringContaining('channel') },
      { index: 2, message: 'unknown field “mood”' },
    ]);
  });

  it('validates the request strictly', async () => {
    expect((await simulate({ mentions: [mention()], text: '' })).status).toBe(422);
    expect((await simulate({})).status).toBe(422);
    expect((await simulate({ mentions: [mention()], speed: 'fast' })).body.details).toEqual([{ field: 'speed', message: 'unknown field' }]);
    expect((await simulate({ mentions: [mention()], now: 'tomorrow' })).body.details[0].field).toBe('now');
    expect((await simulate({ mentions: [] })).status).toBe(422);
    expect((await simulate({ mentions: Array.from({ length: 5001 }, (_, index) => mention({ id: `big-${index}` })) })).status).toBe(413);
    const explainTooMany = await simulate({ mentions: Array.from({ length: 201 }, (_, index) => mention({ id: `many-${index}` })), explain: true });
    expect(explainTooMany.status).toBe(422);
    expect(explainTooMany.body.details[0].field).toBe('explain');
  });
});

describe('simulate: explanations, incidents and no side effects', () => {
  it('adds explanations when asked', async () => {
    const response = await simulate({ mentions: [mention({ id: 'e1', text: 'refund' }), mention({ id: 'e2', text: 'hello' })], explain: true });
    for (const decision of response.body.decisions) {
      expect(decision.explanation.rules.length).toBeGreaterThan(0);
      expect(decision.explanation.paths[0]).toMatchObject({ workflowId: 'published-routing' });
    }
    const refundRule = response.body.decisions[0].explanation.rules.find((rule: { ruleId: string }) => rule.ruleId === 'published-routing:to-refunds');
    expect(refundRule.fired).toBe(true);
  });

  it('a burst of outage mentions opens one incident in the simulation only, and nothing is written', async () => {
    await templateStoreFor(server.services).ensureDefaults();
    const before = await counts();
    // 25 mentions 20 seconds apart: the pack opens an incident at the 20th within 15 minutes.
    const at = (index: number) => new Date(Date.parse('2026-03-02T10:00:00Z') + index * 20_000).toISOString();
    const burst = Array.from({ length: 25 }, (_, index) => mention({ id: `o${index}`, lang: 'en', text: `The app is down again (${index})`, createdAt: at(index) }));
    burst.reverse(); // input order is not time order: the replay sorts by createdAt
    const response = await simulate({ mentions: burst, packs: [outagePack()] });
    expect(response.status).toBe(200);
    const opened = response.body.decisions.filter((decision: { actions: { type: string }[] }) => types(decision).includes('open_incident'));
    expect(opened).toHaveLength(1);
    expect(response.body.summary.incidents).toEqual(['outage']);
    const notice = opened[0].actions.find((action: { type: string }) => action.type === 'publish_notice');
    expect(notice).toMatchObject({ template: 'outage-notice', topic: 'outage', templateVariant: { channel: '*', language: 'en' } });
    expect(notice.text).toContain('/notices/outage');
    const linked = response.body.decisions.filter((decision: { actions: { type: string }[] }) => types(decision).includes('link_to_notice'));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((decision: { queue: string }) => decision.queue === 'incident')).toBe(true);
    expect(response.body.summary.byQueue.incident).toBe(opened.length + linked.length);

    expect(await counts()).toEqual(before);
    // The live server saw none of it: the same burst simulated again opens the incident again, at the same mention.
    const again = await simulate({ mentions: burst, packs: [outagePack()] });
    expect(opened[0].mentionId).toBe('o19');
    expect(response.body.decisions.map((decision: { mentionId: string }) => decision.mentionId)).toEqual(burst.map((item) => item.id));
    expect(again.body.decisions.filter((decision: { actions: { type: string }[] }) => types(decision).includes('open_incident'))[0].mentionId).toBe('o19');
    // And live ingest still counts from zero: no incident, no link.
    const live = await server.call('POST', '/api/mentions', burst[0]);
    expect(types(live.body.decision)).toEqual([]);
    expect(live.status).toBe(201);
    expect(await counts()).toMatchObject({ mentions: before.mentions! + 1, decisions: before.decisions! + 1 });
  });
});
