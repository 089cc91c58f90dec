// The insights API (/api/insights/*) over a workspace filled through the real API as a virtual clock moves across
// twelve days and a DST change in Paris: mentions on several channels (some imported days late), replies, resolutions,
// ratings, escalations by the SLA pack and an outage incident. Every figure is checked against a direct computation
// in plain TypeScript over the raw rows (SELECT *), for several ranges and filters; then local-day bucketing, CSV
// export, empty ranges, bad parameters, and a second process reading the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITIES, analyzeRules, type CompiledWorkflow } from '../packages/engine/src/index.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer } from './support/server.ts';
import { timeWorkspace, workspaceOf, type TimeWorkspace } from './support/time-workspace.ts';
import { ResponseTallies } from '../apps/server/src/insights/response-tallies.ts';
import { createRng } from './bench/synthetic-mentions.ts';

const ZONE = 'Europe/Paris';
const START = Date.parse('2026-03-22T06:00:00Z');
/** The clock at the end: 12 days of traffic, across the switch to summer time on 29 March. */
const NOW = Date.parse('2026-04-03T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CHANNELS = ['x', 'facebook', 'instagram', 'email', 'review'] as const;
const TEXTS = [
  'URGENT: I am stranded at the airport, help @acmeair',
  'I need to change my booking, how do I do that? @acmeair',
  'Worst airline ever, you lost my luggage @acmeair',
  'Thank you so much, the crew was amazing @acmeair',
  'What is the baggage allowance on my flight? @acmeair',
  'My refund never arrived, this is a disgrace @acmeair',
  'whenever you can: a question about seats @acmeair',
];

type Row = Record<string, any>;
let ws: TimeWorkspace;
let clock: ManualClock;
let tables: Record<string, Row[]>;

const get = async (path: string) => ws.server.call('GET', path);

// ---------------------------------------------------------------------------------------------------------------
// The workspace, filled through the API in time order.

beforeAll(async () => {
  ws = await timeWorkspace(new Date(START).toISOString(), { packs: ['priority-triage', 'sla-escalation', 'outage-notice'], triage: false });
  clock = ws.clock;
  for (const id of ['ana', 'bo', 'cy']) {
    expect((await ws.server.call('POST', '/api/agents', { id, name: `Agent ${id}`, languages: ['en'], queues: id === 'cy' ? ['vip'] : ['support', 'urgent', 'complaints', 'general'], capacity: 50 })).status).toBe(201);
  }
  // A name a spreadsheet would run as a formula: the CSV export must defuse it.
  expect((await ws.server.call('POST', '/api/agents', { id: 'dz', name: '=HYPERLINK("http://evil.test","x")', languages: ['en'], queues: ['vip'] })).status).toBe(201);
  const rng = createRng(20260403);
  type Event = { at: number; run: () => Promise<void> };
  const events: Event[] = [];
  const at = (time: number, run: () => Promise<void>) => events.push({ at: time, run });
  const ticketOf = async (id: string, channel: string) => (await ws.ticket(id, channel))?.id as number | undefined;

  for (let n = 0; n < 110; n++) {
    const received = START + Math.floor((n / 110) * 12 * DAY) + rng.int(0, 90) * MINUTE;
    const channel = rng.pick(CHANNELS);
    const id = `m${n}`;
    // Most are posted minutes before they arrive; some come from an import, days late.
    const createdAt = rng.chance(0.1) ? received - rng.int(1, 4) * DAY : received - rng.int(0, 20) * MINUTE;
    at(received, async () => {
      expect((await ws.server.call('POST', '/api/mentions', { id, channel, kind: 'post', text: rng.pick(TEXTS), createdAt: new Date(createdAt).toISOString(), author: { handle: `@a${n % 17}` } })).status).toBe(201);
    });
    const answer = rng.chance(0.75) ? received + rng.int(1, 600) * MINUTE : null;
    if (answer !== null && answer < NOW) {
      at(answer, async () => {
        const ticket = await ticketOf(id, channel);
        if (ticket !== undefined) await ws.server.call('POST', `/api/tickets/${ticket}/replies`, { agentId: rng.pick(['ana', 'bo']), text: 'On it!', visibility: 'public' });
      });
      const resolved = answer + rng.int(5, 2000) * MINUTE;
      if (resolved < NOW && rng.chance(0.8)) {
        at(resolved, async () => {
          const ticket = await ticketOf(id, channel);
          if (ticket === undefined) return;
          await ws.server.call('POST', `/api/tickets/${ticket}/resolve`);
          if (rng.chance(0.6)) await ws.server.call('POST', `/api/tickets/${ticket}/rating`, { rating: rng.int(1, 5) });
        });
      }
    }
  }
  // Posted at 23:30 UTC on 24 March: 00:30 on the 25th in Paris.
  at(Date.parse('2026-03-24T23:31:00Z'), async () => {
    expect((await ws.server.call('POST', '/api/mentions', { id: 'late-night', channel: 'chat', kind: 'post', text: 'Thanks @acmeair, great crew', createdAt: '2026-03-24T23:30:00Z', author: { handle: '@owl' } })).status).toBe(201);
  });
  // 22:30 UTC on 30 March, after the switch to summer time: 00:30 on the 31st in Paris.
  at(Date.parse('2026-03-30T22:31:00Z'), async () => {
    expect((await ws.server.call('POST', '/api/mentions', { id: 'summer-night', channel: 'chat', kind: 'post', text: 'Thanks @acmeair, great crew', createdAt: '2026-03-30T22:30:00Z', author: { handle: '@owl' } })).status).toBe(201);
  });
  // An outage: 22 reports within ten minutes open an incident, resolved three hours later.
  const outage = Date.parse('2026-03-31T08:00:00Z');
  for (let k = 0; k < 22; k++) {
    at(outage + k * 25_000, async () => {
      await ws.server.call('POST', '/api/mentions', { id: `down${k}`, channel: k % 2 ? 'x' : 'facebook', kind: 'post', text: 'the app is down, not working @acmeair', createdAt: new Date(outage + k * 25_000).toISOString(), author: { handle: `@d${k}` } });
    });
  }
  at(outage + 3 * HOUR, async () => {
    const [incident] = await ws.rows(`SELECT id FROM incidents WHERE status = 'open'`);
    expect(incident).toBeDefined();
    expect((await ws.server.call('POST', `/api/incidents/${incident!.id}/resolve`)).status).toBe(200);
  });
  // The scheduler runs every 10 minutes of virtual time: escalations apply as tickets wait.
  for (let tick = START; tick < NOW; tick += 10 * MINUTE) at(tick + 1, async () => void (await ws.server.scheduler.tick()));

  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    clock.set(event.at);
    await event.run();
  }
  clock.set(NOW);
  tables = {};
  for (const table of ['mentions', 'decisions', 'tickets', 'ticket_actions', 'incidents', 'incident_mentions', 'agents', 'workflows', 'workflow_versions']) {
    tables[table] = await ws.rows(`SELECT * FROM ${table}`);
  }
}, 120_000);

