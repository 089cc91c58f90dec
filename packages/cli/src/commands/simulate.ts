// `mentionflow simulate`: decide a batch of mentions offline, as the live server would, one NDJSON decision per mention.
import {
  ComparisonSummary,
  MentionSchema,
  PRIORITIES,
  Replay,
  RuleEngine,
  compareInInputOrder,
  inArrivalOrder,
  readRecords,
  replaceWorkflows,
  type ComparisonSummaryJson,
  type Decision,
  type Explanation,
  type Mention,
  type ReplayStep,
  type Settings,
} from '@mentionflow/engine';
import { EXIT, type Command } from '../command.ts';
import type { Io } from '../io.ts';
import { FatalError } from '../errors.ts';
import { loadRules, parseParameterOverrides, rulePaths, type LoadedRules, type ParameterOverrides } from '../load-rules.ts';
import { COMMON_OPTIONS, RULE_OPTIONS, parseOptions, usageError } from '../options.ts';
import { readInput, reportRejected, type InputBatch } from '../read-input.ts';
import { loadSettings } from '../settings.ts';

type Trace = Omit<Explanation<Decision>, 'decision'>;

const name = 'mentionflow simulate';
const usage = `${name} --mentions FILE [--packs DIR|FILE …] [--compare DIR|FILE …] [--param PACK.NAME=VALUE …] [--settings FILE] [--now ISO] [--explain]`;

const help = `Usage: ${usage}

Decide a batch of mentions offline, as the live server would, and print one decision per
mention on stdout (NDJSON), in input order.

Mentions are replayed in createdAt order through one replay, so volume windows fill and drain
and incidents stay open across the batch, exactly as they would live.

With --compare, every mention goes through two rule sets (each replayed on its own), and each
line says how its decision changed; the summary of the changes follows on stderr.

Options:
  --mentions FILE          the mentions: NDJSON, a JSON array, or CSV with a header row whose
                           dotted names build nested fields (author.handle, author.followers);
                           the format comes from the extension, else the content; "-" is stdin
  --packs DIR|FILE         the rules: a rule pack, a workflow, or a JSON array of workflows;
                           a directory loads its *.json files by name (not *.schema.json).
                           Repeatable. Default: ./rules
  --compare DIR|FILE       compare the --packs rules (the baseline) with a candidate: these rules
                           (files or directories, as for --packs) replace the baseline workflows
                           with the same ids, and workflows with new ids are added. Prints one
                           line per mention, {mentionId, before, after, change}, and the change
                           summary on stderr: totals, each queue and priority before → after,
                           and the from → to tables. Repeatable.
  --param PACK.NAME=VALUE  override a pack parameter (in --packs and --compare alike); VALUE is
                           JSON when it parses, else text. Repeatable.
  --settings FILE          workspace settings (JSON); default: no brand, UTC, Mon–Fri 09:00–17:00
  --now ISO                the current time (ISO 8601 with an offset, e.g. 2025-03-01T10:00:00Z):
                           unanswered mentions (no firstResponseAt) also go through the
                           escalation workflows at this time
  --explain                add an "explanation" to each line: every rule with each condition's
                           fact value and result, and the path each workflow took (with
                           --compare: {before, after}, one for each rule set)
  -h, --help               show this help

Exit status: 0 when every mention was decided; 1 on a usage or fatal error (bad rules, bad
settings, unreadable file); 2 when some lines were rejected (each reported on stderr as
"line N: reason") and the others decided.`;

const config = {
  options: {
    ...COMMON_OPTIONS,
    ...RULE_OPTIONS,
    compare: { type: 'string', multiple: true },
    mentions: { type: 'string' },
    settings: { type: 'string' },
    now: { type: 'string' },
    explain: { type: 'boolean' },
  },
  allowPositionals: false,
} as const;

const NowSchema = MentionSchema.shape.createdAt;

async function explainStep(engine: RuleEngine, step: ReplayStep): Promise<Trace & { escalation?: Trace }> {
  const ingest = await engine.explain('ingest', step.ingest);
  const trace: Trace & { escalation?: Trace } = { rules: ingest.rules, paths: ingest.paths };
  if (step.escalation) {
    const escalation = await engine.explain('escalation', step.escalation);
    trace.escalation = { rules: escalation.rules, paths: escalation.paths };
  }
  return trace;
}

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseOptions(simulate, args, config);
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }
  if (values.mentions === undefined) throw usageError(simulate, 'the option --mentions FILE is required');
  if (values.now !== undefined && !NowSchema.safeParse(values.now).success) {
    throw usageError(simulate, `--now “${values.now}” is not an ISO 8601 date-time with an offset, e.g. 2025-03-01T10:00:00Z`);
  }
  const overrides = parseParameterOverrides(simulate, values.param);
  const settings = loadSettings(values.settings, io.cwd);
  if (values.compare !== undefined) return runComparison(values, overrides, settings, io);
  const { workflows } = loadRules(rulePaths(values.packs, io.cwd), overrides, io.cwd);
  const batch = readMentions(values.mentions, io);

  const engine = new RuleEngine({ workflows, settings });
  const replay = new Replay(engine, values.now !== undefined ? { now: values.now } : {});
  const steps: ReplayStep[] = new Array(batch.records.length);
  const entries = batch.records.map((record, index): { mention: Mention; index: number } => ({ mention: record.value, index }));
  for (const entry of inArrivalOrder(entries)) steps[entry.index] = replay.step(entry.mention);

  const lines: string[] = [];
  for (const step of steps) {
    lines.push(JSON.stringify(values.explain ? { ...step.decision, explanation: await explainStep(engine, step) } : step.decision));
  }
  if (lines.length > 0) io.out(lines);
  return batch.rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}

