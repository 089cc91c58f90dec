// Simulator benchmark (`npm run bench:simulate`): 100,000 generated mentions compared through the starter packs
// (rules/, compiled with compilePack defaults) and a small change to them, through the same streaming core the API
// uses (apps/server domain/comparison.ts: replay of both sides, rows, progress, summary, NDJSON chunks), in
// process and without HTTP. In the same run, the engine's own throughput on the same rules and mentions
// (RuleEngine.decide, as `npm run bench` measures its full path, and the engine's Replay.step) for the ratio.
// On a shared machine the passes, run one after the other, get different shares of the CPU: the ratio is also given
// in CPU time, and against RuleEngine.decide timed in slices between the simulator's own (same mentions, same load).
// Memory, in a second run of the 100,000 (its forced GCs leave the collector's threads busy for a while, which would
// be billed to the timed run): live heap after a forced GC every 10,000 rows, and peaks, for 100,000 and 10,000
// mentions, to show it does not grow with the number of mentions when rows stream; then input in random time order
// (the reorder path).
// Figures are printed; nothing is asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Replay, RuleEngine, compilePack, type CompiledWorkflow, type Mention } from '../../packages/engine/src/index.ts';
import { comparisonLines, ndjsonChunks, type Comparison } from '../../apps/server/src/domain/comparison.ts';
import { BENCH_SETTINGS, generateMentions } from './synthetic-mentions.ts';

const MENTION_COUNT = 100_000;
const SMALL_COUNT = 10_000;
const SEED = 20_250_301;
const WARMUP = 5_000;
const REPLAY_SUBSET = 20_000;
const UNSORTED_SUBSET = 20_000;
const CHECKPOINT_EVERY = 10_000;
const TARGET_RATIO = 1.5;
const RULES_DIR = join(import.meta.dirname, '..', '..', 'rules');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const int = (value: number): string => Math.round(value).toLocaleString('en-US');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const log = (line = ''): void => void process.stdout.write(`${line}\n`);
/** CPU time of the process so far, in ms (every thread: the garbage collector's count as they would in a server). */
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
let sink = 0;

// ---------------------------------------------------------------------------------------------------------------
// Inputs: the starter packs, the candidate (complaints rerouted and raised to P1), and time-ordered mentions.

const started = performance.now();
const packs = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(join(RULES_DIR, name), 'utf8')));

function compileAll(input: readonly unknown[]): CompiledWorkflow[] {
  return input.flatMap((pack) => {
    const compiled = compilePack(pack);
    if (!compiled.ok) throw new Error(`a starter pack does not compile: ${JSON.stringify(compiled.problems.slice(0, 3))}`);
    return compiled.workflows;
  });
}

const baselineRules = compileAll(packs);
const changedPacks = structuredClone(packs);
const tone = changedPacks.find((pack) => pack.id === 'priority-triage').workflows.find((workflow: { id: string }) => workflow.id === 'triage-tone');
tone.graph.nodes.find((found: { id: string }) => found.id === 'route-complaints').data.queue = 'care-escalations';
tone.graph.nodes.find((found: { id: string }) => found.id === 'complaint-p2').data.priority = 'P1';
const candidateRules = compileAll(changedPacks);

const generated = generateMentions(MENTION_COUNT, SEED).mentions;
// Stored mentions and exported files come in time order; the generator's do not (see the last section).
const byTime = generated.map((mention, index) => ({ mention, index, at: Date.parse(mention.createdAt) })).sort((a, b) => a.at - b.at || a.index - b.index).map((entry) => entry.mention);

const engineOf = (workflows: readonly CompiledWorkflow[]) => new RuleEngine({ workflows, settings: BENCH_SETTINGS });

function comparison(mentions: readonly Mention[]): Comparison {
  return { baseline: engineOf(baselineRules), candidate: engineOf(candidateRules), versions: {}, changed: ['triage-tone'], source: { kind: 'memory', mentions }, rejected: [], explain: false };
}

/** Wall and CPU time of a timed pass, in ms. */
interface Timing {
  ms: number;
  cpu: number;
}

interface RunResult extends Timing {
  rows: number;
  changed: number;
  bytes: number;
  peakRss: number;
  peakHeap: number;
  /** Live heap (after a forced GC) at every checkpoint, when asked. */
  checkpoints: { rows: number; heap: number }[];
  /** The `alongside` engine's decisions between the run's slices, and their time. */
  alongside: Timing & { decisions: number };
}

interface RunOptions {
  checkpoints?: boolean;
  /** Every 10,000 rows (outside the run's timing), this engine decides the mentions the run has just compared. */
  alongside?: RuleEngine;
}

