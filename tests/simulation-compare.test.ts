// POST /api/simulate/compare and /api/simulate/explain: the published rules against a draft over the same mentions,
// streamed as NDJSON in input order, replayed in time order on each side, and nothing written anywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import { mention, settings } from './support/mentions.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import type { Logger } from '../apps/server/src/log.ts';
import {
  ComparisonSummary,
  RuleEngine,
  compareDecisions,
  compareInInputOrder,
  compileWorkflow,
  type CompiledWorkflow,
  type Decision,
  type Mention,
} from '../packages/engine/src/index.ts';

const outagePack = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'rules', 'outage-notice.json'), 'utf8'));
const T = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, '0')}:00Z`;

const routing = (refundQueue: string, id = 'routing') =>
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

const praiseTagger = () =>
  workflow('praise', 'routing', [trigger(), condition('loves', [['text', 'containsTerms', ['love']]]), node('tag', 'tag', { tags: ['praise'] })], [edge('start', 'loves'), edge('loves', 'tag', 'yes')]);

const lateEscalation = () =>
  workflow(
    'late',
    'escalation',
    [node('start', 'escalation_trigger', { onlyUnanswered: true }), condition('waiting', [['minutesWaiting', 'greaterThan', 60]]), node('up', 'escalate', { to: 'supervisor', reason: 'late' })],
    [edge('start', 'waiting'), edge('waiting', 'up', 'yes')],
  );

type Line = Record<string, any>;

let server: TestServer;
let clock: ManualClock;
const logged: { event: string; fields: Record<string, unknown> }[] = [];
const logger: Logger = { log: (_level, event, fields = {}) => void logged.push({ event, fields }) };

beforeEach(async () => {
  logged.length = 0;
  clock = new ManualClock('2026-03-02T12:00:00Z');
  server = await startTestServer({ clock, logger });
  await server.call('PUT', '/api/settings', settings);
  await server.call('POST', '/api/workflows', routing('billing'));
  await server.call('POST', '/api/workflows/routing/publish', {});
});
afterEach(async () => {
  await server.stop(true);
});

/** Every table's row count: a simulation must leave all of them as they were. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await server.services.database.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  const result: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row[0]);
    const counted = await server.services.database.client.execute(`SELECT count(*) FROM "${name}"`);
    result[name] = Number(counted.rows[0]![0]);
  }
  return result;
}

async function compare(body: unknown): Promise<{ status: number; type: string | null; lines: Line[]; error?: any }> {
  const response = await server.request('/api/simulate/compare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  const type = response.headers.get('content-type');
  if (response.status !== 200) return { status: response.status, type, lines: [], error: JSON.parse(text) };
  return { status: 200, type, lines: text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Line) };
}

const rowsOf = (lines: Line[]) => lines.filter((line) => line.type === 'row');
const types = (decision: { actions: { type: string }[] }) => decision.actions.map((action) => action.type);

async function saveDraft(id: string, change: (graph: any) => void): Promise<void> {
  const current = (await server.call('GET', `/api/workflows/${id}`)).body;
  change(current.graph);
  const saved = await server.call('PUT', `/api/workflows/${id}`, { version: current.version, graph: current.graph });
  expect(saved.status).toBe(200);
}

describe('compare: a draft against the published rules', () => {
  const batch = () => [mention({ id: 'c1', text: 'I want a refund', createdAt: T(5) }), mention({ id: 'c2', text: 'Nice flight', createdAt: T(1) }), mention({ id: 'c3', text: 'remboursement svp', createdAt: T(3) })];

  it('a draft that reroutes refunds: changed rows in input order, and the from → to matrix', async () => {
    await saveDraft('routing', (graph) => (graph.nodes.find((found: { id: string }) => found.id === 'to-refunds').data.queue = 'refunds'));
    const before = await tableCounts();
    const { status, type, lines } = await compare({ mentions: batch(), candidate: { workflowId: 'routing' } });
    expect(status).toBe(200);
    expect(type).toBe('application/x-ndjson');
    expect(lines[0]).toEqual({ type: 'start', total: 3, rejected: [], baseline: { workflows: { routing: 1 } }, candidate: { workflows: ['routing'] } });
    const rows = rowsOf(lines);
    expect(rows.map((row) => [row.index, row.mentionId, row.channel, row.before.queue, row.after.queue])).toEqual([
      [0, 'c1', 'x', 'billing', 'refunds'],
      [1, 'c2', 'x', 'general', 'general'],
      [2, 'c3', 'x', 'billing', 'refunds'],
    ]);
    expect(rows[0]!.text).toBe('I want a refund');
    expect(rows[0]!.change).toEqual({
      changed: true,
      fields: ['queue'],
      queue: { from: 'billing', to: 'refunds' },
      priority: { from: 'P2', to: 'P2' },
      tagsAdded: [],
      tagsRemoved: [],
      actionsAdded: [],
      actionsRemoved: [],
    });
    expect(rows[1]!.change).toMatchObject({ changed: false, fields: [] });
    expect(rows[0]!.before.fired[0]).toMatchObject({ workflowId: 'routing', version: 1 });
    expect(rows[0]!.explanation).toBeUndefined();
    expect(lines.at(-1)).toEqual({
      type: 'summary',
      total: 3,
      changed: 2,
      byQueue: { before: { general: 1, billing: 2 }, after: { general: 1, refunds: 2 } },
      byPriority: { before: { P1: 0, P2: 2, P3: 1, P4: 0 }, after: { P1: 0, P2: 2, P3: 1, P4: 0 } },
      matrix: { queue: { billing: { refunds: 2 }, general: { general: 1 } }, priority: { P2: { P2: 2 }, P3: { P3: 1 } } },
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('given drafts replace published workflows with the same id and add new ones', async () => {
    const { lines } = await compare({ mentions: [mention({ id: 'g1', text: 'I love it, refund anyway' })], candidate: { workflows: [routing('finance'), praiseTagger()] } });
    expect(lines[0]!.candidate).toEqual({ workflows: ['routing', 'praise'] });
    const [row] = rowsOf(lines);
    expect(row!.after.queue).toBe('finance');
    expect(row!.change).toMatchObject({ fields: ['queue', 'tags'], tagsAdded: ['praise'], tagsRemoved: [] });
    expect(row!.after.fired.map((fired: { workflowId: string }) => fired.workflowId)).toContain('praise');
  });

  it('with `now`, unanswered mentions also go through escalation on both sides; new actions show in the change', async () => {
    const waiting = [mention({ id: 'w1', text: 'hello', createdAt: T(0) }), mention({ id: 'w2', text: 'hello', createdAt: T(0), firstResponseAt: T(5) })];
    const { lines } = await compare({ mentions: waiting, candidate: { workflows: [lateEscalation()] }, now: '2026-03-02T13:00:00Z' });
    const rows = rowsOf(lines);
    expect(rows.map((row) => [types(row.before), types(row.after)])).toEqual([
      [[], ['escalate']],
      [[], []],
    ]);
    expect(rows[0]!.change).toMatchObject({ fields: ['actions'], actionsAdded: ['escalate'], actionsRemoved: [] });
  });

  it('adds both sides’ explanations to every row when asked', async () => {
    await saveDraft('routing', (graph) => (graph.nodes.find((found: { id: string }) => found.id === 'to-refunds').data.queue = 'refunds'));
    const { lines } = await compare({ mentions: batch(), candidate: { workflowId: 'routing' }, explain: true });
    const [row] = rowsOf(lines);
    const fired = (trace: { rules: { ruleId: string; fired: boolean }[] }) => trace.rules.filter((rule) => rule.fired).map((rule) => rule.ruleId).sort();
    expect(fired(row!.explanation.before)).toEqual(['routing:p2', 'routing:to-refunds']);
    expect(fired(row!.explanation.after)).toEqual(['routing:p2', 'routing:to-refunds']);
    expect(row!.explanation.after.paths[0]).toMatchObject({ workflowId: 'routing' });
  });
});

describe('compare: time-aware replay without side effects', () => {
  it('an outage burst opens one incident per side in the simulation (visible in actions), and nothing is written', async () => {
    expect((await server.call('POST', '/api/packs/import', { pack: outagePack() })).status).toBe(201);
    // The draft lowers the burst threshold from 20 to 10 mentions in 15 minutes.
    await saveDraft('outage-burst', (graph) => {
      graph.nodes.find((found: { id: string }) => found.id === 'burst-without-incident').data.clauses[0].value = 10;
    });
    const before = await tableCounts();
    const at = (index: number) => new Date(Date.parse('2026-03-02T10:00:00Z') + index * 20_000).toISOString();
    const burst = Array.from({ length: 25 }, (_, index) => mention({ id: `o${index}`, lang: 'en', text: `The app is down again (${index})`, createdAt: at(index) }));
    burst.reverse(); // input order is not time order: each side replays in createdAt order
    const { lines } = await compare({ mentions: burst, candidate: { workflowId: 'outage-burst' } });
    const rows = rowsOf(lines);
    expect(rows.map((row) => row.mentionId)).toEqual(burst.map((item) => item.id));
    const opening = (side: 'before' | 'after') => rows.filter((row) => types(row[side]).includes('open_incident')).map((row) => row.mentionId);
    expect(opening('before')).toEqual(['o19']);
    expect(opening('after')).toEqual(['o9']);
    const linked = (side: 'before' | 'after') => rows.filter((row) => types(row[side]).includes('link_to_notice')).length;
    expect(linked('before')).toBe(5);
    expect(linked('after')).toBe(15);
    expect(rows.find((row) => row.mentionId === 'o12')!.change).toMatchObject({ fields: ['queue', 'tags', 'actions'], queue: { from: 'general', to: 'incident' }, actionsAdded: ['link_to_notice'] });
    expect(lines.at(-1)).toMatchObject({ total: 25, changed: 11, byQueue: { before: { incident: 6 }, after: { incident: 16 } } });

    expect(await tableCounts()).toEqual(before);
    // The live server saw none of it: a live outage mention still finds no incident to link to.
    const live = await server.call('POST', '/api/mentions', burst[0]);
    expect(live.status).toBe(201);
    expect(types(live.body.decision)).toEqual([]);
  });
});

describe('explain one mention on both sides', () => {
  it('shows a rule that did not fire with its failing condition and the fact value', async () => {
    await saveDraft('routing', (graph) => {
      graph.nodes.find((found: { id: string }) => found.id === 'is-refund').data.clauses[0].value = ['refund', 'money back'];
    });
    const response = await server.call('POST', '/api/simulate/explain', { mention: mention({ id: 'x1', text: 'I want my remboursement' }), candidate: { workflowId: 'routing' } });
    expect(response.status).toBe(200);
    expect(response.body.before.decision.queue).toBe('billing');
    expect(response.body.after.decision.queue).toBe('general');
    const rule = response.body.after.rules.find((found: { ruleId: string }) => found.ruleId === 'routing:to-refunds');
    expect(rule.fired).toBe(false);
    const clauses: any[] = [];
    const visit = (trace: any) => (trace.kind === 'fact' ? clauses.push(trace) : trace.children.forEach(visit));
    visit(rule.conditions);
    expect(clauses).toContainEqual(expect.objectContaining({ fact: 'text', operator: 'containsTerms', value: ['refund', 'money back'], factValue: 'I want my remboursement', result: false, nodeId: 'is-refund' }));
    expect(response.body.before.rules.find((found: { ruleId: string }) => found.ruleId === 'routing:to-refunds').fired).toBe(true);
  });

  it('without a candidate both sides are the published rules; a bad mention is a 422', async () => {
    const same = await server.call('POST', '/api/simulate/explain', { mention: mention({ id: 'x2', text: 'refund' }) });
    expect(same.body.after.decision).toEqual(same.body.before.decision);
    const bad = await server.call('POST', '/api/simulate/explain', { mention: { id: 'x3' } });
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((issue: { field: string }) => issue.field)).toContain('mention.channel');
  });
});

describe('compare: where the mentions come from', () => {
  async function ingestAt(at: string, items: Mention[]): Promise<void> {
    clock.set(at);
    const response = await server.call('POST', '/api/mentions', items);
    expect(response.status).toBe(200);
  }

  it('stored mentions by received date range, channel, decision queue or tag, replayed from their payloads in createdAt order', async () => {
    await server.call('POST', '/api/workflows', praiseTagger());
    await server.call('POST', '/api/workflows/praise/publish', {});
    await ingestAt('2026-03-02T09:00:00Z', [mention({ id: 's1', text: 'refund please', createdAt: T(1) }), mention({ id: 's2', channel: 'facebook', text: 'hello', createdAt: T(2) })]);
    await ingestAt('2026-03-02T11:00:00Z', [
      mention({ id: 's3', text: 'hello', createdAt: T(5) }),
      mention({ id: 's4', channel: 'facebook', text: 'refund now', createdAt: T(3) }),
      mention({ id: 's5', text: 'love it', createdAt: T(4) }),
    ]);
    const before = await tableCounts();
    const ids = async (stored: Record<string, unknown>) => rowsOf((await compare({ stored, candidate: { workflows: [routing('refunds')] } })).lines).map((row) => row.mentionId);
    expect(await ids({})).toEqual(['s1', 's2', 's4', 's5', 's3']);
    expect(await ids({ from: '2026-03-02T10:00:00Z' })).toEqual(['s4', 's5', 's3']);
    expect(await ids({ to: '2026-03-02T10:00:00Z' })).toEqual(['s1', 's2']);
    expect(await ids({ channel: 'facebook' })).toEqual(['s2', 's4']);
    expect(await ids({ queue: 'billing' })).toEqual(['s1', 's4']);
    expect(await ids({ tag: 'praise' })).toEqual(['s5']);
    expect(await ids({ channel: 'x', from: '2026-03-02T10:00:00Z' })).toEqual(['s5', 's3']);
    expect(await ids({ limit: 2 })).toEqual(['s5', 's3']);
    const { lines } = await compare({ stored: { queue: 'billing' }, candidate: { workflows: [routing('refunds')] } });
    expect(lines[0]).toMatchObject({ type: 'start', total: 2, rejected: [] });
    expect(rowsOf(lines).map((row) => [row.before.queue, row.after.queue])).toEqual([
      ['billing', 'refunds'],
      ['billing', 'refunds'],
    ]);
    expect(rowsOf((await compare({ stored: { tag: 'nothing-has-this' }, candidate: { workflowId: 'routing' } })).lines)).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it('an installed pack’s sample set: its tests’ mentions and histories, each once', async () => {
    const pack = outagePack();
    await server.call('POST', '/api/packs/import', { pack });
    const expected = new Set<string>();
    for (const test of pack.tests) for (const item of [...(test.history ?? []), ...(test.mention ? [test.mention] : [])]) expected.add(`${item.channel}/${item.id}`);
    const { lines } = await compare({ packId: 'outage-notice', candidate: { workflowId: 'outage-burst' } });
    expect(lines[0]!.total).toBe(expected.size);
    const rows = rowsOf(lines);
    expect(new Set(rows.map((row) => `${row.channel}/${row.mentionId}`))).toEqual(expected);
    expect(rows.some((row) => types(row.before).includes('open_incident'))).toBe(true);
    expect(lines.at(-1)).toMatchObject({ total: expected.size, changed: 0 });
  });

  it('text: NDJSON or CSV, bad lines in the start line, rows with their line', async () => {
    const text = [JSON.stringify(mention({ id: 't1', text: 'refund' })), '{ broken', JSON.stringify({ ...mention({ id: 't2' }), channel: 'myspace' }), JSON.stringify(mention({ id: 't3' })), JSON.stringify(mention({ id: 't1' }))].join('\n');
    const { lines } = await compare({ text, candidate: { workflows: [routing('refunds')] } });
    expect(lines[0]).toMatchObject({ total: 2 });
    expect(lines[0]!.rejected).toEqual([
      { line: 2, message: expect.stringContaining('not valid JSON') },
      { line: 3, message: expect.stringContaining('channel') },
      { line: 5, message: expect.stringContaining('already in the batch (line 1)') },
    ]);
    expect(rowsOf(lines).map((row) => [row.index, row.line, row.mentionId])).toEqual([
      [0, 1, 't1'],
      [1, 4, 't3'],
    ]);
    const csv = ['id,channel,kind,text,createdAt,author.handle', `k1,x,post,refund please,${T(2)},ann`].join('\n');
    expect(rowsOf((await compare({ text: csv, candidate: { workflows: [routing('refunds')] } })).lines)[0]).toMatchObject({ mentionId: 'k1', line: 2, after: { queue: 'refunds' } });
    const array = await compare({ mentions: [mention({ id: 'a1' }), { id: 'a2' }], candidate: { workflowId: 'routing' } });
    expect(array.lines[0]!.rejected).toEqual([{ index: 1, message: expect.stringContaining('channel') }]);
  });

  it('sends progress every 200 rows', async () => {
    const many = Array.from({ length: 450 }, (_, index) => mention({ id: `p${index}`, text: index % 2 ? 'refund' : 'hi', createdAt: new Date(Date.parse(T(0)) + index * 1000).toISOString() }));
    const { lines } = await compare({ mentions: many, candidate: { workflows: [routing('refunds')] } });
    expect(lines.filter((line) => line.type === 'progress')).toEqual([
      { type: 'progress', done: 200, total: 450 },
      { type: 'progress', done: 400, total: 450 },
    ]);
    expect(rowsOf(lines).map((row) => row.index)).toEqual([...Array(450).keys()]);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', total: 450, changed: 225 });
  });
});

describe('compare: refusals before any line is sent (422 naming fields)', () => {
  const fields = (error: any) => error.details.map((issue: { field: string }) => issue.field);

  it('needs exactly one source of mentions and a candidate', async () => {
    expect(fields((await compare({ candidate: { workflowId: 'routing' } })).error)).toEqual(['mentions', 'text', 'stored', 'packId']);
    const two = await compare({ mentions: [mention()], packId: 'outage-notice', candidate: { workflowId: 'routing' } });
    expect(two.status).toBe(422);
    expect(fields(two.error)).toEqual(['mentions', 'packId']);
    expect(fields((await compare({ mentions: [mention()] })).error)).toEqual(['candidate']);
    expect(fields((await compare({ mentions: [mention()], candidate: {} })).error)).toEqual(['candidate']);
    expect((await compare({ mentions: [mention()], candidate: { workflowId: 'routing' }, speed: 'fast' })).error.details).toEqual([{ field: 'speed', message: 'unknown field' }]);
    expect(fields((await compare({ stored: { limit: 100_001 }, candidate: { workflowId: 'routing' } })).error)).toEqual(['stored.limit']);
    expect(fields((await compare({ stored: { channel: 'myspace' }, candidate: { workflowId: 'routing' } })).error)).toEqual(['stored.channel']);
    expect(fields((await compare({ mentions: [mention()], candidate: { workflowId: 'routing' }, now: 'tomorrow' })).error)).toEqual(['now']);
    expect(fields((await compare({ mentions: [], candidate: { workflowId: 'routing' } })).error)).toEqual(['mentions']);
    expect(fields((await compare({ text: '\n\n', candidate: { workflowId: 'routing' } })).error)).toEqual(['text']);
    expect(fields((await compare({ mentions: Array.from({ length: 100_001 }, () => ({})), candidate: { workflowId: 'routing' } })).error)).toEqual(['mentions']);
  });

  it('unknown workflows and packs, and too many mentions to explain', async () => {
    expect(fields((await compare({ mentions: [mention()], candidate: { workflowId: 'nope' } })).error)).toEqual(['candidate.workflowId']);
    expect(fields((await compare({ packId: 'nope', candidate: { workflowId: 'routing' } })).error)).toEqual(['packId']);
    const explainTooMany = await compare({ mentions: Array.from({ length: 501 }, (_, index) => mention({ id: `e${index}` })), candidate: { workflowId: 'routing' }, explain: true });
    expect(explainTooMany.status).toBe(422);
    expect(fields(explainTooMany.error)).toEqual(['explain']);
  });

  it('every compile problem of the candidate, with its path, before streaming starts', async () => {
    const broken = routing('finance');
    broken.graph.nodes[1]!.data = { combinator: 'all', clauses: [{ fact: 'moodRing', operator: 'equal', value: 1 }] };
    const { status, type, error } = await compare({ mentions: [mention()], candidate: { workflows: [broken, routing('again')] } });
    expect(status).toBe(422);
    expect(type).toContain('application/json');
    expect(error.error).toBe('not_publishable');
    expect(error.details.problems).toContainEqual(expect.objectContaining({ path: expect.stringMatching(/^candidate\.workflows\[0\]\.graph\.nodes\[1\]\.data\.clauses\[0\]/), workflowId: 'routing', nodeId: 'is-refund' }));
    expect(error.details.problems).toContainEqual(expect.objectContaining({ path: 'candidate.workflows[1].id', code: 'duplicate_id' }));
    await saveDraft('routing', (graph) => (graph.nodes[1].data.clauses[0].fact = 'moodRing'));
    const draft = await compare({ mentions: [mention()], candidate: { workflowId: 'routing' } });
    expect(draft.status).toBe(422);
    expect(draft.error.details.problems[0]).toMatchObject({ workflowId: 'routing', nodeId: 'is-refund', path: expect.stringContaining('candidate.workflowId') });
  });
});

describe('compare: live traffic and cancellation', () => {
  it('live ingest is served while a comparison streams; the run stops when the client aborts, and the next request is served at once', async () => {
    const many = Array.from({ length: 30_000 }, (_, index) => mention({ id: `k${index}`, text: index % 3 ? 'refund please' : 'hello there', createdAt: new Date(Date.parse(T(0)) + index * 1000).toISOString() }));
    const base = await server.listen();
    const controller = new AbortController();
    const response = await fetch(`${base}/api/simulate/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await server.headersFor('analyst')) },
      body: JSON.stringify({ mentions: many, candidate: { workflows: [routing('refunds')] } }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('"type":"progress"')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended before any progress');
      text += decoder.decode(chunk.value, { stream: true });
    }
    // Keep reading in the background while a live mention is ingested: the replay gives the event loop turns.
    let rows = 0;
    let reading = true;
    const drain = (async () => {
      while (reading) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return;
        rows += decoder.decode(chunk.value, { stream: true }).split('"type":"row"').length - 1;
      }
    })();
    const ingestStarted = performance.now();
    const live = await fetch(`${base}/api/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await server.headersFor('integration')) }, body: JSON.stringify(mention({ id: 'live-during-run', text: 'refund' })) });
    expect(live.status).toBe(201);
    expect(performance.now() - ingestStarted).toBeLessThan(1000);
    expect(logged.some((entry) => entry.event === 'simulation_compare_finished')).toBe(false);

    reading = false;
    controller.abort();
    await reader.cancel().catch(() => undefined);
    await drain;
    expect(rows).toBeGreaterThan(0);

    const deadline = Date.now() + 5000;
    while (!logged.some((entry) => entry.event === 'simulation_compare_cancelled') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const cancelled = logged.find((entry) => entry.event === 'simulation_compare_cancelled');
    expect(cancelled?.fields).toMatchObject({ total: 30_000 });
    expect(cancelled!.fields.done as number).toBeLessThan(30_000);
    expect(logged.some((entry) => entry.event === 'simulation_compare_finished')).toBe(false);

    const started = performance.now();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('engine: compareDecisions, ComparisonSummary and compareInInputOrder', () => {
  const compiled = (input: unknown): CompiledWorkflow => {
    const result = compileWorkflow(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.workflow;
  };
  const decision = (overrides: Partial<Decision>): Decision => ({ mentionId: 'm', priority: 'P3', queue: null, tags: [], actions: [], fired: [], facts: {}, dropped: [], ...overrides });

  it('compares queues, priorities, tags as sets and actions by type and parameters', () => {
    const before = decision({ queue: 'billing', tags: ['a', 'b'], actions: [{ type: 'escalate', to: 'supervisor' }, { type: 'auto_acknowledge', template: 'ack' }] });
    const after = decision({ priority: 'P1', tags: ['b', 'a', 'c'], actions: [{ type: 'auto_acknowledge', template: 'ack' }, { type: 'escalate', to: 'manager' }] });
    expect(compareDecisions(before, after)).toEqual({
      changed: true,
      fields: ['queue', 'priority', 'tags', 'actions'],
      queue: { from: 'billing', to: null },
      priority: { from: 'P3', to: 'P1' },
      tagsAdded: ['c'],
      tagsRemoved: [],
      actionsAdded: ['escalate'],
      actionsRemoved: ['escalate'],
    });
    expect(compareDecisions(before, { ...before, tags: ['b', 'a'] }).changed).toBe(false);
    const summary = new ComparisonSummary();
    summary.add(before, after);
    summary.add(after, after);
    expect(summary.toJSON()).toMatchObject({ total: 2, changed: 1, byQueue: { before: { billing: 1, '(none)': 1 }, after: { '(none)': 2 } }, matrix: { queue: { billing: { '(none)': 1 }, '(none)': { '(none)': 1 } } } });
  });

  it('rows decided again past the reorder buffer are the same rows, in input order', async () => {
    const baseline = new RuleEngine({ workflows: [compiled(routing('billing'))] });
    const pack = outagePack();
    const { compilePack } = await import('../packages/engine/src/index.ts');
    const packed = compilePack(pack);
    if (!packed.ok) throw new Error('pack');
    const candidate = new RuleEngine({ workflows: [compiled(routing('refunds')), ...packed.workflows] });
    const at = (index: number) => new Date(Date.parse('2026-03-02T10:00:00Z') + index * 20_000).toISOString();
    const input = Array.from({ length: 60 }, (_, index) => mention({ id: `r${index}`, text: index % 2 ? 'The app is down (refund)' : 'hello', createdAt: at((index * 37) % 60) }));
    const whole = [...compareInInputOrder(input, baseline, candidate, { now: '2026-03-02T12:00:00Z' })];
    const again = [...compareInInputOrder(input, baseline, candidate, { now: '2026-03-02T12:00:00Z', reorderRows: 0 })];
    expect(whole.map((row) => row.index)).toEqual([...Array(60).keys()]);
    expect(again.map((row) => [row.index, row.before.decision, row.after.decision, row.change])).toEqual(whole.map((row) => [row.index, row.before.decision, row.after.decision, row.change]));
    expect(whole.some((row) => row.after.decision.actions.some((action) => action.type === 'open_incident'))).toBe(true);
  });

  it('each side counts the volume windows its own rules ask about, as a replay of that side alone would', async () => {
    const { ComparisonReplay, Replay, compilePack } = await import('../packages/engine/src/index.ts');
    const outage = (overrides: Record<string, unknown>): CompiledWorkflow[] => {
      const packed = compilePack(outagePack(), overrides);
      if (!packed.ok) throw new Error('pack');
      return packed.workflows;
    };
    // The candidate keeps the baseline's 15-minute window and adds a 3-minute one of its own.
    const baseline = new RuleEngine({ workflows: outage({ outageThreshold: 6 }) });
    const candidate = new RuleEngine({ workflows: [...outage({ outageThreshold: 6 }), ...outage({ outageWindowMinutes: 3, outageThreshold: 3 }).map((found) => ({ ...found, workflowId: `${found.workflowId}-short` }))] });
    expect(candidate.volumeQueries()).toHaveLength(2);
    const at = (index: number) => new Date(Date.parse('2026-03-02T10:00:00Z') + index * 50_000).toISOString();
    const input = Array.from({ length: 40 }, (_, index) => mention({ id: `v${index}`, text: index % 3 ? 'The app is down' : 'hello', createdAt: at(index) }));
    const both = new ComparisonReplay(baseline, candidate);
    const [alone, aloneAfter] = [new Replay(baseline), new Replay(candidate)];
    for (const item of input) {
      const step = both.step(item);
      expect(step.before).toEqual(alone.step(item));
      expect(step.after).toEqual(aloneAfter.step(item));
    }
    expect(both.openIncidents).toEqual({ before: alone.openIncidents, after: aloneAfter.openIncidents });
    expect(both.openIncidents.after).toEqual(['outage']);
  });
});