afterAll(async () => {
  await ws?.server.stop(true);
});

// ---------------------------------------------------------------------------------------------------------------
// The direct computation: plain TypeScript over the rows, with Intl for local time.

/** The workspace time zone the direct computation buckets in (a test below switches it). */
let zone = ZONE;
const formats = new Map<string, Intl.DateTimeFormat>();
function local(ms: number): { day: string; hour: number; weekday: string } {
  if (!formats.has(zone)) formats.set(zone, new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', weekday: 'short', hourCycle: 'h23' }));
  const p = Object.fromEntries(formats.get(zone)!.formatToParts(ms).map((part) => [part.type, part.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), weekday: String(p.weekday).toLowerCase() };
}
function daysOf(from: number, to: number): string[] {
  const days = new Set<string>();
  for (let t = from; t < to; t += 15 * MINUTE) days.add(local(t).day);
  days.add(local(to - 1).day);
  return [...days].sort();
}
const minutes = (ms: number) => Math.round(ms / 6000) / 10;
function rank(values: number[], percent: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return minutes(sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)]!);
}
const byCountThenKey = (key: string) => (a: Row, b: Row) => b.count - a.count || (a[key] < b[key] ? -1 : 1);

interface Range {
  from: number;
  to: number;
  channel?: string;
  queue?: string;
}

const ingestDecision = (channel: string, id: string) => tables.decisions!.find((d) => d.channel === channel && d.mention_id === id && d.stage === 'ingest');
const mentionQueue = (m: Row) => ingestDecision(m.channel, m.id)?.queue ?? '';
function mentionsIn(r: Range): Row[] {
  return tables.mentions!.filter((m) => m.created_at >= r.from && m.created_at < r.to && (!r.channel || m.channel === r.channel) && (!r.queue || mentionQueue(m) === r.queue));
}
const ticketMatches = (t: Row, r: Range) => (!r.channel || t.channel === r.channel) && (!r.queue || t.queue === r.queue);

function expectedVolume(r: Range) {
  const byDay = new Map(daysOf(r.from, r.to).map((day) => [day, 0]));
  const byHour = new Map<string, number>();
  for (const m of mentionsIn(r)) {
    const { day, hour, weekday } = local(m.created_at);
    byDay.set(day, byDay.get(day)! + 1);
    byHour.set(`${weekday}@${hour}`, (byHour.get(`${weekday}@${hour}`) ?? 0) + 1);
  }
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return {
    byHourOfWeek: weekdays.flatMap((weekday) => Array.from({ length: 24 }, (_, hour) => ({ weekday, hour, count: byHour.get(`${weekday}@${hour}`) ?? 0 }))),
    businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00', timezone: zone },
    byDay: [...byDay].map(([day, count]) => ({ day, count })),
  };
}

