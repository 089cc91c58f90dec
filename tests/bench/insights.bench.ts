// Insights benchmark (`npm run bench:insights`). Prints, asserts nothing.
//  1. Fills a temporary database with INSIGHTS_BENCH_ROWS (default 1,000,000) mentions over 90 days, each with its
//     ingest decision and ticket (first responses, resolutions, ratings, escalations, incidents), inserted directly in
//     large multi-row batches. The rows are copies of a few thousand synthetic mentions decided by the starter packs,
//     with new ids and times (busier by day and on weekdays), so tags, queues and fired rules are the real ones.
//  2. Folds those rows into the insight counters and packs the 90 days of response times, as the first queries after an
//     upgrade do (the first response-times query over a past day packs it, once), and times both.
//  3. Times every dashboard query through the app (30- and 90-day ranges, with and without filters), once cold and
//     then the median of three (target ≤ 500 ms each), and prints the main figures.
//  4. Ingests INSIGHTS_BENCH_INGEST (default 20,000) mentions in process through `services.ingest.ingest`, in batches
//     of 100, three ways in turn: without insights, with the counters folded every 1,000 mentions (a dashboard
//     refreshing as they arrive), and folded after every batch (never more than 100 behind: the most it can cost);
//     prints the slowdowns (target ≤ 10%), then what insights' triggers and indexes cost ingest.
// INSIGHTS_BENCH_DIR=<dir> reuses a database a previous run kept (INSIGHTS_BENCH_KEEP=1) and skips step 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { InStatement, InValue } from '@libsql/client';
import { detectLanguage, sentimentScore, type Decision, type Mention, type Priority } from '../../packages/engine/src/index.ts';
import { createServer, type MentionflowServer } from '../../apps/server/src/server.ts';
import { ManualClock } from '../../apps/server/src/clock.ts';
import { silentLogger } from '../../apps/server/src/log.ts';
import { seedDemoWorkspace } from '../../apps/server/src/demo/seed.ts';
import { installDefaultTemplates, templateStoreFor } from '../../apps/server/src/domain/template-store.ts';
import { firstResponseDue, needsTicket } from '../../apps/server/src/ingest/ticket-policy.ts';
import { InsightFolder } from '../../apps/server/src/insights/fold.ts';
import { PACKED_BYTES, answeredTickets } from '../../apps/server/src/insights/response-days.ts';
import { createRng, generateMentions, type Rng } from './synthetic-mentions.ts';

const ROWS = Number(process.env.INSIGHTS_BENCH_ROWS ?? 1_000_000);
const INGEST = Number(process.env.INSIGHTS_BENCH_INGEST ?? 20_000);
const REUSE = process.env.INSIGHTS_BENCH_DIR;
const KEEP = process.env.INSIGHTS_BENCH_KEEP === '1' || REUSE !== undefined;
const TEMPLATES = 3_000;
const DAYS = 90;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const QUARTER = 15 * MINUTE;
/** The server's clock during the run: "now" for default ranges, backlogs and overdue tickets. */
const END = Date.parse('2026-11-20T14:00:00Z');
const START = END - DAYS * DAY;
const RULES_DIR = resolve(import.meta.dirname, '..', '..', 'rules');

const int = (value: number): string => Math.round(value).toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------------------------
// Templates: synthetic mentions decided by the starter packs (and, for tickets, escalated past their target).

interface Template {
  readonly mention: Mention;
  /** The mention's JSON after `"createdAt":"…",` (it starts with id and createdAt, replaced per row). */
  readonly payloadTail: string;
  readonly decision: Decision;
  /** The decision's JSON after `"mentionId":"…",`. */
  readonly decisionTail: string;
  readonly tagsJson: string;
  readonly language: string;
  readonly sentiment: number;
  readonly ticket: boolean;
  readonly escalation: { decisionTail: string; to: string[] } | null;
}