function readMentions(file: string, io: Io): InputBatch<Mention> {
  const batch = readInput(file, 'mentions file', io.cwd, (text, format) => readRecords(text, MentionSchema, format));
  reportRejected(io, batch.rejected);
  return batch;
}

// ---------------------------------------------------------------------------------------------------------------
// --compare: the same mentions through two rule sets, one line per mention as it is decided, then the summary.

/** Load one side's rules with the `--param` overrides of the packs it holds (the other side may hold the rest). */
function loadSide(paths: readonly string[], overrides: ParameterOverrides, cwd: string): LoadedRules {
  const found = loadRules(paths, new Map(), cwd);
  const ids = new Set(found.packs.values());
  const own = new Map([...overrides].filter(([packId]) => ids.has(packId)));
  return own.size > 0 ? loadRules(paths, own, cwd) : found;
}

type Values = { mentions?: string; packs?: string[]; compare?: string[]; now?: string; explain?: boolean };

async function runComparison(values: Values, overrides: ParameterOverrides, settings: Settings, io: Io): Promise<number> {
  const baseline = loadSide(rulePaths(values.packs, io.cwd), overrides, io.cwd);
  const candidate = loadSide(values.compare!, overrides, io.cwd);
  const loaded = new Set([...baseline.packs.values(), ...candidate.packs.values()]);
  const unknown = [...overrides.keys()].filter((packId) => !loaded.has(packId));
  if (unknown.length > 0) throw new FatalError(unknown.map((packId) => `--param: no pack with the id “${packId}” is loaded`));
  const batch = readMentions(values.mentions!, io);

  const before = new RuleEngine({ workflows: baseline.workflows, settings });
  const after = new RuleEngine({ workflows: replaceWorkflows(baseline.workflows, candidate.workflows), settings });
  const summary = new ComparisonSummary();
  const mentions = batch.records.map((record) => record.value);
  let lines: string[] = [];
  for (const row of compareInInputOrder(mentions, before, after, values.now !== undefined ? { now: values.now } : {})) {
    summary.add(row.before.decision, row.after.decision, row.change);
    const line = { mentionId: row.mention.id, before: row.before.decision, after: row.after.decision, change: row.change };
    const explanation = values.explain ? { before: await explainStep(before, row.before), after: await explainStep(after, row.after) } : undefined;
    lines.push(JSON.stringify(explanation ? { ...line, explanation } : line));
    if (lines.length >= 1000) {
      io.out(lines);
      lines = [];
    }
  }
  if (lines.length > 0) io.out(lines);
  io.err(formatSummary(summary.toJSON()));
  return batch.rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}

const signed = (value: number): string => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '');

/** A table with a header row; the first column left-aligned, the others right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: readonly string[]) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`.trimEnd();
  return [format(header), ...rows.map(format)];
}

function counts(title: string, keys: readonly string[], before: Record<string, number>, after: Record<string, number>): string[] {
  const rows = keys.map((key) => [key, String(before[key] ?? 0), String(after[key] ?? 0), signed((after[key] ?? 0) - (before[key] ?? 0))]);
  return ['', ...table([title, 'before', 'after', 'change'], rows)];
}

function matrix(title: string, keys: readonly string[], cells: Record<string, Record<string, number>>): string[] {
  const from = keys.filter((key) => cells[key] !== undefined);
  const to = keys.filter((key) => from.some((row) => cells[row]![key] !== undefined));
  const rows = from.map((row) => [row, ...to.map((column) => String(cells[row]![column] ?? 0))]);
  return ['', `${title}, before → after (rows: before, columns: after):`, ...table(['', ...to], rows)];
}

/** The API's change summary as text for a person: totals, queues and priorities before → after, the from → to tables. */
export function formatSummary(summary: ComparisonSummaryJson): string[] {
  const share = summary.total > 0 ? ` (${((summary.changed / summary.total) * 100).toFixed(1)}%)` : '';
  const queues = [...new Set([...Object.keys(summary.byQueue.before), ...Object.keys(summary.byQueue.after)])];
  return [
    `Compared ${summary.total} mention${summary.total === 1 ? '' : 's'}: ${summary.changed} changed${share}`,
    ...counts('queue', queues, summary.byQueue.before, summary.byQueue.after),
    ...counts('priority', PRIORITIES, summary.byPriority.before, summary.byPriority.after),
    ...matrix('Queue', queues, summary.matrix.queue),
    ...matrix('Priority', PRIORITIES, summary.matrix.priority),
  ];
}

export const simulate: Command = {
  name,
  usage,
  summary: 'decide a batch of mentions (NDJSON, JSON or CSV) with the rules, one decision per line',
  help,
  run,
};