function expectedTopics(r: Range) {
  const days = daysOf(r.from, r.to);
  const tags = new Map<string, Map<string, number>>();
  const sentiment = new Map(days.map((day) => [day, { sum: 0, count: 0 }]));
  for (const m of mentionsIn(r)) {
    const { day } = local(m.created_at);
    for (const tag of JSON.parse(ingestDecision(m.channel, m.id)?.tags ?? '[]') as string[]) {
      const perDay = tags.get(tag) ?? new Map<string, number>();
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      tags.set(tag, perDay);
    }
    if (m.sentiment !== null) {
      sentiment.get(day)!.sum += Math.round(m.sentiment * 1000);
      sentiment.get(day)!.count += 1;
    }
  }
  const ranked = [...tags].map(([tag, perDay]) => ({ tag, total: [...perDay.values()].reduce((a, b) => a + b, 0), perDay })).sort((a, b) => b.total - a.total || (a.tag < b.tag ? -1 : 1));
  const incidents = tables
    .incidents!.filter((i) => i.opened_at < r.to && (i.resolved_at === null || i.resolved_at > r.from))
    .map((i) => {
      const linked = tables.incident_mentions!.filter((l) => l.incident_id === i.id && (!r.channel || l.channel === r.channel) && (!r.queue || ingestDecision(l.channel, l.mention_id)?.queue === r.queue));
      return { id: i.id, topic: i.topic, status: i.status, openedAt: new Date(i.opened_at).toISOString(), resolvedAt: i.resolved_at === null ? null : new Date(i.resolved_at).toISOString(), mentions: linked.length };
    })
    .filter((i) => (!r.channel && !r.queue) || i.mentions > 0)
    .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt) || b.id - a.id);
  return {
    tags: ranked.slice(0, 15).map(({ tag, total, perDay }) => ({ tag, total, byDay: days.map((day) => ({ day, count: perDay.get(day) ?? 0 })) })),
    sentimentByDay: [...sentiment].map(([day, { sum, count }]) => ({ day, average: count ? Math.round(sum / count) / 1000 : null, count })),
    incidents,
  };
}

function expectedRules(r: Range) {
  const hits = new Map<string, Map<string, number>>();
  const stored = new Set(tables.mentions!.map((m) => `${m.channel}/${m.id}`));
  for (const d of tables.decisions!) {
    if (d.decided_at < r.from || d.decided_at >= r.to || (r.channel && d.channel !== r.channel) || (r.queue && (d.queue ?? '') !== r.queue)) continue;
    if (d.stage === 'ingest' ? !stored.has(`${d.channel}/${d.mention_id}`) : d.stage !== 'escalation') continue;
    for (const fired of JSON.parse(d.decision).fired as { workflowId: string; nodeId: string }[]) {
      const nodes = hits.get(fired.workflowId) ?? new Map<string, number>();
      nodes.set(fired.nodeId, (nodes.get(fired.nodeId) ?? 0) + 1);
      hits.set(fired.workflowId, nodes);
    }
  }
  const published = tables
    .workflows!.filter((w) => w.published_version !== null)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((w) => JSON.parse(tables.workflow_versions!.find((v) => v.workflow_id === w.id && v.version === w.published_version)!.rules) as CompiledWorkflow);
  const actions = new Map(published.filter((w) => w.kind !== 'empowerment').map((w) => [w.workflowId, w.rules.map((rule) => rule.event.params.nodeId)]));
  const ids = [...new Set([...actions.keys(), ...hits.keys()])].sort();
  return {
    workflows: ids.map((workflowId) => {
      const counts = new Map(hits.get(workflowId) ?? []);
      for (const nodeId of actions.get(workflowId) ?? []) if (!counts.has(nodeId)) counts.set(nodeId, 0);
      const row = tables.workflows!.find((w) => w.id === workflowId);
      const nodes = [...counts].map(([nodeId, n]) => ({ nodeId, hits: n })).sort((a, b) => b.hits - a.hits || (a.nodeId < b.nodeId ? -1 : 1));
      return {
        workflowId,
        name: row?.name ?? workflowId,
        publishedVersion: row?.published_version ?? null,
        hits: nodes.reduce((sum, node) => sum + node.hits, 0),
        nodes,
        neverFired: (actions.get(workflowId) ?? []).filter((nodeId) => counts.get(nodeId) === 0).sort(),
      };
    }),
    warnings: JSON.parse(JSON.stringify(analyzeRules(published))),
  };
}

