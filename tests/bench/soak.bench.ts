// Soak benchmark (`npm run bench:soak`): the real server as its own process (`apps/server/src/index.ts` on a fresh
// temporary database, the demo workspace's packs published), fed a steady open-loop rate of ingest requests over
// loopback for several minutes. Every `SOAK_REPORT_SECONDS` it prints what was sent and acknowledged, errors, the rate
// achieved, p50/p99 latency, the server's resident memory (Linux /proc) and its live heap after full GCs (the server
// runs with --trace-gc); at the end, the totals and a verdict on whether memory stayed flat. Nothing is asserted: the
// figures are printed.
//
// Open loop: request i is due at start + i / rate whatever happened to the others, and its latency is measured from
// that due time, not from when it was actually written; a stalled server therefore shows as latency (and backlog)
// instead of as fewer requests sent ("coordinated omission").
//
// Environment: SOAK_RATE (requests/s, 200), SOAK_MINUTES (3), SOAK_BATCH (mentions per request, 1),
// SOAK_REPORT_SECONDS (15; shorter for runs under two minutes), SOAK_SYNCHRONOUS (FULL or NORMAL),
// SOAK_MAX_IN_FLIGHT (2000: beyond it a due request is counted as shed instead of queued on the client).
import { rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createClient } from '@libsql/client';
import { batchJson, mentionJson, mentionTemplates } from './ingest-mentions.ts';
import { httpClient, processStats, signIn, startServerProcess } from '../support/server-process.ts';

const RATE = Number(process.env.SOAK_RATE ?? 200);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);
const BATCH = Math.max(1, Math.floor(Number(process.env.SOAK_BATCH ?? 1)));
const DURATION_MS = MINUTES * 60_000;
const REPORT_MS = 1000 * Number(process.env.SOAK_REPORT_SECONDS ?? Math.min(15, Math.max(5, DURATION_MS / 8_000)));
const MAX_IN_FLIGHT = Number(process.env.SOAK_MAX_IN_FLIGHT ?? 2000);
const SYNCHRONOUS = process.env.SOAK_SYNCHRONOUS ?? 'FULL';
/** How long to wait for the last answers once sending stops. */
const DRAIN_MS = 15_000;
/**
 * The memory verdict's thresholds. RSS saw-tooths by tens of MB between full GCs, so the live heap after full GCs decides
 * when there are enough of them; RSS (second-half slope, last against first quarter) otherwise.
 */
const FLAT = { heapMinimumGcs: 4, heapSlopeMbPerMinute: 1, heapSlackMb: 2, rssSlopeMbPerMinute: 2, rssQuarterGrowth: 0.1, rssQuarterSlackMb: 5 };
const PREFIX = `soak-${Date.now().toString(36)}`;

if (!(RATE > 0) || !(DURATION_MS > 0)) throw new Error('SOAK_RATE and SOAK_MINUTES must be positive numbers');

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? String(Math.round(value)) : value.toFixed(1)) : '-');
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : (bytes / 1_048_576).toFixed(1));
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxy = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

const FLOOR_MS = 0.01;
const BUCKET_GROWTH = Math.log(1.01);
const BUCKET_COUNT = 1_800;

/** Latencies in fixed memory for long runs: log-spaced buckets 1% wide from 10 µs to ~10 minutes, so a percentile
 *  is within 1% of the exact value however many requests were recorded. */
class Histogram {
  private readonly counts = new Uint32Array(BUCKET_COUNT);
  count = 0;
  max = 0;

  record(ms: number): void {
    const bucket = ms <= FLOOR_MS ? 0 : Math.min(BUCKET_COUNT - 1, Math.ceil(Math.log(ms / FLOOR_MS) / BUCKET_GROWTH));
    this.counts[bucket]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The value `p` percent of the recordings are at or below (the bucket's upper edge), NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let bucket = 0; bucket < BUCKET_COUNT; bucket++) {
      seen += this.counts[bucket]!;
      if (seen >= rank) return Math.min(this.max, FLOOR_MS * Math.exp(bucket * BUCKET_GROWTH));
    }
    return this.max;
  }
}

/** What happened in one reporting interval (and, another instance, over the whole run). */
class Tally {
  sent = 0;
  acked = 0;
  shed = 0;
  readonly errors = new Map<string, number>();
  readonly latency = new Histogram();
  /** How late the client wrote a request after its due time (the load generator falling behind). */
  maxSendLagMs = 0;

  error(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((sum, n) => sum + n, 0);
  }
}

const templates = mentionTemplates();
const bodyFor = (n: number): string => (BATCH === 1 ? mentionJson(templates[n % templates.length]!, `${PREFIX}-${n}`, Date.now()) : batchJson(templates, PREFIX, n * BATCH, BATCH, Date.now()));