/** Consume the API's chunks exactly as the HTTP response would, sampling memory as it goes. */
async function run(mentions: readonly Mention[], options: RunOptions = {}): Promise<RunResult> {
  const result: RunResult = { ms: 0, cpu: 0, rows: 0, changed: 0, bytes: 0, peakRss: 0, peakHeap: 0, checkpoints: [], alongside: { ms: 0, cpu: 0, decisions: 0 } };
  const decideAlongside = (engine: RuleEngine): void => {
    const [start, startCpu] = [performance.now(), cpuMs()];
    for (; result.alongside.decisions < result.rows; result.alongside.decisions++) sink += engine.decide({ mention: mentions[result.alongside.decisions]! }).fired.length;
    result.alongside.ms += performance.now() - start;
    result.alongside.cpu += cpuMs() - startCpu;
  };
  const sample = (): void => {
    const usage = process.memoryUsage();
    result.peakRss = Math.max(result.peakRss, usage.rss);
    result.peakHeap = Math.max(result.peakHeap, usage.heapUsed);
  };
  const timer = setInterval(sample, 25);
  const start = performance.now();
  const startCpu = cpuMs();
  let nextCheckpoint = CHECKPOINT_EVERY;
  /** Time spent in forced GCs and the engine's slices, left out of the timing. */
  let excluded = 0;
  let excludedCpu = 0;
  for await (const chunk of ndjsonChunks(comparisonLines(comparison(mentions)))) {
    result.bytes += chunk.length;
    // Every line but a row ends its chunk: the last line tells how far the stream is, as a client's progress bar
    // reads it, without scanning the chunk (which cost 5 µs a row, a tenth of a decision, billed to the simulator).
    const last = chunk.slice(chunk.lastIndexOf('\n', chunk.length - 2) + 1);
    if (last.startsWith('{"type":"progress"')) result.rows = (JSON.parse(last) as { done: number }).done;
    else if (last.startsWith('{"type":"summary"')) ({ total: result.rows, changed: result.changed } = JSON.parse(last) as { total: number; changed: number });
    sample();
    if ((options.checkpoints || options.alongside) && result.rows >= nextCheckpoint) {
      const [paused, pausedCpu] = [performance.now(), cpuMs()];
      if (options.alongside) decideAlongside(options.alongside);
      if (options.checkpoints) {
        gc();
        result.checkpoints.push({ rows: result.rows, heap: process.memoryUsage().heapUsed });
      }
      nextCheckpoint += CHECKPOINT_EVERY;
      excluded += performance.now() - paused;
      excludedCpu += cpuMs() - pausedCpu;
    }
  }
  if (result.rows !== mentions.length) throw new Error(`the stream ended after ${result.rows} of ${mentions.length} rows`);
  result.ms = performance.now() - start - excluded;
  result.cpu = cpuMs() - startCpu - excludedCpu;
  if (options.alongside) decideAlongside(options.alongside);
  clearInterval(timer);
  sink += result.rows;
  return result;
}

function timed(pass: () => void): Timing {
  const [start, startCpu] = [performance.now(), cpuMs()];
  pass();
  return { ms: performance.now() - start, cpu: cpuMs() - startCpu };
}

function engineTiming(mentions: readonly Mention[]): Timing {
  const engine = engineOf(baselineRules);
  for (let index = 0; index < WARMUP; index++) sink += engine.decide({ mention: mentions[index]! }).fired.length;
  return timed(() => {
    for (const mention of mentions) sink += engine.decide({ mention }).fired.length;
  });
}

function replayTiming(mentions: readonly Mention[]): Timing {
  const replay = new Replay(engineOf(baselineRules));
  return timed(() => {
    for (const mention of mentions) sink += replay.step(mention).decision.fired.length;
  });
}

/** Per second, of wall time and of CPU time. */
const rates = (count: number, timing: Timing): { wall: number; cpu: number } => ({ wall: (count / timing.ms) * 1000, cpu: (count / timing.cpu) * 1000 });

// ---------------------------------------------------------------------------------------------------------------