function expectedResponseTimes(r: Range, targets: Record<string, number>, now = NOW) {
  const created = tables.tickets!.filter((t) => t.created_at >= r.from && t.created_at < r.to && ticketMatches(t, r));
  const start = (t: Row) => tables.mentions!.find((m) => m.channel === t.channel && m.id === t.mention_id)?.created_at ?? t.created_at;
  const durations = (list: Row[]) => list.filter((t) => t.first_response_at !== null).map((t) => Math.max(0, t.first_response_at - start(t)));
  const figures = (list: Row[]) => {
    const values = durations(list);
    return { count: values.length, medianMinutes: rank(values, 50), p90Minutes: rank(values, 90) };
  };
  const grouped = (key: string) =>
    [...new Set(created.map((t) => t[key] as string))].map((value) => ({ [key]: value, ...figures(created.filter((t) => t[key] === value)) })).sort(byCountThenKey(key));
  const days = new Map(daysOf(r.from, r.to).map((day) => [day, { day, breaches: 0, escalations: 0 }]));
  for (const t of tables.tickets!) {
    const due = t.first_response_due_at;
    if (due === null || due < r.from || due >= r.to || due >= now || !ticketMatches(t, r)) continue;
    if (t.first_response_at === null || t.first_response_at > due) days.get(local(due).day)!.breaches++;
  }
  for (const a of tables.ticket_actions!) {
    const t = tables.tickets!.find((ticket) => ticket.id === a.ticket_id)!;
    if (a.type === 'escalate' && a.applied_at >= r.from && a.applied_at < r.to && ticketMatches(t, r)) days.get(local(a.applied_at).day)!.escalations++;
  }
  return {
    overall: figures(created),
    byChannel: grouped('channel'),
    byQueue: grouped('queue'),
    byPriority: PRIORITIES.map((priority) => {
      const list = created.filter((t) => t.priority === priority);
      const withDue = list.filter((t) => t.first_response_due_at !== null);
      return {
        priority,
        ...figures(list),
        targetMinutes: targets[priority],
        withinTarget: withDue.filter((t) => t.first_response_at !== null && t.first_response_at <= t.first_response_due_at).length,
        breached: withDue.filter((t) => (t.first_response_at !== null ? t.first_response_at > t.first_response_due_at : now > t.first_response_due_at)).length,
      };
    }),
    breachesOverTime: [...days.values()],
  };
}

function expectedWorkload(r: Range) {
  const open = tables.tickets!.filter((t) => t.status === 'open' && ticketMatches(t, r));
  const resolved = tables.tickets!.filter((t) => t.resolved_at !== null && t.resolved_at >= r.from && t.resolved_at < r.to && ticketMatches(t, r));
  const queues = [...new Set(open.map((t) => t.queue as string))].sort();
  const rated = resolved.filter((t) => t.rating !== null);
  const avg = (list: Row[]) => (list.length ? Math.round((list.reduce((sum, t) => sum + t.rating, 0) / list.length) * 100) / 100 : null);
  const holds = (id: string) => open.filter((t) => t.assignee_id === id).length;
  const resolvedBy = (id: string) => resolved.filter((t) => t.assignee_id === id).length;
  return {
    backlog: queues.map((queue) => {
      const list = open.filter((t) => t.queue === queue);
      return {
        queue,
        open: list.length,
        overdue: list.filter((t) => t.first_response_at === null && t.first_response_due_at !== null && NOW > t.first_response_due_at).length,
        oldestMinutes: minutes(NOW - Math.min(...list.map((t) => t.created_at))),
      };
    }),
    agents: tables
      .agents!.filter((a) => !r.queue || JSON.parse(a.queues).includes(r.queue) || holds(a.id) > 0 || resolvedBy(a.id) > 0)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((a) => ({ agentId: a.id, name: a.name, open: holds(a.id), capacity: a.capacity, resolvedInRange: resolvedBy(a.id) })),
    satisfaction: {
      count: rated.length,
      average: avg(rated),
      distribution: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, rated.filter((t) => t.rating === n).length])),
      byQueue: [...new Set(rated.map((t) => t.queue as string))].sort().map((queue) => {
        const list = rated.filter((t) => t.queue === queue);
        return { queue, count: list.length, average: avg(list) };
      }),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

const query = (r: Range, extra = '') =>
  `from=${encodeURIComponent(new Date(r.from).toISOString())}&to=${encodeURIComponent(new Date(r.to).toISOString())}${r.channel ? `&channel=${r.channel}` : ''}${r.queue ? `&queue=${r.queue}` : ''}${extra}`;

const RANGES: [string, Range][] = [
  ['the last 30 days', { from: NOW - 30 * DAY, to: NOW }],
  ['ragged edges', { from: Date.parse('2026-03-23T10:07:13.500Z'), to: Date.parse('2026-04-01T17:52:41.250Z') }],
  ['one channel', { from: NOW - 30 * DAY, to: NOW, channel: 'x' }],
  ['one queue', { from: Date.parse('2026-03-25T00:00:00Z'), to: NOW, queue: 'complaints' }],
  ['a channel and a queue', { from: NOW - 14 * DAY, to: NOW - 2 * HOUR, channel: 'facebook', queue: 'urgent' }],
];