console.log(`soak benchmark: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at start`);
/**
 * The live heap after each full GC under load (V8's --trace-gc "[pid:isolate]  <ms since the isolate started> ms:
 * Mark-Compact a (b) -> c (d) MB"): what the server keeps, without the garbage RSS also counts until a collection.
 * Worker threads (tsx's module hooks, any the server starts) have isolates and heaps of their own: the main one is
 * the isolate that started first.
 */
interface FullGc {
  readonly minute: number;
  /** Live heap after the collection, and the heap V8 keeps committed (what RSS sees of it). */
  readonly mb: number;
  readonly committedMb: number;
}
const fullGcs = new Map<string, FullGc[]>();
const isolateStarts = new Map<string, number>();
const GC_LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: /;
const FULL_GC = /Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(([\d.]+)\) MB/;
function serverHeap(): FullGc[] {
  const [main] = [...isolateStarts].sort((a, b) => a[1] - b[1]);
  return (main && fullGcs.get(main[0])) ?? [];
}
let loadStarted: number | undefined;
const server = await startServerProcess({
  env: { MENTIONFLOW_SYNCHRONOUS: SYNCHRONOUS },
  nodeArgs: ['--trace-gc'],
  onLine(line) {
    const traced = GC_LINE.exec(line);
    if (!traced) return;
    const isolate = traced[1]!;
    const start = performance.now() - Number(traced[2]);
    isolateStarts.set(isolate, Math.min(start, isolateStarts.get(isolate) ?? start));
    const gc = loadStarted === undefined ? null : FULL_GC.exec(line);
    if (gc) fullGcs.set(isolate, [...(fullGcs.get(isolate) ?? []), { minute: (performance.now() - loadStarted!) / 60_000, mb: Number(gc[1]), committedMb: Number(gc[2]) }]);
  },
});
const access = await signIn(server.base);
const http = httpClient(256);
const idle = processStats(server.pid);
console.log(
  `  server pid ${server.pid} on ${server.dir} (synchronous=${SYNCHRONOUS}), RSS ${mb(idle?.rssBytes)} MB idle; ` +
    `${RATE} requests/s × ${BATCH} mention${BATCH === 1 ? '' : 's'} for ${MINUTES} min, open loop, report every ${REPORT_MS / 1000} s; ingest with an integration token`,
);

const total = new Tally();
let interval = new Tally();
let inFlight = 0;
const memory: { minute: number; rssBytes: number }[] = [];

function send(n: number, due: number): void {
  const lag = performance.now() - due;
  interval.maxSendLagMs = Math.max(interval.maxSendLagMs, lag);
  total.maxSendLagMs = Math.max(total.maxSendLagMs, lag);
  if (inFlight >= MAX_IN_FLIGHT) {
    interval.shed++;
    total.shed++;
    return;
  }
  inFlight++;
  interval.sent++;
  total.sent++;
  http.send(server.base, 'POST', '/api/mentions', bodyFor(n), access.ingest).then(
    (reply) => {
      const latency = performance.now() - due;
      // A single mention is acknowledged by 201; a batch by 200 with every item created.
      const created = reply.status === 201 ? 1 : reply.status === 200 && BATCH > 1 ? Number(/"created":(\d+)/.exec(reply.text)?.[1] ?? 0) : 0;
      for (const tally of [interval, total]) {
        tally.latency.record(latency);
        tally.acked += created;
        if (created !== BATCH) tally.error(`HTTP ${reply.status}`);
      }
    },
    (error: NodeJS.ErrnoException) => {
      for (const tally of [interval, total]) tally.error(error.code ?? error.message);
    },
  ).finally(() => inFlight--);
}

const header = ['elapsed', 'sent', 'acked', 'errors', 'shed', 'acked/s', 'p50 ms', 'p99 ms', 'max ms', 'send lag', 'RSS MB', 'heap MB*', 'CPU**', 'CPU wait***'];
const widths = [10, 8, 9, 7, 6, 9, 8, 8, 8, 9, 8, 9, 6, 12];
const row = (cells: readonly string[]) => console.log('  ' + cells.map((cell, index) => cell.padStart(widths[index]!)).join(' '));
row(header);

const started = performance.now();
loadStarted = started;
let lastReport = started;
let lastCpu = idle?.cpuSeconds ?? NaN;
let lastRunWait = idle?.runWaitSeconds ?? NaN;
let lastSample = started;
let lastHeapCount = 0;

function sampleMemory(now: number): void {
  const stats = processStats(server.pid);
  if (stats) memory.push({ minute: (now - started) / 60_000, rssBytes: stats.rssBytes });
}

