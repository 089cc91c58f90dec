// Ingest benchmark (`npm run bench:ingest`): the real server (createServer + @hono/node-server on 127.0.0.1) on a
// fresh temporary database with the starter packs from rules/ installed and published, loaded over loopback by
// autocannon (50 connections, pipelining 1, a short warm-up, then a measured run) with ~600-byte mentions in
// en/fr/es/ro/de, each with a unique id. It prints accepted mentions/second and p50/p99 latency for
//   - a bare Hono endpoint (parses the same JSON body, answers 200, no storage): the baseline;
//   - single-mention posts with synchronous=FULL (the default), and again with synchronous=NORMAL;
//   - 100-mention batches with synchronous=FULL;
//   - the ceiling (ingest-ceiling.ts): ingest's own work in this process without HTTP, the rules alone, and storage
//     alone (the exact commits ingest made, replayed on the write thread): what bounds the figures above.
// After each Mentionflow phase the server process is killed (SIGKILL, no shutdown) and the database reopened: every
// acknowledged mention must be stored with its decision. That is the one check (exit 1 if it fails); the times
// and targets are printed, never asserted.
//
// The servers run in a child process each, so autocannon (this process) and the server get one core each on a
// 2-core machine; `--in-process` runs them in this process instead, for comparison (it halves the bare figure:
// autocannon costs the thread about as much per request as the bare endpoint does). Each phase also prints the CPU
// used by the server (all its threads: under load ingest decides on a decide thread and commits on a write thread),
// autocannon and other processes (Linux /proc) and the server's CPU time per mention, which other load on the
// machine barely changes, unlike the rates.
// Each warm-up's last requests are processed before measuring ("drained"), so the measured run starts idle.
// Ingest needs an integration token once the server has access control: each Mentionflow phase signs in as the
// first admin (created from MENTIONFLOW_ADMIN_EMAIL/PASSWORD), creates a token with a budget far above the load and
// sends it as `authorization: Bearer …` (a server without /api/auth/login is loaded without it).
// Options: --duration <s> (12), --warmup <s> (3), --connections <n> (50), --in-process,
//          --only bare,single-full,single-normal,batch-full,ceiling, --profile <dir> (server child with --cpu-prof; then
//          the server is stopped gracefully instead of killed, as a killed process writes no profile).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createClient } from '@libsql/client';
import type { SynchronousMode } from '../../apps/server/src/db/database.ts';
import { batchJson, mentionJson, mentionTemplates, type MentionTemplate } from './ingest-mentions.ts';
import { BENCH_ADMIN, startBare, startMentionflow, type IngestTarget } from './ingest-server.ts';
import { measureCeiling, type Ceiling } from './ingest-ceiling.ts';

const SERVER_SCRIPT = resolve(import.meta.dirname, 'ingest-server.ts');
const BATCH = 100;
const TARGETS = { singleVsBare: 0.5, singleP99Ms: 25, batchPerSecond: 20_000 };

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}
const DURATION = Number(option('--duration') ?? 12);
const WARMUP = Number(option('--warmup') ?? 3);
const CONNECTIONS = Number(option('--connections') ?? 50);
const IN_PROCESS = process.argv.includes('--in-process');
const PROFILE_DIR = option('--profile');
const ONLY = option('--only')?.split(',');
/** How long to wait for the warm-up's last requests before measuring. */
const DRAIN_LIMIT_MS = 30_000;
/** Mentions the ceiling phase ingests, decides and replays. */
const CEILING_MENTIONS = 5_000;

const int = (value: number): string => Math.round(value).toLocaleString('en-US');
const ms = (value: number): string => (value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10));

// ---------------------------------------------------------------------------------------------------------------
// Targets: a child process (default) or this process.

interface Running {
  readonly port: number;
  /** The server's process (this one when in process). */
  readonly pid: number;
  readonly synchronous: string | null;
  /** Ends the server abruptly (SIGKILL for a child): what was acknowledged must already be on disk. */
  crash(): Promise<void>;
}