describe('insights figures equal a direct computation over the raw rows', () => {
  it('has data worth checking', () => {
    expect(tables.mentions!.length).toBeGreaterThan(120);
    expect(tables.tickets!.filter((t) => t.first_response_at !== null).length).toBeGreaterThan(40);
    expect(tables.tickets!.filter((t) => t.rating !== null).length).toBeGreaterThan(10);
    expect(tables.ticket_actions!.filter((a) => a.type === 'escalate').length).toBeGreaterThan(5);
    expect(tables.decisions!.filter((d) => d.stage === 'escalation').length).toBeGreaterThan(5);
    // Tickets escalated twice: their escalation decision was replaced (the counters' update trigger ran).
    const escalations = new Map<number, number>();
    for (const action of tables.ticket_actions!) if (action.type === 'escalate') escalations.set(action.ticket_id, (escalations.get(action.ticket_id) ?? 0) + 1);
    expect([...escalations.values()].filter((count) => count > 1).length).toBeGreaterThan(2);
    expect(tables.incidents!.length).toBe(1);
  });

  for (const [name, range] of RANGES) {
    it(`volume, topics, rules, response times and workload: ${name}`, async () => {
      const settings = (await get('/api/settings')).body;
      const targets = settings.responseTargets;
      for (const [path, expected] of [
        ['volume', expectedVolume(range)],
        ['topics', expectedTopics(range)],
        ['rules', expectedRules(range)],
        ['response-times', expectedResponseTimes(range, targets)],
        ['workload', expectedWorkload(range)],
      ] as const) {
        const response = await get(`/api/insights/${path}?${query(range)}`);
        expect(response.status, path).toBe(200);
        expect(response.body, path).toEqual(expected);
      }
    });
  }

  it('defaults to the last 30 days by the server clock', async () => {
    const explicit = await get(`/api/insights/volume?${query({ from: NOW - 30 * DAY, to: NOW })}`);
    expect((await get('/api/insights/volume')).body).toEqual(explicit.body);
    expect((await get('/api/insights/response-times')).body).toEqual((await get(`/api/insights/response-times?${query({ from: NOW - 30 * DAY, to: NOW })}`)).body);
  });
});

