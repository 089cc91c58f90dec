// `mentionflow simulate`: decide a batch of mentions offline, as the live server would, one NDJSON decision per mention.
import { MentionSchema, Replay, RuleEngine, inArrivalOrder, readRecords, type Decision, type Explanation, type Mention, type ReplayStep } from '@mentionflow/engine';
import { EXIT, type Command } from '../command.ts';
import type { Io } from '../io.ts';
import { loadRules, parseParameterOverrides, rulePaths } from '../load-rules.ts';
import { COMMON_OPTIONS, RULE_OPTIONS, parseOptions, usageError } from '../options.ts';
import { readInput, reportRejected } from '../read-input.ts';
import { loadSettings } from '../settings.ts';

type Trace = Omit<Explanation<Decision>, 'decision'>;

const name = 'mentionflow simulate';
const usage = `${name} --mentions FILE [--packs DIR|FILE …] [--param PACK.NAME=VALUE …] [--settings FILE] [--now ISO] [--explain]`;

const help = `Usage: ${usage}

Decide a batch of mentions offline, as the live server would, and print one decision per
mention on stdout (NDJSON), in input order.

Mentions are replayed in createdAt order through one replay, so volume windows fill and drain
and incidents stay open across the batch, exactly as they would live.

Options:
  --mentions FILE          the mentions: NDJSON, a JSON array, or CSV with a header row whose
                           dotted names build nested fields (author.handle, author.followers);
                           the format comes from the extension, else the content; "-" is stdin
  --packs DIR|FILE         the rules: a rule pack, a workflow, or a JSON array of workflows;
                           a directory loads its *.json files by name (not *.schema.json).
                           Repeatable. Default: ./rules
  --param PACK.NAME=VALUE  override a pack parameter; VALUE is JSON when it parses, else text.
                           Repeatable.
  --settings FILE          workspace settings (JSON); default: no brand, UTC, Mon–Fri 09:00–17:00
  --now ISO                the current time (ISO 8601 with an offset, e.g. 2025-03-01T10:00:00Z):
                           unanswered mentions (no firstResponseAt) also go through the
                           escalation workflows at this time
  --explain                add an "explanation" to each line: every rule with each condition's
                           fact value and result, and the path each workflow took
  -h, --help               show this help

Exit status: 0 when every mention was decided; 1 on a usage or fatal error (bad rules, bad
settings, unreadable file); 2 when some lines were rejected (each reported on stderr as
"line N: reason") and the others decided.`;

const config = {
  options: {
    ...COMMON_OPTIONS,
    ...RULE_OPTIONS,
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
  const { workflows } = loadRules(rulePaths(values.packs, io.cwd), overrides, io.cwd);
  const batch = readInput(values.mentions, 'mentions file', io.cwd, (text, format) => readRecords(text, MentionSchema, format));
  reportRejected(io, batch.rejected);

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

export const simulate: Command = {
  name,
  usage,
  summary: 'decide a batch of mentions (NDJSON, JSON or CSV) with the rules, one decision per line',
  help,
  run,
};