/** The first admin, as the environment names it for `npm start`. */
const ADMIN_ENV = { MENTIONFLOW_ADMIN_EMAIL: BENCH_ADMIN.email, MENTIONFLOW_ADMIN_PASSWORD: BENCH_ADMIN.password };

async function spawnTarget(args: string[]): Promise<Running> {
  const nodeArgs = [...process.execArgv];
  if (PROFILE_DIR) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, SERVER_SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...ADMIN_ENV } });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ port: number; synchronous: string | null }>((done, fail) => {
    lines.once('line', (line) => done(JSON.parse(line)));
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before listening`)));
  });
  return {
    ...ready,
    pid: child.pid!,
    async crash() {
      child.kill(PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
      await exited;
      lines.close();
    },
  };
}

async function inProcessTarget(start: () => Promise<IngestTarget>): Promise<Running> {
  const target = await start();
  // No way to kill our own process and go on: close it (drains the commit queue) before the check.
  return { port: target.port, pid: process.pid, synchronous: target.synchronous ?? null, crash: () => target.close() };
}

const startBareTarget = () => (IN_PROCESS ? inProcessTarget(startBare) : spawnTarget(['bare']));
const startMentionflowTarget = (dir: string, synchronous: SynchronousMode) =>
  IN_PROCESS ? inProcessTarget(() => startMentionflow(dir, synchronous)) : spawnTarget(['mentionflow', dir, synchronous]);

/**
 * Signs in as the first admin and creates an integration token whose budget the load never reaches; the headers to
 * ingest with. A server without sign-in (404) takes mentions without them.
 */
async function ingestHeaders(port: number): Promise<Record<string, string>> {
  const base = `http://127.0.0.1:${port}/api`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }) });
  if (login.status === 404) return {};
  if (!login.ok) throw new Error(`signing in as ${BENCH_ADMIN.email} failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const created = await fetch(`${base}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'ingest bench', role: 'integration', rateLimitPerMinute: 10_000_000 }),
  });
  if (created.status !== 201) throw new Error(`creating the integration token failed: ${created.status} ${await created.text()}`);
  const { secret } = (await created.json()) as { secret: string };
  return { authorization: `Bearer ${secret}` };
}

// ---------------------------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): how much of the machine the server, autocannon and everything else used, since other
// processes on a small machine can halve the figures.

interface CpuSample {
  readonly total: number;
  readonly busy: number;
  readonly processes: number[];
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return NaN;
  }
}

function cpuSample(pids: readonly number[]): CpuSample | undefined {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values as number[];
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { total: busy + idle! + iowait!, busy, processes: pids.map(processTicks) };
  } catch {
    return undefined;
  }
}

/** Clock ticks per second in /proc (USER_HZ): 100 on every common Linux build. */
const TICKS_PER_SECOND = 100;

/** "server 98%, autocannon 45%, other processes 3% of a core": shares of one core over the interval. */
/** The server's CPU time per unit of work (µs), or undefined without /proc. */
function serverCpuPerUnit(before: CpuSample | undefined, after: CpuSample | undefined, count: number): number | undefined {
  if (!before || !after || count <= 0) return undefined;
  const ticks = after.processes[0]! - before.processes[0]!;
  return Number.isFinite(ticks) ? (ticks / TICKS_PER_SECOND / count) * 1e6 : undefined;
}