describe('local days, CSV, empty ranges and bad queries', () => {
  it('counts a mention on its local day in the workspace time zone, in winter and in summer time', async () => {
    const winter = (await get(`/api/insights/volume?${query({ from: Date.parse('2026-03-24T22:00:00Z'), to: Date.parse('2026-03-25T02:00:00Z'), channel: 'chat' })}`)).body;
    // 23:30 UTC on the 24th is 00:30 on Wednesday the 25th in Paris (UTC+1).
    expect(winter.byDay).toEqual([
      { day: '2026-03-24', count: 0 },
      { day: '2026-03-25', count: 1 },
    ]);
    expect(winter.byHourOfWeek.filter((entry: Row) => entry.count > 0)).toEqual([{ weekday: 'wed', hour: 0, count: 1 }]);
    // 22:30 UTC on the 30th is 00:30 on Tuesday the 31st in Paris (UTC+2).
    const summer = (await get(`/api/insights/volume?${query({ from: Date.parse('2026-03-30T21:00:00Z'), to: Date.parse('2026-03-30T23:00:00Z'), channel: 'chat' })}`)).body;
    expect(summer.byDay).toEqual([
      { day: '2026-03-30', count: 0 },
      { day: '2026-03-31', count: 1 },
    ]);
    expect(summer.byHourOfWeek.filter((entry: Row) => entry.count > 0)).toEqual([{ weekday: 'tue', hour: 0, count: 1 }]);
    const topics = (await get(`/api/insights/topics?${query({ from: Date.parse('2026-03-24T23:00:00Z'), to: Date.parse('2026-03-25T00:00:00Z'), channel: 'chat' })}`)).body;
    expect(topics.sentimentByDay).toEqual([{ day: '2026-03-25', average: expect.any(Number), count: 1 }]);
  });

  it('exports every endpoint as CSV: the same figures, flattened, as an attachment', async () => {
    const range = { from: NOW - 7 * DAY, to: NOW };
    for (const path of ['response-times', 'volume', 'topics', 'workload', 'rules']) {
      const response = await ws.server.request(`/api/insights/${path}?${query(range, '&format=csv')}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition'), path).toBe(`attachment; filename="insights-${path}-2026-03-27-2026-04-03.csv"`);
      expect(await response.text(), path).toMatch(/^section,/);
    }
    const json = (await get(`/api/insights/volume?${query(range)}`)).body;
    const rows = parseCsv(await (await ws.server.request(`/api/insights/volume?${query(range, '&format=csv')}`)).text());
    expect(rows.filter((row) => row.section === 'byDay').map((row) => ({ day: row.day, count: Number(row.count) }))).toEqual(json.byDay);
    expect(rows.filter((row) => row.section === 'byHourOfWeek').map((row) => ({ weekday: row.weekday, hour: Number(row.hour), count: Number(row.count) }))).toEqual(json.byHourOfWeek);
    expect(rows.find((row) => row.section === 'businessHours')).toMatchObject({ days: 'mon;tue;wed;thu;fri', start: '09:00', end: '18:00', timezone: ZONE });

    const topics = (await get(`/api/insights/topics?${query(range)}`)).body;
    const topicRows = parseCsv(await (await ws.server.request(`/api/insights/topics?${query(range, '&format=csv')}`)).text());
    // A tag's daily counts carry the tag.
    expect(topicRows.filter((row) => row.section === 'tags.byDay').map((row) => ({ tag: row.tag, day: row.day, count: Number(row.count) }))).toEqual(
      topics.tags.flatMap((tag: Row) => tag.byDay.map((entry: Row) => ({ tag: tag.tag, ...entry }))),
    );
    const workloadCsv = await (await ws.server.request(`/api/insights/workload?${query(range, '&format=csv')}`)).text();
    const workload = (await get(`/api/insights/workload?${query(range)}`)).body;
    const satisfaction = parseCsv(workloadCsv).find((row) => row.section === 'satisfaction')!;
    expect([1, 2, 3, 4, 5].map((n) => Number(satisfaction[`distribution.${n}`]))).toEqual([1, 2, 3, 4, 5].map((n) => workload.satisfaction.distribution[n]));
    // Formula-looking text is quoted and prefixed so that a spreadsheet shows it instead of running it.
    expect(workloadCsv).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(parseCsv(workloadCsv).find((row) => row.agentId === 'dz')!.name).toBe(`'=HYPERLINK("http://evil.test","x")`);
  });

  it('answers a range without data with zeros, not errors', async () => {
    const empty = { from: Date.parse('2020-01-06T00:00:00Z'), to: Date.parse('2020-01-08T00:00:00Z') };
    const volume = (await get(`/api/insights/volume?${query(empty)}`)).body;
    expect(volume.byDay).toEqual([
      { day: '2020-01-06', count: 0 },
      { day: '2020-01-07', count: 0 },
      { day: '2020-01-08', count: 0 },
    ]);
    expect(volume.byHourOfWeek).toHaveLength(168);
    expect(volume.byHourOfWeek.every((entry: Row) => entry.count === 0)).toBe(true);
    const times = (await get(`/api/insights/response-times?${query(empty)}`)).body;
    expect(times.overall).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
    expect(times.byChannel).toEqual([]);
    expect(times.byPriority.map((entry: Row) => [entry.priority, entry.count, entry.withinTarget, entry.breached])).toEqual(PRIORITIES.map((priority) => [priority, 0, 0, 0]));
    expect(times.breachesOverTime.every((entry: Row) => entry.breaches === 0 && entry.escalations === 0)).toBe(true);
    const topics = (await get(`/api/insights/topics?${query(empty)}`)).body;
    expect(topics.tags).toEqual([]);
    expect(topics.incidents).toEqual([]);
    expect(topics.sentimentByDay.every((entry: Row) => entry.average === null && entry.count === 0)).toBe(true);
    const rules = (await get(`/api/insights/rules?${query(empty)}`)).body;
    expect(rules.workflows.length).toBeGreaterThan(0);
    expect(rules.workflows.every((workflow: Row) => workflow.hits === 0 && workflow.neverFired.length === workflow.nodes.length)).toBe(true);
    const workload = (await get(`/api/insights/workload?${query(empty)}`)).body;
    expect(workload.satisfaction).toEqual({ count: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, byQueue: [] });
    expect(workload.agents.every((agent: Row) => agent.resolvedInRange === 0)).toBe(true);
    // A fresh workspace, with no data at all.
    const fresh = await startTestServer({ clock: new ManualClock(NOW), scheduler: false });
    try {
      for (const path of ['response-times', 'volume', 'topics', 'workload', 'rules']) expect((await fresh.call('GET', `/api/insights/${path}`)).status, path).toBe(200);
      expect((await fresh.call('GET', '/api/insights/workload')).body).toEqual({ backlog: [], agents: [], satisfaction: { count: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, byQueue: [] } });
      expect((await fresh.call('GET', '/api/insights/rules')).body).toEqual({ workflows: [], warnings: [] });
    } finally {
      await fresh.stop(true);
    }
  });

  it('buckets by local hour and day in a zone 5 h 45 min from UTC, from the same 15-minute counters', async () => {
    const settings = (await get('/api/settings')).body;
    const { updatedAt: _updatedAt, updatedBy: _updatedBy, ...value } = settings;
    expect((await ws.server.call('PUT', '/api/settings', { ...value, timezone: 'Asia/Kathmandu' })).status).toBe(200);
    zone = 'Asia/Kathmandu';
    try {
      for (const range of [RANGES[0]![1], RANGES[1]![1], RANGES[3]![1]]) {
        expect((await get(`/api/insights/volume?${query(range)}`)).body).toEqual(expectedVolume(range));
        expect((await get(`/api/insights/topics?${query(range)}`)).body).toEqual(expectedTopics(range));
        const times = (await get(`/api/insights/response-times?${query(range)}`)).body;
        expect(times.breachesOverTime.map((entry: Row) => entry.day)).toEqual(daysOf(range.from, range.to));
      }
    } finally {
      zone = ZONE;
      expect((await ws.server.call('PUT', '/api/settings', value)).status).toBe(200);
    }
  });

  it('refuses bad parameters with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['from=yesterday', 'from'],
      ['to=2026-04-01', 'to'],
      ['from=2026-04-02T00:00:00Z&to=2026-04-01T00:00:00Z', 'from'],
      ['from=2025-01-01T00:00:00Z&to=2026-04-01T00:00:00Z', 'from'],
      ['channel=myspace', 'channel'],
      ['queue=Not%20A%20Queue', 'queue'],
      ['format=xml', 'format'],
      ['limit=5', 'limit'],
    ];
    for (const [search, field] of cases) {
      for (const path of ['volume', 'response-times']) {
        const response = await get(`/api/insights/${path}?${search}`);
        expect(response.status, search).toBe(400);
        expect(response.body.error, search).toBe('bad_request');
        expect(response.body.message, search).toMatch(new RegExp(`^${field}: `));
        expect(response.body.details[0].field, search).toBe(field);
      }
    }
  });

  it('describes every endpoint in the OpenAPI document', async () => {
    const paths = (await get('/api/openapi.json')).body.paths;
    for (const path of ['response-times', 'volume', 'topics', 'workload', 'rules']) {
      const operation = paths[`/api/insights/${path}`].get;
      expect(operation.parameters.map((parameter: Row) => parameter.name).sort(), path).toEqual(['channel', 'format', 'from', 'queue', 'to']);
      expect(operation.responses[200].content['application/json'].schema, path).toBeDefined();
    }
  });

  it('includes what another process stored since the last query', async () => {
    const other = await startTestServer({ dir: ws.server.dir, clock: new ManualClock(NOW), scheduler: false });
    try {
      const before = (await other.call('GET', `/api/insights/volume?${query({ from: NOW - HOUR, to: NOW + HOUR })}`)).body;
      const count = (body: Row) => body.byDay.reduce((sum: number, entry: Row) => sum + entry.count, 0);
      clock.set(NOW + 5 * MINUTE);
      expect((await ws.server.call('POST', '/api/mentions', { id: 'fresh', channel: 'x', kind: 'post', text: 'urgent help @acmeair', createdAt: new Date(NOW + MINUTE).toISOString(), author: { handle: '@new' } })).status).toBe(201);
      const after = (await other.call('GET', `/api/insights/volume?${query({ from: NOW - HOUR, to: NOW + HOUR })}`)).body;
      expect(count(after)).toBe(count(before) + 1);
      expect((await get(`/api/insights/volume?${query({ from: NOW - HOUR, to: NOW + HOUR })}`)).body).toEqual(after);
      // Counted once, though both processes folded.
      const [slots] = await ws.rows(`SELECT sum(mentions) AS n FROM insight_mention_slots WHERE channel = '*' AND queue = '*'`);
      const [stored] = await ws.rows('SELECT count(*) AS n FROM mentions');
      expect(slots!.n).toBe(stored!.n);
    } finally {
      await other.stop();
    }
  });
});