async function templatesFor(server: MentionflowServer): Promise<Template[]> {
  const { services } = server;
  const { engine } = await services.rulebook.rules();
  const settings = await services.settings.get();
  const store = templateStoreFor(services);
  const { mentions } = generateMentions(TEMPLATES, 20_261_120);
  return mentions.map((mention) => {
    const { id: _id, createdAt: _createdAt, ...rest } = mention;
    const decision = store.decorate(mention, engine.decide({ mention, now: mention.createdAt, volumes: services.volumes.observe(mention), openIncidents: [] }), settings);
    const language = typeof decision.facts.language === 'string' ? decision.facts.language : (mention.lang?.split('-')[0] ?? detectLanguage(mention.text, settings.defaultLanguage));
    const sentiment = typeof decision.facts.sentiment === 'number' ? decision.facts.sentiment : Math.round(sentimentScore(mention.text, language) * 1000) / 1000;
    const ticket = needsTicket(decision);
    let escalation: Template['escalation'] = null;
    if (ticket) {
      const late = new Date(Date.parse(mention.createdAt) + 3 * DAY).toISOString();
      const state = { priority: decision.priority, queue: decision.queue!, status: 'open' as const, firstResponseSent: false, escalatedTo: [], tags: decision.tags };
      const made = engine.escalate({ mention, now: late, ticket: state, openIncidents: [] });
      const to = made.actions.filter((action) => action.type === 'escalate').map((action) => String(action.to));
      if (made.fired.length > 0 && to.length > 0) escalation = { decisionTail: JSON.stringify({ ...made, mentionId: undefined }).slice(1), to };
    }
    return {
      mention,
      payloadTail: JSON.stringify(rest).slice(1),
      decision,
      decisionTail: JSON.stringify({ ...decision, mentionId: undefined }).slice(1),
      tagsJson: JSON.stringify(decision.tags),
      language,
      sentiment,
      ticket,
      escalation,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Multi-row INSERTs, flushed in one write transaction every few thousand rows.

class Table {
  private rows: InValue[][] = [];
  constructor(
    private readonly name: string,
    private readonly columns: readonly string[],
    private readonly perStatement: number,
  ) {}

  add(row: InValue[]): void {
    this.rows.push(row);
  }

  take(): InStatement[] {
    const statements: InStatement[] = [];
    const tuple = `(${this.columns.map(() => '?').join(',')})`;
    for (let first = 0; first < this.rows.length; first += this.perStatement) {
      const chunk = this.rows.slice(first, first + this.perStatement);
      statements.push({ sql: `INSERT INTO ${this.name} (${this.columns.join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`, args: chunk.flat() });
    }
    this.rows = [];
    return statements;
  }
}

/** Mentions per 15-minute slot: busier from 8:00 to 22:00 local (Paris, roughly UTC+1) and on weekdays. */
function slotCounts(rows: number): Uint32Array {
  const slots = DAYS * 96;
  const weights = new Float64Array(slots);
  let total = 0;
  for (let slot = 0; slot < slots; slot++) {
    const at = START + slot * QUARTER;
    const hour = (new Date(at).getUTCHours() + 1) % 24;
    const weekday = new Date(at).getUTCDay();
    const daily = hour < 7 ? 0.15 : hour < 9 ? 0.6 : hour < 21 ? 1 + 0.3 * Math.sin(((hour - 9) / 12) * Math.PI) : 0.45;
    weights[slot] = daily * (weekday === 0 || weekday === 6 ? 0.65 : 1);
    total += weights[slot]!;
  }
  const counts = new Uint32Array(slots);
  let carry = 0;
  for (let slot = 0; slot < slots; slot++) {
    const exact = (rows * weights[slot]!) / total + carry;
    counts[slot] = Math.floor(exact);
    carry = exact - counts[slot]!;
  }
  counts[slots - 1]! += Math.round(carry);
  return counts;
}

const AGENTS = 40;
const QUEUES = ['complaints', 'general', 'urgent', 'vip', 'support', 'community'];
const RATINGS = [[1, 5], [2, 7], [3, 15], [4, 33], [5, 40]] as const;

/** Minutes to a first response: log-normal around a share of the priority's target, with a long tail. */
function responseMinutes(rng: Rng, target: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.max(0.2, target * 0.55 * Math.exp(0.9 * normal));
}

async function generate(server: MentionflowServer): Promise<void> {
  const { client } = server.services.database;
  const settings = await server.services.settings.get();
  const { versions } = await server.services.rulebook.rules();
  const versionsJson = JSON.stringify(versions);
  const started = performance.now();
  // A large page cache while loading (index inserts stay in memory); the default again before anything is timed.
  await client.execute('PRAGMA cache_size = -524288');
  const templates = await templatesFor(server);
  console.log(`templates: ${templates.length} mentions decided, ${templates.filter((t) => t.escalation).length} with an escalation (${seconds(performance.now() - started)})`);

  const agentRows = Array.from({ length: AGENTS }, (_, n) => {
    const queues = [QUEUES[n % QUEUES.length]!, QUEUES[(n + 2) % QUEUES.length]!];
    return [`agent-${String(n).padStart(2, '0')}`, `Agent ${n}`, 'agent', '[]', '["en","fr","es","ro","de"]', JSON.stringify(queues), 5 + (n % 4) * 5, 4, 1, START] as InValue[];
  });
  const agents = new Table('agents', ['id', 'name', 'tier', 'skills', 'languages', 'queues', 'capacity', 'rating', 'active', 'created_at'], 100);
  agentRows.forEach((row) => agents.add(row));
  await client.batch(agents.take(), 'write');
  const agentsOf = new Map(QUEUES.map((queue) => [queue, agentRows.filter((row) => String(row[5]).includes(`"${queue}"`)).map((row) => String(row[0]))]));

  const mentions = new Table('mentions', ['channel', 'id', 'payload', 'text', 'author_handle', 'conversation_id', 'language', 'sentiment', 'created_at', 'received_at', 'ingest_token'], 200);
  const decisions = new Table('decisions', ['channel', 'mention_id', 'stage', 'decision', 'priority', 'queue', 'tags', 'versions', 'context', 'decided_at'], 200);
  const tickets = new Table(
    'tickets',
    ['channel', 'mention_id', 'queue', 'priority', 'status', 'tags', 'language', 'sentiment', 'author_handle', 'conversation_id', 'assignee_id', 'claimed_at', 'first_response_due_at', 'first_response_at', 'escalated_to', 'rating', 'created_at', 'updated_at', 'resolved_at'],
    100,
  );
  const actions = new Table('ticket_actions', ['ticket_id', 'stage', 'type', 'action_key', 'action', 'token', 'applied_at'], 200);
  const links = new Table('incident_mentions', ['incident_id', 'channel', 'mention_id', 'author_handle', 'via', 'linked_at'], 200);

  // Incidents: an outage every few days, open for 2–12 hours (the last one still open), gathering outage mentions.
  const rng = createRng(90);
  const incidents: { id: number; openedAt: number; resolvedAt: number | null }[] = [];
  for (let at = START + 2 * DAY; at < END; at += rng.int(2, 5) * DAY + rng.int(0, 23) * HOUR) {
    const resolvedAt = at + rng.int(2, 12) * HOUR;
    incidents.push({ id: incidents.length + 1, openedAt: at, resolvedAt: resolvedAt < END ? resolvedAt : null });
  }
  const incidentRows = incidents.map((incident) => ({
    sql: `INSERT INTO incidents (id, topic, status, opened_channel, opened_mention_id, opened_at, resolved_at) VALUES (?, ?, ?, 'x', ?, ?, ?)`,
    args: [incident.id, incident.id % 3 === 0 ? 'app-outage' : 'website-outage', incident.resolvedAt === null ? 'open' : 'resolved', `incident-${incident.id}`, incident.openedAt, incident.resolvedAt],
  }));
  await client.batch(incidentRows, 'write');

  const dueCache = new Map<string, number>();
  const dueAt = (priority: Priority, createdAt: number): number => {
    // Business-minute due times cost ~60 µs each: compute one per slot and priority, shift within the slot.
    const slot = createdAt - (createdAt % QUARTER);
    const key = `${priority}@${slot}`;
    let due = dueCache.get(key);
    if (due === undefined) {
      due = firstResponseDue({ priority } as Decision, slot, settings);
      dueCache.set(key, due);
    }
    return due + (createdAt - slot);
  };

  const counts = slotCounts(ROWS);
  let n = 0;
  let ticketId = 0;
  let pending = 0;
  let open = 0;
  const flush = async () => {
    await client.batch([...mentions.take(), ...decisions.take(), ...tickets.take(), ...actions.take(), ...links.take()], 'write');
    pending = 0;
  };
  for (let slot = 0; slot < counts.length; slot++) {
    const slotStart = START + slot * QUARTER;
    const offsets = Array.from({ length: counts[slot]! }, () => rng.int(0, QUARTER - 1)).sort((a, b) => a - b);
    for (const offset of offsets) {
      const template = templates[rng.int(0, templates.length - 1)]!;
      const { mention, decision } = template;
      const id = `b${String(n++).padStart(7, '0')}`;
      const createdAt = slotStart + offset;
      const receivedAt = createdAt + rng.int(200, 90_000);
      const iso = new Date(createdAt).toISOString();
      mentions.add([mention.channel, id, `{"id":"${id}","createdAt":"${iso}",${template.payloadTail}`, mention.text, mention.author.handle, mention.conversationId ?? null, template.language, template.sentiment, createdAt, receivedAt, 'bench']);
      decisions.add([mention.channel, id, 'ingest', `{"mentionId":"${id}",${template.decisionTail}`, decision.priority, decision.queue, template.tagsJson, versionsJson, `{"now":"${new Date(receivedAt).toISOString()}"}`, receivedAt]);
      const incident = incidents.find((candidate) => candidate.openedAt <= createdAt && createdAt < (candidate.resolvedAt ?? END));
      if (incident && rng.chance(0.3)) links.add([incident.id, mention.channel, id, mention.author.handle, 'link_to_notice', receivedAt]);
      if (template.ticket) {
        ticketId++;
        const due = dueAt(decision.priority, createdAt);
        const target = settings.responseTargets[decision.priority];
        const answered = rng.chance(0.96) ? createdAt + responseMinutes(rng, target) * MINUTE : null;
        const firstResponse = answered !== null && answered < END ? Math.round(answered) : null;
        const resolving = firstResponse !== null ? firstResponse + rng.int(10, 48 * 60) * MINUTE : rng.chance(0.3) ? createdAt + rng.int(1, 72) * HOUR : null;
        const resolvedAt = resolving !== null && resolving < END ? resolving : null;
        const assignee = firstResponse !== null || resolvedAt !== null || rng.chance(0.5) ? rng.pick(agentsOf.get(decision.queue!) ?? ['agent-00']) : null;
        const rating = resolvedAt !== null && rng.chance(0.35) ? rng.weighted(RATINGS) : null;
        const late = (firstResponse ?? END) > due && due < END;
        const escalated = late && template.escalation ? template.escalation : null;
        if (resolvedAt === null) open++;
        tickets.add([
          mention.channel, id, decision.queue, decision.priority, resolvedAt === null ? 'open' : 'resolved', template.tagsJson, template.language, template.sentiment,
          mention.author.handle, mention.conversationId ?? null, assignee, assignee ? receivedAt + rng.int(1, 30) * MINUTE : null, due, firstResponse,
          JSON.stringify(escalated?.to ?? []), rating, receivedAt, resolvedAt ?? firstResponse ?? receivedAt, resolvedAt,
        ]);
        if (escalated) {
          const appliedAt = due + rng.int(1, 5) * MINUTE;
          for (const to of escalated.to) actions.add([ticketId, 'escalation', 'escalate', `escalation:escalate:${to}`, JSON.stringify({ type: 'escalate', to }), 'bench', appliedAt]);
          decisions.add([mention.channel, id, 'escalation', `{"mentionId":"${id}",${escalated.decisionTail}`, decision.priority, decision.queue, template.tagsJson, versionsJson, '{}', appliedAt]);
        }
      }
      if (++pending === 5_000) await flush();
    }
  }
  await flush();
  await client.execute('PRAGMA cache_size = -2000');
  console.log(`generated ${int(n)} mentions and decisions, ${int(ticketId)} tickets (${int(open)} open), ${incidents.length} incidents in ${seconds(performance.now() - started)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Queries: every endpoint, 30 and 90 days, with and without filters.

const ENDPOINTS = ['response-times', 'volume', 'topics', 'workload', 'rules'] as const;
const FILTERS = ['', 'channel=x', 'queue=urgent', 'channel=facebook&queue=complaints'];

/** The insights API needs a signed-in user or an API token: an admin token, made once per run. */
let authorization: string | undefined;

async function signIn(server: MentionflowServer): Promise<void> {
  const { access } = server.services;
  if (await access.setupNeeded()) await access.users.create({ email: 'bench@example.test', name: 'Bench', role: 'admin', password: 'correct horse battery staple' }, 'bench');
  const { secret } = await access.tokens.create({ name: 'insights bench', role: 'admin', rateLimitPerMinute: 10_000_000 }, 'bench');
  authorization = `Bearer ${secret}`;
}

async function request(server: MentionflowServer, path: string): Promise<{ ms: number; body: any }> {
  const started = performance.now();
  const response = await server.app.request(path, { headers: { authorization: authorization ?? '' } });
  const body = await response.json();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

async function timeQueries(server: MentionflowServer): Promise<void> {
  console.log('\nquery (cold, then median of 3 warm), target ≤ 500 ms:');
  let worst = 0;
  for (const days of [30, 90]) {
    const range = `from=${new Date(END - days * DAY).toISOString()}&to=${new Date(END).toISOString()}`;
    for (const endpoint of ENDPOINTS) {
      const cells: string[] = [];
      for (const filter of FILTERS) {
        const path = `/api/insights/${endpoint}?${range}${filter ? `&${filter}` : ''}`;
        const cold = (await request(server, path)).ms;
        const warm = [(await request(server, path)).ms, (await request(server, path)).ms, (await request(server, path)).ms].sort((a, b) => a - b)[1]!;
        worst = Math.max(worst, cold, warm);
        cells.push(`${(filter || 'no filter').padEnd(34)} ${String(Math.round(cold)).padStart(5)} ${String(Math.round(warm)).padStart(5)}`);
      }
      console.log(`  ${String(days).padStart(2)} days  ${endpoint.padEnd(15)} ${cells.join('   |   ')}`);
    }
  }
  console.log(`  slowest: ${Math.round(worst)} ms`);
}

async function printFigures(server: MentionflowServer): Promise<void> {
  const range = `from=${new Date(END - 30 * DAY).toISOString()}&to=${new Date(END).toISOString()}`;
  const get = async (endpoint: string) => (await request(server, `/api/insights/${endpoint}?${range}`)).body;
  const [times, volume, topics, workload, rules] = await Promise.all(ENDPOINTS.map(get));
  const sum = (list: any[], field: string) => list.reduce((total, item) => total + item[field], 0);
  console.log('\nfigures, last 30 days:');
  console.log(`  response times: ${int(times.overall.count)} answered, median ${times.overall.medianMinutes} min, p90 ${times.overall.p90Minutes} min`);
  for (const p of times.byPriority) console.log(`    ${p.priority}: ${int(p.count)} answered, median ${p.medianMinutes}, p90 ${p.p90Minutes} (target ${p.targetMinutes}); within ${int(p.withinTarget)}, breached ${int(p.breached)}`);
  console.log(`    by channel: ${times.byChannel.map((c: any) => `${c.channel} ${c.medianMinutes}`).join(', ')}; breaches ${int(sum(times.breachesOverTime, 'breaches'))}, escalations ${int(sum(times.breachesOverTime, 'escalations'))} over ${times.breachesOverTime.length} days`);
  const busiest = volume.byHourOfWeek.reduce((best: any, entry: any) => (entry.count > best.count ? entry : best));
  console.log(`  volume: ${int(sum(volume.byDay, 'count'))} mentions over ${volume.byDay.length} days; busiest hour ${busiest.weekday} ${busiest.hour}:00 (${int(busiest.count)}), business hours ${volume.businessHours.start}–${volume.businessHours.end} ${volume.businessHours.timezone}`);
  const scored = topics.sentimentByDay.filter((day: any) => day.count > 0);
  console.log(`  topics: ${topics.tags.slice(0, 6).map((tag: any) => `${tag.tag} ${int(tag.total)}`).join(', ')}; sentiment ${Math.min(...scored.map((d: any) => d.average))}…${Math.max(...scored.map((d: any) => d.average))}; ${topics.incidents.length} incidents`);
  console.log(`  workload: ${workload.backlog.map((q: any) => `${q.queue} ${int(q.open)} open/${int(q.overdue)} overdue/oldest ${int(q.oldestMinutes)} min`).join('; ')}`);
  console.log(`    ${workload.agents.length} agents, ${int(sum(workload.agents, 'resolvedInRange'))} resolved; CSAT ${workload.satisfaction.average} over ${int(workload.satisfaction.count)} ratings ${JSON.stringify(workload.satisfaction.distribution)}`);
  console.log(`  rules: ${rules.workflows.length} workflows, ${int(sum(rules.workflows, 'hits'))} hits, ${sum(rules.workflows.map((w: any) => ({ n: w.neverFired.length })), 'n')} action nodes never fired, ${rules.warnings.length} warnings`);
}

// ---------------------------------------------------------------------------------------------------------------
// Ingest with and without the counters kept current.

interface Cost {
  wall: number;
  cpu: number;
  mentions: number;
}

async function timeIngest(server: MentionflowServer, clock: ManualClock): Promise<void> {
  const { services } = server;
  const folder = new InsightFolder(services);
  const pool = generateMentions(2_000, 20_261_121).mentions;
  const run = Date.now().toString(36);
  let next = 0;
  const batch = (): unknown[] => {
    clock.set(clock.now() + 1_000);
    return Array.from({ length: 100 }, () => {
      const { id: _id, createdAt: _createdAt, ...rest } = pool[next % pool.length]!;
      return { ...rest, id: `live-${run}-${next++}`, createdAt: new Date(clock.now() - 20_000).toISOString() };
    });
  };
  /** Ingests `mentions` in batches of 100, folding the counters after every `foldEvery` batches (0: never). */
  const round = async (cost: Cost, mentions: number, foldEvery: number) => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    for (let done = 0, batches = 0; done < mentions; done += 100) {
      await services.ingest.ingest(batch());
      if (foldEvery > 0 && ++batches % foldEvery === 0) await folder.catchUp();
    }
    const used = process.cpuUsage(cpu);
    cost.wall += performance.now() - wall;
    cost.cpu += (used.user + used.system) / 1000;
    cost.mentions += mentions;
  };
  const fresh = (): Cost => ({ wall: 0, cpu: 0, mentions: 0 });
  const per = (cost: Cost) => `${int((cost.wall / cost.mentions) * 1000)} µs wall, ${int((cost.cpu / cost.mentions) * 1000)} µs CPU per mention`;
  const slower = (a: Cost, b: Cost) => `${(((b.wall / b.mentions) / (a.wall / a.mentions) - 1) * 100).toFixed(1)}% wall, ${(((b.cpu / b.mentions) / (a.cpu / a.mentions) - 1) * 100).toFixed(1)}% CPU`;

  await round(fresh(), 1_000, 1); // warm-up
  const modes = [
    { label: 'without insights', foldEvery: 0, cost: fresh() },
    { label: 'counters folded every 1,000 mentions', foldEvery: 10, cost: fresh() },
    { label: 'counters folded after every batch', foldEvery: 1, cost: fresh() },
  ];
  const rounds = Math.max(2, Math.round(INGEST / 1_000));
  for (let n = 0; n < rounds; n++) {
    // Rotate which goes first, so that a slow spell of the machine hits each alike.
    for (let k = 0; k < modes.length; k++) {
      const mode = modes[(n + k) % modes.length]!;
      await round(mode.cost, 1_000, mode.foldEvery);
    }
  }
  const off = modes[0]!.cost;
  console.log(`\ningest, ${int(off.mentions)} mentions each way in batches of 100, rounds of 1,000 in turn (target ≤ 10% slower):`);
  for (const mode of modes) console.log(`  ${mode.label.padEnd(40)} ${per(mode.cost)}${mode.cost === off ? '' : `  → ${slower(off, mode.cost)}`}`);

  // What insights adds to ingest whether or not anyone looks: its triggers (UPDATE triggers, which ingest's INSERTs
  // should not even compile) and the indexes ingest writes (the others are partial: resolved, rated, escalation).
  const { client } = services.database;
  const triggers = (await client.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'insight%'")).rows.map((row) => ({ name: String(row.name), sql: String(row.sql) }));
  const withTriggers = fresh();
  const withoutTriggers = fresh();
  for (let n = 0; n < 4; n++) {
    await round(withTriggers, 1_000, 0);
    for (const trigger of triggers) await client.execute(`DROP TRIGGER ${trigger.name}`);
    await round(withoutTriggers, 1_000, 0);
    for (const trigger of triggers) await client.execute(trigger.sql);
  }
  console.log(`  with and without the ${triggers.length} triggers (alternating):  ${per(withTriggers)} → ${per(withoutTriggers)}; the triggers cost ${slower(withoutTriggers, withTriggers)}`);
  const indexes = (await client.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ('tickets_due_at', 'tickets_open_work')")).rows.map((row) => ({ name: String(row.name), sql: String(row.sql) }));
  const withIndexes = fresh();
  const withoutIndexes = fresh();
  for (let n = 0; n < 3; n++) {
    await round(withIndexes, 1_000, 0);
    for (const index of indexes) await client.execute(`DROP INDEX ${index.name}`);
    await round(withoutIndexes, 1_000, 0);
    for (const index of indexes) await client.execute(index.sql);
  }
  console.log(`  with and without the ${indexes.length} indexes ingest writes (alternating):  ${per(withIndexes)} → ${per(withoutIndexes)}; the indexes cost ${slower(withoutIndexes, withIndexes)}`);
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dir = REUSE ?? mkdtempSync(join(tmpdir(), 'mentionflow-insights-bench-'));
  const clock = new ManualClock(END);
  const server = await createServer({ databaseUrl: `file:${join(dir, 'mentionflow.db')}`, synchronous: 'NORMAL', clock, logger: silentLogger, scheduler: false, refreshIntervalMs: 0, assignIntervalMs: 0 });
  const started = performance.now();
  try {
    if (!REUSE) {
      await seedDemoWorkspace(server.services, RULES_DIR, [installDefaultTemplates]);
      await generate(server);
    }
    await signIn(server);
    const folding = performance.now();
    await new InsightFolder(server.services).catchUp();
    console.log(`folded into the counters (first query after an upgrade): ${seconds(performance.now() - folding)}`);
    const packing = performance.now();
    const packs = await answeredTickets(server.services.database.client, { from: START, to: END, now: END });
    console.log(`packed ${DAYS} days of response times (${int(packs.reduce((sum, pack) => sum + pack.byteLength / PACKED_BYTES, 0))} answered tickets; the first response-times query over a day does it): ${seconds(performance.now() - packing)}`);
    await timeQueries(server);
    await printFigures(server);
    if (INGEST > 0) await timeIngest(server, clock);
  } finally {
    await server.close();
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`database kept in ${dir}`);
    console.log(`total ${seconds(performance.now() - started)}`);
  }
}

await main();