function cpuShares(before: CpuSample | undefined, after: CpuSample | undefined, names: readonly string[], work?: { count: number; unit: string }): string {
  if (!before || !after) return '';
  const cores = availableParallelism();
  const core = (after.total - before.total) / cores;
  if (!(core > 0)) return '';
  const used = after.processes.map((ticks, index) => ticks - before.processes[index]!);
  const others = after.busy - before.busy - used.reduce((sum, ticks) => sum + (Number.isFinite(ticks) ? ticks : 0), 0);
  const pct = (ticks: number) => `${Math.round((100 * ticks) / core)}%`;
  // CPU time per unit of work barely depends on what else runs on the machine, unlike the rates.
  const perUnit = work && work.count > 0 && Number.isFinite(used[0]!) ? `; ${names[0]} CPU ${int((used[0]! / TICKS_PER_SECOND / work.count) * 1e6)} µs per ${work.unit}` : '';
  return `; CPU: ${names.map((name, index) => `${name} ${pct(used[index]!)}`).join(', ')}, other processes ${pct(Math.max(0, others))} of one core (${cores} cores)${perUnit}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Load: unique ids per request, and a record of which mentions were acknowledged.

class Acknowledged {
  private seen = new Uint8Array(1 << 20);
  count = 0;

  mark(first: number, size: number): void {
    while (first + size > this.seen.length) {
      const grown = new Uint8Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    for (let n = first; n < first + size; n++) {
      if (this.seen[n]) continue;
      this.seen[n] = 1;
      this.count++;
    }
  }

  has(n: number): boolean {
    return n < this.seen.length && this.seen[n] === 1;
  }
}

interface Load {
  readonly prefix: string;
  readonly size: number;
  readonly acknowledged: Acknowledged;
  /** Ids handed out so far (requests built). */
  sent(): number;
  /** Responses that were not a full acknowledgement, by status. */
  readonly unexpected: Map<number, number>;
  readonly request: autocannon.Request;
}

function loadFor(templates: readonly MentionTemplate[], prefix: string, size: number, headers: Record<string, string> = {}): Load {
  let next = 0;
  const acknowledged = new Acknowledged();
  const unexpected = new Map<number, number>();
  const surprise = (status: number) => unexpected.set(status, (unexpected.get(status) ?? 0) + 1);
  return {
    prefix,
    size,
    acknowledged,
    sent: () => next,
    unexpected,
    request: {
      method: 'POST',
      path: '/api/mentions',
      headers: { 'content-type': 'application/json', ...headers },
      // With pipelining 1 a connection has one request in flight, and autocannon hands onResponse the context
      // setupRequest filled for that request: that is how a response is tied to the ids it acknowledges.
      setupRequest(request, context) {
        const first = next;
        next += size;
        (context as { first?: number }).first = first;
        const now = Date.now();
        request.body = size === 1 ? mentionJson(templates[first % templates.length]!, `${prefix}-${first}`, now) : batchJson(templates, prefix, first, size, now);
        return request;
      },
      onResponse(status, body, context) {
        const first = (context as { first?: number }).first;
        if (first === undefined) return surprise(status);
        if (size === 1) {
          if (status === 201) acknowledged.mark(first, 1);
          else surprise(status);
          return;
        }
        if (status !== 200) return surprise(status);
        const at = body.lastIndexOf('"created":');
        const created = at === -1 ? NaN : Number.parseInt(body.slice(at + 10), 10);
        if (created === size) return acknowledged.mark(first, size);
        // Not all created: mark exactly the ones that were.
        surprise(status);
        const parsed = JSON.parse(body) as { results: { index: number; status: string }[] };
        for (const result of parsed.results) if (result.status === 'created') acknowledged.mark(first + result.index, 1);
      },
    },
  };
}

async function cannon(port: number, load: Load, seconds: number, connections = CONNECTIONS): Promise<autocannon.Result> {
  return autocannon({ url: `http://127.0.0.1:${port}`, connections, pipelining: 1, duration: seconds, timeout: 60, requests: [load.request] });
}

/**
 * The warm-up (JIT, caches, the database file) uses fewer connections for batches, ~500 mentions in flight rather
 * than 5,000: what is in flight when it stops must be processed before the measured run starts.
 */
const warmupConnections = (size: number): number => Math.max(1, Math.min(CONNECTIONS, Math.ceil((CONNECTIONS * 10) / size)));

// ---------------------------------------------------------------------------------------------------------------
// The check: every acknowledged mention is stored, with its decision, after the server was killed.

interface Check {
  readonly ok: boolean;
  readonly line: string;
}