describe('counters kept as rows change after they were counted', () => {
  it('follows a ticket answered, and an escalation decision replaced, after they were counted', async () => {
    const later = NOW + DAY;
    clock.set(later);
    // Counted (a query folds), then answered: the counted copy follows.
    const range30 = { from: NOW - 30 * DAY, to: NOW };
    expect((await get(`/api/insights/response-times?${query(range30)}`)).status).toBe(200);
    const [waiting] = await ws.rows(`SELECT id FROM tickets WHERE status = 'open' AND first_response_at IS NULL AND created_at < ? ORDER BY id LIMIT 1`, [NOW - 2 * DAY]);
    expect((await ws.server.call('POST', `/api/tickets/${waiting!.id}/replies`, { agentId: 'ana', text: 'Sorry for the wait', visibility: 'public' })).status).toBe(201);
    for (const table of ['mentions', 'tickets']) tables[table] = await ws.rows(`SELECT * FROM ${table}`);
    const targets = (await get('/api/settings')).body.responseTargets;
    expect((await get(`/api/insights/response-times?${query(range30)}`)).body).toEqual(expectedResponseTimes(range30, targets, later));
    expect((await ws.server.call('POST', '/api/mentions', { id: 'escalates-twice', channel: 'x', kind: 'post', text: 'URGENT: I am stranded at the airport, help @acmeair', createdAt: new Date(later).toISOString(), author: { handle: '@late' } })).status).toBe(201);
    const range = { from: later - HOUR, to: later + 2 * HOUR };
    await ws.at(new Date(later + 16 * MINUTE).toISOString());
    const [first] = await ws.rows(`SELECT decision FROM decisions WHERE mention_id = 'escalates-twice' AND stage = 'escalation'`);
    expect(first).toBeDefined();
    // Counted now (a query folds), then replaced as the ticket escalates to a manager.
    expect((await get(`/api/insights/rules?${query(range)}`)).status).toBe(200);
    await ws.at(new Date(later + 31 * MINUTE).toISOString());
    const [second] = await ws.rows(`SELECT decision FROM decisions WHERE mention_id = 'escalates-twice' AND stage = 'escalation'`);
    expect(second!.decision).not.toEqual(first!.decision);
    for (const table of ['mentions', 'decisions', 'workflows', 'workflow_versions']) tables[table] = await ws.rows(`SELECT * FROM ${table}`);
    for (const filtered of [range, { ...range, channel: 'x' }, { ...range, queue: 'urgent' }, { from: NOW - 30 * DAY, to: later + 2 * HOUR }]) {
      expect((await get(`/api/insights/rules?${query(filtered)}`)).body).toEqual(expectedRules(filtered));
    }
  });

  it('follows a ticket re-routed and re-prioritized after its day of response times was packed', async () => {
    const now = clock.now();
    const range = { from: NOW - 30 * DAY, to: now };
    const targets = (await get('/api/settings')).body.responseTargets;
    expect((await get(`/api/insights/response-times?${query(range)}`)).status).toBe(200);
    // The query packed the past days it read (insight_response_days).
    const [ticket] = await ws.rows(`SELECT id, created_at FROM tickets WHERE first_response_at IS NOT NULL AND queue <> 'vip' AND priority <> 'P1' AND created_at < ? ORDER BY id LIMIT 1`, [NOW - 2 * DAY]);
    const day = Math.floor(Number(ticket!.created_at) / DAY);
    expect(await ws.rows('SELECT day FROM insight_response_days WHERE day = ?', [day])).toHaveLength(1);
    // What the escalation runner's route and priority actions write: the day's pack is dropped, and packed again.
    await ws.rows(`UPDATE tickets SET queue = 'vip', priority = 'P1' WHERE id = ?`, [ticket!.id]);
    expect(await ws.rows('SELECT day FROM insight_response_days WHERE day = ?', [day])).toHaveLength(0);
    for (const table of ['mentions', 'tickets', 'ticket_actions']) tables[table] = await ws.rows(`SELECT * FROM ${table}`);
    for (const filtered of [range, { ...range, queue: 'vip' }]) {
      expect((await get(`/api/insights/response-times?${query(filtered)}`)).body).toEqual(expectedResponseTimes(filtered, targets, now));
    }
    expect(await ws.rows('SELECT day FROM insight_response_days WHERE day = ?', [day])).toHaveLength(1);
  });
});