function report(now: number, label = `${Math.round((now - started) / 1000)} s`): void {
  const stats = processStats(server.pid);
  const seconds = (now - lastReport) / 1000;
  // /proc counts CPU time in 10 ms ticks: under a second it says little.
  const cpu = stats && seconds >= 1 ? `${Math.round((100 * (stats.cpuSeconds - lastCpu)) / seconds)}%` : '-';
  const waited = stats && seconds >= 1 ? `${Math.round((100 * (stats.runWaitSeconds - lastRunWait)) / seconds)}%` : '-';
  const errors = interval.errorCount();
  const heap = serverHeap();
  row([
    label,
    int(interval.sent),
    int(interval.acked),
    String(errors),
    String(interval.shed),
    int(interval.acked / seconds),
    ms(interval.latency.percentile(50)),
    ms(interval.latency.percentile(99)),
    ms(interval.latency.max),
    `${ms(interval.maxSendLagMs)} ms`,
    mb(stats?.rssBytes),
    heap.length > lastHeapCount ? heap[heap.length - 1]!.mb.toFixed(1) : '-',
    cpu,
    waited,
  ]);
  if (errors > 0) console.log(`           errors: ${[...interval.errors].map(([kind, n]) => `${n}× ${kind}`).join(', ')}`);
  lastCpu = stats?.cpuSeconds ?? NaN;
  lastRunWait = stats?.runWaitSeconds ?? NaN;
  lastHeapCount = heap.length;
  lastReport = now;
  interval = new Tally();
}

// The scheduler: wakes every few milliseconds and sends every request that has come due since.
let next = 0;
for (;;) {
  const now = performance.now();
  const elapsed = now - started;
  if (elapsed >= DURATION_MS) break;
  const due = Math.floor((elapsed * RATE) / 1000) + 1;
  while (next < due) {
    send(next, started + (next * 1000) / RATE);
    next++;
  }
  if (now - lastSample >= 1000) {
    sampleMemory(now);
    lastSample = now;
  }
  if (now - lastReport >= REPORT_MS) report(now);
  await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(5, started + (next * 1000) / RATE - performance.now()))));
}
const stopped = performance.now();
// The memory verdict reads the samples taken under load only: a backlog drained after the stop is another thing.
sampleMemory(stopped);
if (stopped - lastReport >= 500) report(stopped);
const answeredUnderLoad = total.latency.count;
loadStarted = undefined;
const dueUnderLoad = next;
while (inFlight > 0 && performance.now() - stopped < DRAIN_MS) await new Promise((resolve) => setTimeout(resolve, 20));
const unanswered = inFlight;
if (interval.latency.count > 0 || interval.errorCount() > 0) report(performance.now(), `drain ${Math.round((performance.now() - stopped) / 1000)} s`);
const seconds = (stopped - started) / 1000;

await server.stop();
http.close();
const db = createClient({ url: `file:${server.file}` });
const stored = Number((await db.execute({ sql: 'SELECT count(*) AS n FROM mentions WHERE id LIKE ?', args: [`${PREFIX}-%`] })).rows[0]!.n);
db.close();
rmSync(server.dir, { recursive: true, force: true });