async function verify(dir: string, load: Load): Promise<Check> {
  const client = createClient({ url: `file:${join(dir, 'mentionflow.db')}` });
  try {
    const pattern = `${load.prefix}-%`;
    const stored = await client.execute({ sql: 'SELECT id FROM mentions WHERE id LIKE ?', args: [pattern] });
    const decided = await client.execute({ sql: "SELECT count(*) AS n FROM decisions WHERE stage = 'ingest' AND mention_id LIKE ?", args: [pattern] });
    let acknowledgedStored = 0;
    for (const row of stored.rows) {
      const n = Number(String(row.id).slice(load.prefix.length + 1));
      if (load.acknowledged.has(n)) acknowledgedStored++;
    }
    const rows = stored.rows.length;
    const decisions = Number(decided.rows[0]!.n);
    const extra = rows - acknowledgedStored;
    const ok = acknowledgedStored === load.acknowledged.count && decisions === rows;
    const line =
      `${ok ? 'OK' : 'FAILED'}: ${int(rows)} mention rows (${int(decisions)} decisions) after ${IN_PROCESS ? 'close' : PROFILE_DIR ? 'SIGTERM' : 'SIGKILL'}; ` +
      `${int(acknowledgedStored)} of the ${int(load.acknowledged.count)} acknowledged mentions stored` +
      (extra > 0 ? ` (+${int(extra)} in flight when the load stopped, stored but never answered)` : '') +
      (acknowledgedStored === load.acknowledged.count ? ': count equals acknowledged' : `: ${int(load.acknowledged.count - acknowledgedStored)} ACKNOWLEDGED BUT LOST`) +
      (decisions === rows ? '' : `; ${int(rows - decisions)} mentions WITHOUT a decision`);
    return { ok, line };
  } finally {
    client.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Phases.

interface Figures {
  readonly name: string;
  readonly perSecond: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Server CPU time per mention (per request for the bare endpoint), µs: barely affected by other processes. */
  readonly cpuPerUnitUs?: number;
  readonly check?: Check;
}

function describeResult(result: autocannon.Result, load: Load): string {
  const problems: string[] = [];
  if (result.errors) problems.push(`${result.errors} errors`);
  if (result.timeouts) problems.push(`${result.timeouts} timeouts`);
  if (result.non2xx) problems.push(`${result.non2xx} non-2xx`);
  for (const [status, count] of load.unexpected) problems.push(`${count}× status ${status} not a full acknowledgement`);
  return problems.length ? ` [${problems.join(', ')}]` : '';
}

/** Counts this phase's stored mentions from outside the server (WAL: a reader does not block the server's writes). */
type StoredCounter = () => Promise<number>;

async function drain(load: Load, stored: StoredCounter): Promise<string> {
  // Requests in flight when the warm-up stopped are still being processed: wait for them, so that the measured
  // run starts on an idle server and is not charged for warm-up work.
  const started = performance.now();
  while (performance.now() - started < DRAIN_LIMIT_MS) {
    if ((await stored()) >= load.sent()) return `drained in ${int(performance.now() - started)} ms`;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return `NOT drained after ${int(DRAIN_LIMIT_MS / 1000)} s (${int(load.sent() - (await stored()))} warm-up mentions still in flight)`;
}

async function measure(name: string, running: Running, load: Load, stored?: StoredCounter): Promise<Figures> {
  let drained = '';
  if (WARMUP > 0) {
    await cannon(running.port, load, WARMUP, warmupConnections(load.size));
    drained = stored ? `; warm-up ${int(load.sent())} mentions on ${warmupConnections(load.size)} connections, ${await drain(load, stored)}` : '';
    if (!stored) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const before = load.acknowledged.count;
  const storedBefore = stored ? await stored() : 0;
  const pids = running.pid === process.pid ? [process.pid] : [running.pid, process.pid];
  const names = running.pid === process.pid ? ['server + autocannon'] : ['server', 'autocannon'];
  const cpuBefore = cpuSample(pids);
  const result = await cannon(running.port, load, DURATION);
  const cpuAfter = cpuSample(pids);
  const storedAfter = stored ? await stored() : 0;
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  const perSecond = (load.acknowledged.count - before) / seconds;
  const committed = stored ? `, ${int((storedAfter - storedBefore) / seconds)} mentions/s committed (answered or not)` : '';
  const figures: Figures = { name, perSecond, requestsPerSecond: result['2xx'] / seconds, p50: result.latency.p50, p99: result.latency.p99, ...(IN_PROCESS ? {} : { cpuPerUnitUs: serverCpuPerUnit(cpuBefore, cpuAfter, stored ? storedAfter - storedBefore : result['2xx']) }) };
  console.log(
    `  ${name}: ${int(perSecond)} mentions/s acknowledged${committed}, ${int(figures.requestsPerSecond)} requests/s, ` +
      `latency p50 ${ms(result.latency.p50)} ms, p90 ${ms(result.latency.p90)} ms, p99 ${ms(result.latency.p99)} ms, max ${ms(result.latency.max)} ms${describeResult(result, load)}${drained}${cpuShares(cpuBefore, cpuAfter, names, stored ? { count: storedAfter - storedBefore, unit: 'mention' } : { count: result['2xx'], unit: 'request' })}`,
  );
  return figures;
}

async function barePhase(templates: readonly MentionTemplate[]): Promise<Figures> {
  const running = await startBareTarget();
  try {
    const load = loadFor(templates, 'bare', 1);
    // The bare endpoint answers 200, not 201: count its 2xx responses instead.
    const onResponse = load.request.onResponse as (status: number, body: string, context: object) => void;
    load.request.onResponse = (status, body, context) => onResponse(status === 200 ? 201 : status, body, context);
    return await measure('bare hono', running, load);
  } finally {
    await running.crash();
  }
}

async function mentionflowPhase(templates: readonly MentionTemplate[], name: string, prefix: string, synchronous: SynchronousMode, size: number): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'mentionflow-bench-'));
  try {
    const started = performance.now();
    const running = await startMentionflowTarget(dir, synchronous);
    console.log(`  ${name}: server up in ${int(performance.now() - started)} ms on ${dir} (PRAGMA synchronous = ${running.synchronous})`);
    const load = loadFor(templates, prefix, size, await ingestHeaders(running.port));
    const reader = createClient({ url: `file:${join(dir, 'mentionflow.db')}` });
    await reader.execute('PRAGMA busy_timeout = 5000');
    const stored = async () => Number((await reader.execute({ sql: 'SELECT count(*) AS n FROM mentions WHERE id LIKE ?', args: [`${prefix}-%`] })).rows[0]!.n);
    let figures: Figures;
    try {
      figures = await measure(name, running, load, stored);
    } finally {
      reader.close();
      await running.crash();
    }
    const check = await verify(dir, load);
    console.log(`  ${name}: ${check.line}`);
    return { ...figures, check };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------

const wanted = (phase: string) => !ONLY || ONLY.includes(phase);
const runStarted = performance.now();
const templates = mentionTemplates();
const averageBytes = templates.reduce((sum, template, index) => sum + Buffer.byteLength(mentionJson(template, `bench-${index}`, Date.now())), 0) / templates.length;
const load1 = (): string => loadavg()[0]!.toFixed(1);
console.log(`ingest benchmark: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, load average ${load1()} at start`);
console.log(
  `  ${CONNECTIONS} connections, pipelining 1, ${WARMUP} s warm-up + ${DURATION} s per phase; mentions ~${int(averageBytes)} bytes (en/fr/es/ro/de); ` +
    `servers ${IN_PROCESS ? 'in this process (sharing its thread with autocannon)' : 'in child processes (autocannon here)'}; loopback 127.0.0.1`,
);

const results: Figures[] = [];
if (wanted('bare')) results.push(await barePhase(templates));
if (wanted('single-full')) results.push(await mentionflowPhase(templates, 'single (FULL)', 'single-full', 'FULL', 1));
if (wanted('single-normal')) results.push(await mentionflowPhase(templates, 'single (NORMAL)', 'single-normal', 'NORMAL', 1));
if (wanted('batch-full')) results.push(await mentionflowPhase(templates, `batch ${BATCH} (FULL)`, 'batch-full', 'FULL', BATCH));
let ceiling: Ceiling | undefined;
if (wanted('ceiling')) {
  ceiling = await measureCeiling(templates, CEILING_MENTIONS, 'FULL');
  console.log(
    `  ceiling (FULL, in this process, no HTTP, ${int(CEILING_MENTIONS)} mentions in batches of ${BATCH}): ingest ${int(ceiling.ingestWall)} µs wall, ${int(ceiling.ingestCpu)} µs CPU per mention; ` +
      `rules alone ${int(ceiling.rulesCpu)} µs CPU; storage alone (its ${ceiling.statementsPerMention.toFixed(1)} statements per mention replayed on the write thread) ${int(ceiling.storageWall)} µs per mention = ${int(ceiling.storagePerSecond)} mentions/s`,
  );
}

const bare = results.find((figures) => figures.name === 'bare hono');
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const plain = (value: number): string => String(Math.round(value));
const failed = results.filter((figures) => figures.check && !figures.check.ok);
const checked = results.filter((figures) => figures.check);
console.log('');
console.log(`run took ${plain((performance.now() - runStarted) / 1000)} s; targets are printed, not asserted.`);
console.log('synchronous=FULL (the default): a commit survives a power loss or OS crash (the WAL is fsynced at every commit);');
console.log('synchronous=NORMAL: a commit survives a process crash or kill, but the last ones before a power loss may be lost.');
if (checked.length > 0) {
  console.log(
    failed.length === 0
      ? `durability check: OK, every acknowledged mention was stored with its decision (${checked.map((figures) => figures.name).join(', ')}; server ${IN_PROCESS ? 'closed' : PROFILE_DIR ? 'stopped' : 'killed with SIGKILL'} before counting)`
      : `durability check FAILED: ${failed.map((figures) => figures.name).join(', ')}`,
  );
}
for (const figures of results) {
  const latency = `(p50 ${ms(figures.p50)} ms, p99 ${ms(figures.p99)} ms)`;
  if (figures.name === 'bare hono') {
    console.log(`bare hono: ${plain(figures.requestsPerSecond)} requests/s ${latency}`);
  } else if (figures.name.startsWith('single')) {
    const ratio = bare ? figures.perSecond / bare.requestsPerSecond : NaN;
    const targets = `targets: ≥ ${TARGETS.singleVsBare}x bare ${verdict(ratio >= TARGETS.singleVsBare)}, p99 ≤ ${TARGETS.singleP99Ms} ms ${verdict(figures.p99 <= TARGETS.singleP99Ms)}`;
    const byCpu = bare?.cpuPerUnitUs && figures.cpuPerUnitUs ? ` (by server CPU time per request: ${(bare.cpuPerUnitUs / figures.cpuPerUnitUs).toFixed(3)}x)` : '';
    console.log(`${figures.name}: ${plain(figures.perSecond)} mentions/s ${latency} = ${bare ? ratio.toFixed(ratio < 0.1 ? 3 : 2) : '?'}x bare${byCpu}; ${targets}`);
  } else {
    console.log(`${figures.name}: ${plain(figures.perSecond)} mentions/s ${latency}; target: ≥ ${TARGETS.batchPerSecond} mentions/s ${verdict(figures.perSecond >= TARGETS.batchPerSecond)}`);
  }
}
if (ceiling) {
  console.log(`ceiling: storing what ingest stores tops out at ${plain(ceiling.storagePerSecond)} mentions/s on one write thread (SQLite has one writer), before any HTTP or rules; batch target ${TARGETS.batchPerSecond} mentions/s ${verdict(ceiling.storagePerSecond >= TARGETS.batchPerSecond)} even for storage alone`);
  if (bare?.cpuPerUnitUs) {
    const budget = (availableParallelism() * 1e6) / (TARGETS.singleVsBare * bare.requestsPerSecond);
    console.log(`ceiling: ${TARGETS.singleVsBare}x bare = ${plain(TARGETS.singleVsBare * bare.requestsPerSecond)} single posts/s leaves ${plain(budget)} µs of CPU per post on ${availableParallelism()} cores (the bare endpoint's own share: ${plain(bare.cpuPerUnitUs)} µs); ingest's own work without HTTP takes ${plain(ceiling.ingestCpu)} µs, its rules alone ${plain(ceiling.rulesCpu)} µs`);
  }
}
process.exit(failed.length === 0 ? 0 : 1);