log('Mentionflow simulator benchmark');
log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, single thread, seed ${SEED}, load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`);
log(`Rules: the ${packs.length} starter packs (${baselineRules.length} workflows, ${baselineRules.reduce((sum, workflow) => sum + workflow.rules.length, 0)} rules, parameter defaults);`);
log('       candidate: the same with complaints (triage-tone) routed to “care-escalations” at P1 instead of “complaints” at P2.');
log(`Mentions: ${int(MENTION_COUNT)} synthetic mentions (tests/bench/synthetic-mentions.ts), sorted by createdAt unless said otherwise.`);
gc();
log(`Heap with the inputs loaded: ${mb(process.memoryUsage().heapUsed)} (the mentions are in memory, as a request body's would be)`);

await run(byTime.slice(-WARMUP)); // warms up both rule sets and the whole pipeline
const engineRates = rates(MENTION_COUNT, engineTiming(byTime));
const replayRates = rates(REPLAY_SUBSET, replayTiming(byTime.slice(0, REPLAY_SUBSET)));
const engine = engineRates.wall;
const replay = replayRates.wall;
const simulated = await run(byTime, { alongside: engineOf(baselineRules) });
const simulatedRates = rates(simulated.rows, simulated);
const alongsideRates = rates(simulated.alongside.decisions, simulated.alongside);
const rate = simulatedRates.wall;
const perSide = rate * 2;

log();
log('Throughput:');
log(`  engine, RuleEngine.decide({ mention }) over the ${int(MENTION_COUNT)} mentions, baseline rules (one pass): ${int(engine)} decisions/s`);
log(`  engine's Replay.step (the same decisions plus volume windows and incidents), first ${int(REPLAY_SUBSET)} mentions: ${int(replay)} decisions/s`);
log(
  `  simulator, the API's streaming core: ${int(simulated.rows)} rows in ${(simulated.ms / 1000).toFixed(1)} s = ${int(rate)} mentions/s, ` +
    `${int(perSide)} decisions/s (each mention is decided by both rule sets); ${int(simulated.changed)} rows changed; ${mb(simulated.bytes)} of NDJSON`,
);
log('Ratio (how many times slower; per side = the simulator’s time per mention against two decisions):');
const mark = (ratio: number): string => (ratio <= TARGET_RATIO ? 'met' : 'NOT met');
log(`  against RuleEngine.decide: ${(engine / rate).toFixed(2)}× per mention, ${(engine / perSide).toFixed(2)}× per side — target ≤ ${TARGET_RATIO}× per side: ${mark(engine / perSide)}`);
log(`  against Replay.step:       ${(replay / rate).toFixed(2)}× per mention, ${(replay / perSide).toFixed(2)}× per side (the simulator's own cost: rows, comparison, summary, JSON, chunks)`);
log(`  Replay.step itself is ${(engine / replay).toFixed(2)}× RuleEngine.decide (it also keeps the volume windows and open incidents of the replayed stream).`);
log('The same per side, less dependent on what else the machine runs:');
log(
  `  in CPU time (engine ${int(engineRates.cpu)}, Replay.step ${int(replayRates.cpu)}, simulator ${int(simulatedRates.cpu * 2)} decisions per CPU second): ` +
    `${(engineRates.cpu / (simulatedRates.cpu * 2)).toFixed(2)}× against RuleEngine.decide, ${(replayRates.cpu / (simulatedRates.cpu * 2)).toFixed(2)}× against Replay.step`,
);
log(
  `  against RuleEngine.decide timed alongside (the same ${int(simulated.alongside.decisions)} mentions decided in ${CHECKPOINT_EVERY.toLocaleString('en-US')}-mention slices between the simulator's, ` +
    `${int(alongsideRates.wall)} decisions/s): ${(alongsideRates.wall / perSide).toFixed(2)}× wall, ${(alongsideRates.cpu / (simulatedRates.cpu * 2)).toFixed(2)}× CPU time`,
);

log();
{
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const streamed = await run(byTime, { checkpoints: true });
  log(`Memory with rows streamed (${int(MENTION_COUNT)} mentions, run again with a forced GC every ${int(CHECKPOINT_EVERY)} rows):`);
  log(`  live heap above the start after each GC: ${streamed.checkpoints.map((point) => mb(point.heap - heapBefore)).join(', ')}`);
  log(`  peak heap ${mb(streamed.peakHeap - heapBefore)} above the start, peak RSS ${mb(streamed.peakRss)} (peaks include garbage not yet collected)`);
}
{
  gc();
  const base = process.memoryUsage().heapUsed;
  const small = await run(byTime.slice(0, SMALL_COUNT), { checkpoints: true });
  log(
    `  ${int(SMALL_COUNT)} mentions for comparison: live heap above the start ${mb(small.checkpoints.at(-1)!.heap - base)}, ` +
      `peak heap ${mb(small.peakHeap - base)} above the start, peak RSS ${mb(small.peakRss)}`,
  );
}

// Input not in time order (the generator's order): rows wait for their turn; past 1,000 waiting rows only their
// replay context is kept, and they are decided again when released.
{
  const shuffled = generated.slice(0, UNSORTED_SUBSET);
  gc();
  const base = process.memoryUsage().heapUsed;
  const unsorted = await run(shuffled, { checkpoints: true });
  log();
  log(`Input in random time order (the worst case for input-order rows), first ${int(UNSORTED_SUBSET)} generated mentions:`);
  log(
    `  ${int((unsorted.rows / unsorted.ms) * 1000)} mentions/s; live heap above the start ${unsorted.checkpoints.map((point) => mb(point.heap - base)).join(', ')}; ` +
      `peak heap ${mb(unsorted.peakHeap - base)} above the start`,
  );
}
log();
log(`Total run time ${((performance.now() - started) / 1000).toFixed(1)} s (checksum ${sink % 1000})`);