describe('response-time tallies over packed tickets', () => {
  // Packed as insight_response_days holds them: (tenths × 4 + SLA outcome, group code), big-endian 32-bit each.
  const pack = (tickets: { tenths: number; outcome: number; code: number }[]) => {
    const view = new DataView(new ArrayBuffer(tickets.length * 8));
    tickets.forEach((ticket, index) => (view.setUint32(index * 8, ticket.tenths * 4 + ticket.outcome), view.setUint32(index * 8 + 4, ticket.code)));
    return new Uint8Array(view.buffer);
  };
  const nearest = (values: number[], percent: number) => [...values].sort((a, b) => a - b)[Math.ceil((percent / 100) * values.length) - 1]!;

  for (const [name, longest] of [
    ['counting sort', 5_000],
    ['beyond the counting limit (a comparison sort)', 2 ** 23],
  ] as const) {
    it(`equals a sort of every tally's times: ${name}`, () => {
      const rng = createRng(longest);
      const [channels, queues] = [3, 5];
      const tickets = Array.from({ length: 3_000 }, () => ({
        tenths: rng.chance(0.05) ? longest : rng.int(0, rng.chance(0.5) ? 40 : longest),
        outcome: rng.int(0, 2),
        code: rng.int(0, channels - 1) * 2 ** 20 + rng.int(0, queues - 1) * 4 + rng.int(0, 3),
      }));
      const chunks = [pack(tickets.slice(0, 1_000)), pack([]), pack(tickets.slice(1_000))];
      for (const filter of [{ channel: undefined, queue: undefined }, { channel: 1, queue: undefined }, { channel: 2, queue: 3 }]) {
        const tallies = new ResponseTallies(channels, queues);
        tallies.count(filter, chunks, new Float64Array([(2 * 2 ** 20 + 3 * 4 + 1) * 4 + 2]));
        const kept = tickets.filter((t) => (filter.channel === undefined || Math.floor(t.code / 2 ** 20) === filter.channel) && (filter.queue === undefined || (t.code % 2 ** 20) >> 2 === filter.queue));
        const tallyOf = (t: (typeof tickets)[number]) => [0, 1 + Math.floor(t.code / 2 ** 20), 1 + channels + ((t.code % 2 ** 20) >> 2), 1 + channels + queues + (t.code & 3)];
        for (let tally = 0; tally < 1 + channels + queues + 4; tally++) {
          const times = kept.filter((t) => tallyOf(t).includes(tally)).map((t) => t.tenths);
          expect([tally, tallies.counts[tally], times.length > 0 ? [tallies.medians[tally], tallies.p90s[tally]] : null]).toEqual([tally, times.length, times.length > 0 ? [nearest(times, 50), nearest(times, 90)] : null]);
        }
        const unansweredBreach = filter.channel !== 1 && (filter.queue === undefined || filter.queue === 3) ? 1 : 0;
        expect([...tallies.breached]).toEqual([0, 1, 2, 3].map((priority) => kept.filter((t) => (t.code & 3) === priority && t.outcome === 2).length + (priority === 1 ? unansweredBreach : 0)));
        expect([...tallies.within]).toEqual([0, 1, 2, 3].map((priority) => kept.filter((t) => (t.code & 3) === priority && t.outcome === 1).length));
      }
    });
  }
});

/** A small RFC 4180 reader for the exports (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') record.push(field), (field = '');
    else if (char === '\n') record.push(field), records.push(record), (record = []), (field = '');
    else if (char !== '\r') field += char;
  }
  const [header, ...rest] = records;
  return rest.map((values) => Object.fromEntries(header!.map((name, index) => [name, values[index] ?? ''])));
}