console.log('');
console.log(
  `totals: ${int(total.sent)} requests sent in ${seconds.toFixed(0)} s (${int(total.sent / seconds)}/s of ${RATE}/s due), ${int(total.acked)} mentions acknowledged (${int(total.acked / seconds)}/s), ` +
    `${total.errorCount()} errors${total.errorCount() ? ` (${[...total.errors].map(([kind, n]) => `${n}× ${kind}`).join(', ')})` : ''}, ${total.shed} shed, ${int(total.latency.count - answeredUnderLoad)} answered after the load stopped, ${unanswered} unanswered ${DRAIN_MS / 1000} s later`,
);
console.log(
  `latency from due time: p50 ${ms(total.latency.percentile(50))} ms, p90 ${ms(total.latency.percentile(90))} ms, p99 ${ms(total.latency.percentile(99))} ms, ` +
    `p99.9 ${ms(total.latency.percentile(99.9))} ms, max ${ms(total.latency.max)} ms; the client's worst send lag ${ms(total.maxSendLagMs)} ms`,
);
console.log("*  heap MB: the server's live heap after the interval's last full GC ('-': none in the interval)");
console.log("** CPU: the server process's CPU time (all its threads) over the interval, as a share of one core (/proc/<pid>/stat)");
console.log("*** CPU wait: how much of the interval the server's main thread was ready to run but waited for a CPU (other load on the machine)");
console.log(`stored after a graceful stop: ${int(stored)} mentions (${int(total.acked)} acknowledged)${stored < total.acked ? ' — ACKNOWLEDGED MENTIONS MISSING' : ''}`);

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
// A server that falls behind holds a growing backlog of requests: memory grows with it, leak or not.
const keptUp = total.shed === 0 && answeredUnderLoad >= 0.95 * dueUnderLoad;
const behind = keptUp ? '' : `NOT MEANINGFUL: the server fell behind the offered rate (${int(answeredUnderLoad)} of ${int(dueUnderLoad)} due requests answered under load, ${total.shed} shed), so memory held a growing backlog; lower SOAK_RATE. Read as `;
const short = MINUTES < 2 ? '; a run under two minutes mostly shows warm-up' : '';
let rssGrowing: boolean | undefined;
if (memory.length < 8) {
  console.log(`memory (server RSS): too few samples (${memory.length})${memory.length === 0 ? ', no /proc on this system?' : ''}`);
} else {
  const quarter = Math.floor(memory.length / 4);
  const first = median(memory.slice(0, quarter).map((sample) => sample.rssBytes)) / 1_048_576;
  const last = median(memory.slice(-quarter).map((sample) => sample.rssBytes)) / 1_048_576;
  const perMinute = slope(memory.slice(Math.floor(memory.length / 2)).map((sample) => ({ x: sample.minute, y: sample.rssBytes / 1_048_576 })));
  const peak = Math.max(...memory.map((sample) => sample.rssBytes)) / 1_048_576;
  // One-sided: memory handed back (a shrinking RSS) is no leak.
  rssGrowing = perMinute > FLAT.rssSlopeMbPerMinute || last > first * (1 + FLAT.rssQuarterGrowth) + FLAT.rssQuarterSlackMb;
  console.log(
    `memory (server RSS, ${memory.length} samples): idle ${mb(idle?.rssBytes)} MB, median first quarter ${first.toFixed(1)} MB, last quarter ${last.toFixed(1)} MB ` +
      `(${signed(last - first)} MB), peak ${peak.toFixed(1)} MB; second half slope ${signed(perMinute)} MB/min`,
  );
}
// The live heap after full GCs, past the first quarter of the run (warm-up: caches, JIT, the volume windows filling).
const heapAfterFullGc = serverHeap();
const settled = heapAfterFullGc.filter((gc) => gc.minute >= MINUTES / 4);
let heapGrowing: boolean | undefined;
if (settled.length < FLAT.heapMinimumGcs) {
  console.log(`memory (live heap after full GCs): ${heapAfterFullGc.length} full GCs under load, ${settled.length} after the first quarter: too few to read a trend`);
} else {
  const third = Math.max(1, Math.floor(settled.length / 3));
  const first = median(settled.slice(0, third).map((gc) => gc.mb));
  const last = median(settled.slice(-third).map((gc) => gc.mb));
  const perMinute = slope(settled.map((gc) => ({ x: gc.minute, y: gc.mb })));
  heapGrowing = perMinute > FLAT.heapSlopeMbPerMinute && last > first + FLAT.heapSlackMb;
  console.log(
    `memory (live heap after full GCs, ${settled.length} after the first quarter, live/committed): ${settled.map((gc) => `${gc.mb.toFixed(0)}/${gc.committedMb.toFixed(0)}`).join(', ')} MB; ` +
      `median first third ${first.toFixed(1)} MB, last third ${last.toFixed(1)} MB (${signed(last - first)} MB), slope ${signed(perMinute)} MB/min`,
  );
}
const growing = heapGrowing ?? rssGrowing;
if (growing === undefined) console.log('memory verdict: none (too few samples)');
else
  console.log(
    `memory verdict: ${behind}${growing ? 'GROWING' : 'FLAT'}, from ${heapGrowing === undefined ? 'RSS (too few full GCs)' : 'the live heap after full GCs'} ` +
      `(${
        heapGrowing === undefined
          ? `flat: a second-half RSS slope ≤ +${FLAT.rssSlopeMbPerMinute} MB/min and the last quarter's median ≤ the first's × ${1 + FLAT.rssQuarterGrowth} + ${FLAT.rssQuarterSlackMb} MB`
          : `growing: a slope > +${FLAT.heapSlopeMbPerMinute} MB/min and the last third's median > the first's + ${FLAT.heapSlackMb} MB`
      })${short}`,
  );
if (server.errors.length > 0) console.log(`server error lines (${server.errors.length}):\n${server.errors.slice(0, 5).join('\n')}`);
console.log(`run took ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()[0]!.toFixed(1)} at the end. Figures are printed, not asserted.`);
