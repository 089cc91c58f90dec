// Comparing the published rules with a candidate (a workflow's draft, or drafts given with the request) over the
// same mentions, streamed one line at a time. Both sides replay with the engine's Replay in createdAt order, each
// with its own volume windows and incidents, and nothing is written anywhere: this module only reads.
//
// Order and memory: rows go out in input order. Mentions given in the request (an array, a file's text, a pack's
// sample set) are already in memory; the engine's `compareInInputOrder` replays them in time order and holds a
// row only while an earlier input is still to come (whole up to 1,000 rows, then as a few hundred bytes of replay
// context that is decided again on its turn). Stored mentions are read page by page already in createdAt order,
// which is their input order, so no row ever waits: memory does not grow with the number of mentions.
import { and, asc, count, eq, exists, gt, gte, isNull, lt, lte, max, or, sql, type SQL } from 'drizzle-orm';
import {
  ComparisonReplay,
  ComparisonSummary,
  MentionSchema,
  NO_QUEUE,
  Replay,
  RuleEngine,
  compareInInputOrder,
  compileWorkflow,
  describeIssue,
  replaceWorkflows,
  jsonPath,
  readRecords,
  type ComparedMention,
  type ComparisonSummaryJson,
  type CompiledWorkflow,
  type Decision,
  type DecisionChange,
  type Explanation,
  type Mention,
  type Pack,
  type Problem,
  type ReplayStep,
  type Settings,
} from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { decisions, mentions, packs } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import type { Rulebook } from './rulebook.ts';
import type { SettingsStore } from './settings-store.ts';
import type { WorkflowStore } from './workflow-store.ts';

export const MAX_COMPARED_MENTIONS = 100_000;
export const DEFAULT_STORED_LIMIT = 5_000;
/** Explanations trace every rule on both sides (~100 KB and tens of ms each): larger runs are refused with explain. */
export const MAX_EXPLAINED_COMPARISONS = 500;
const PROGRESS_EVERY = 200;
/** The replay gives the event loop a turn this often, so live ingest keeps flowing during a long comparison. */
const REST_AFTER_MS = 10;
const STORED_PAGE = 500;

export interface ComparisonDeps {
  readonly db: Db;
  readonly rulebook: Rulebook;
  readonly settings: SettingsStore;
  readonly workflows: WorkflowStore;
}

/** What replaces the published rules: a stored workflow's draft and/or given drafts (same id replaces, new id adds). */
export interface CandidateRequest {
  readonly workflowId?: string;
  readonly workflows?: readonly unknown[];
}

export interface StoredSelection {
  /** Received at or after (ISO). */
  readonly from?: string;
  /** Received before (ISO). */
  readonly to?: string;
  readonly channel?: string;
  /** The queue of the stored decision; `(none)` for unrouted mentions. */
  readonly queue?: string;
  readonly tag?: string;
  /** The most recent matching mentions (by createdAt) up to this many. */
  readonly limit?: number;
}

export interface ComparisonRequest {
  readonly mentions?: readonly unknown[];
  readonly text?: string;
  readonly stored?: StoredSelection;
  readonly packId?: string;
  readonly candidate: CandidateRequest;
  readonly now?: string;
  readonly explain?: boolean;
}

export type Rejected = { line: number; message: string } | { index: number; message: string };

export type MentionSource =
  | { readonly kind: 'memory'; readonly mentions: readonly Mention[]; /** Lines of the text they were read from. */ readonly lines?: readonly number[] }
  | { readonly kind: 'stored'; readonly total: number; pages(): AsyncGenerator<Mention[]> };

/** A comparison ready to run: everything that can be refused has been checked. */
export interface Comparison {
  readonly baseline: RuleEngine;
  readonly candidate: RuleEngine;
  /** The published version of each baseline workflow. */
  readonly versions: Readonly<Record<string, number>>;
  /** The workflows the candidate replaces or adds. */
  readonly changed: readonly string[];
  readonly source: MentionSource;
  readonly rejected: readonly Rejected[];
  readonly now?: string;
  readonly explain: boolean;
}

type Trace = Omit<Explanation<Decision>, 'decision'>;
export type StepTrace = Trace & { escalation?: Trace };

export type CompareLine =
  | { type: 'start'; total: number; rejected: readonly Rejected[]; baseline: { workflows: Readonly<Record<string, number>> }; candidate: { workflows: readonly string[] } }
  | { type: 'row'; index: number; line?: number; mentionId: string; channel: string; text: string; before: Decision; after: Decision; change: DecisionChange; explanation?: { before: StepTrace; after: StepTrace } }
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'summary' } & ComparisonSummaryJson)
  | { type: 'error'; error: 'internal_error'; message: string };

const fieldError = (field: string, message: string): ApiError => new ApiError(422, 'validation_failed', `${field}: ${message}`, [{ field, message }]);

// ---------------------------------------------------------------------------------------------------------------
// Rules: the published workflows, and the candidate with drafts in place of their published versions.

export interface ComparedRules {
  readonly baseline: readonly CompiledWorkflow[];
  readonly versions: Readonly<Record<string, number>>;
  readonly candidate: CompiledWorkflow[];
  readonly changed: string[];
  readonly settings: Settings;
}

/** Compile the candidate; every problem of every draft is a 422 with its path, before anything runs. */
export async function resolveRules(candidate: CandidateRequest, deps: ComparisonDeps): Promise<ComparedRules> {
  const { engine, versions } = await deps.rulebook.rules();
  const problems: Record<string, unknown>[] = [];
  const replacements: CompiledWorkflow[] = [];
  const origin = new Map<string, string>();
  const compileOne = async (workflow: unknown, where: string, prefix: readonly (string | number)[]) => {
    const id = (workflow as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const earlier = origin.get(id);
      if (earlier !== undefined) {
        problems.push({ path: `${where}.id`, workflowId: id, message: `the workflow “${id}” is already in the candidate (${earlier})`, code: 'duplicate_id' });
        return;
      }
      origin.set(id, where);
    }
    const result = compileWorkflow(workflow, { parameters: typeof id === 'string' ? await deps.workflows.parametersFor(id) : {} });
    if (result.ok) replacements.push(result.workflow);
    else for (const found of result.problems) if (found.severity === 'error') problems.push(describeProblem(workflow, found, where, prefix));
  };

  if (candidate.workflowId !== undefined) {
    const id = candidate.workflowId;
    const draft = await deps.workflows.get(id).catch((error: unknown) => {
      throw error instanceof ApiError && error.status === 404 ? fieldError('candidate.workflowId', `no workflow “${id}”`) : error;
    });
    await compileOne({ id, name: draft.name, kind: draft.kind, description: draft.description, graph: draft.graph }, 'candidate.workflowId', []);
  }
  for (const [index, workflow] of (candidate.workflows ?? []).entries()) {
    await compileOne(workflow, `candidate.workflows[${index}]`, ['candidate', 'workflows', index]);
  }
  if (problems.length > 0) throw new ApiError(422, 'not_publishable', `the candidate rules have ${problems.length} problem(s)`, { problems });
  return {
    baseline: engine.workflows,
    versions,
    candidate: replaceWorkflows(engine.workflows, replacements),
    changed: replacements.map((workflow) => workflow.workflowId),
    settings: await deps.settings.get(),
  };
}

/** A compiler problem with its JSON path in the request (given drafts) and the node or edge it is about. */
function describeProblem(workflow: unknown, found: Problem, where: string, prefix: readonly (string | number)[]): Record<string, unknown> {
  const graph = (workflow as { graph?: { nodes?: unknown; edges?: unknown } } | null)?.graph;
  const nodes = Array.isArray(graph?.nodes) ? (graph.nodes as { id?: unknown }[]) : [];
  const edges = Array.isArray(graph?.edges) ? (graph.edges as { id?: unknown }[]) : [];
  const nodeIndex = found.nodeId === undefined ? -1 : nodes.findIndex((node) => node?.id === found.nodeId);
  const edgeIndex = found.edgeId === undefined ? -1 : edges.findIndex((edge) => edge?.id === found.edgeId);
  let keys: (string | number)[] = [...(found.path ?? [])];
  if (edgeIndex >= 0) keys = ['graph', 'edges', edgeIndex];
  else if (nodeIndex >= 0) keys = ['graph', 'nodes', nodeIndex, 'data', ...keys];
  const path = prefix.length > 0 ? jsonPath([...prefix, ...keys]) : keys.length > 0 ? `${where} → ${jsonPath(keys)}` : where;
  const id = (workflow as { id?: unknown } | null)?.id;
  return {
    path,
    message: found.message,
    code: found.code,
    ...(typeof id === 'string' ? { workflowId: id } : {}),
    ...(found.nodeId !== undefined ? { nodeId: found.nodeId } : {}),
    ...(found.edgeId !== undefined ? { edgeId: found.edgeId } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Mentions: given (an array or a file's text), an installed pack's sample set, or stored ones replayed.

function readGiven(request: ComparisonRequest): { source: MentionSource; rejected: Rejected[] } {
  const accepted: Mention[] = [];
  const lines: number[] = [];
  const rejected: Rejected[] = [];
  const firstSeen = new Map<string, string>();
  const accept = (mention: Mention, where: string, reject: (message: string) => void): boolean => {
    const key = `${mention.channel}\u0000${mention.id}`;
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      reject(`id: the mention “${mention.id}” on ${mention.channel} is already in the batch (${earlier}); the live server would treat it as a redelivery`);
      return false;
    }
    firstSeen.set(key, where);
    accepted.push(mention);
    return true;
  };
  if (request.text !== undefined) {
    if (request.text.trim() === '') throw fieldError('text', 'no mentions in the text');
    const read = readRecords(request.text, MentionSchema);
    const total = read.valid.length + read.rejected.length;
    if (total > MAX_COMPARED_MENTIONS) throw fieldError('text', `a comparison runs at most ${MAX_COMPARED_MENTIONS} mentions (the text has ${total})`);
    if (total === 0) throw fieldError('text', 'no mentions in the text');
    const events: ({ line: number; value: Mention } | { line: number; message: string })[] = [...read.valid, ...read.rejected];
    events.sort((a, b) => a.line - b.line);
    for (const event of events) {
      if ('message' in event) rejected.push({ line: event.line, message: event.message });
      else if (accept(event.value, `line ${event.line}`, (message) => rejected.push({ line: event.line, message }))) lines.push(event.line);
    }
    return { source: { kind: 'memory', mentions: accepted, lines }, rejected };
  }
  const items = request.mentions ?? [];
  if (items.length === 0) throw fieldError('mentions', 'the batch is empty');
  items.forEach((item, index) => {
    const parsed = MentionSchema.safeParse(item);
    if (!parsed.success) rejected.push({ index, message: parsed.error.issues.map(describeIssue).join('; ') });
    else accept(parsed.data, `index ${index}`, (message) => rejected.push({ index, message }));
  });
  return { source: { kind: 'memory', mentions: accepted }, rejected };
}

/** The test mentions of an installed pack's manifest, each test's history then its mention; a repeated mention once. */
async function readPackSamples(packId: string, db: Db): Promise<MentionSource> {
  const [row] = await db.select({ manifest: packs.manifest }).from(packs).where(eq(packs.id, packId));
  if (!row) throw fieldError('packId', `no installed pack “${packId}”`);
  const seen = new Set<string>();
  const samples: Mention[] = [];
  for (const test of (row.manifest as unknown as Pack).tests ?? []) {
    for (const candidate of [...(test.history ?? []), ...(test.mention ? [test.mention] : [])]) {
      const parsed = MentionSchema.safeParse(candidate);
      const key = parsed.success ? `${parsed.data.channel}\u0000${parsed.data.id}` : '';
      if (!parsed.success || seen.has(key)) continue;
      seen.add(key);
      samples.push(parsed.data);
    }
  }
  if (samples.length === 0) throw fieldError('packId', `the pack “${packId}” has no test mentions`);
  return { kind: 'memory', mentions: samples };
}

/** Stored mentions matching the selection, frozen at the moment of the request, read in pages in createdAt order. */
async function readStored(selection: StoredSelection, db: Db): Promise<MentionSource> {
  const [latest] = await db.select({ seq: max(mentions.seq) }).from(mentions);
  const conditions: SQL[] = [lte(mentions.seq, latest?.seq ?? 0)];
  if (selection.from !== undefined) conditions.push(gte(mentions.receivedAt, Date.parse(selection.from)));
  if (selection.to !== undefined) conditions.push(lt(mentions.receivedAt, Date.parse(selection.to)));
  if (selection.channel !== undefined) conditions.push(eq(mentions.channel, selection.channel));
  const decided: SQL[] = [];
  if (selection.queue !== undefined) decided.push(selection.queue === NO_QUEUE ? isNull(decisions.queue) : eq(decisions.queue, selection.queue));
  if (selection.tag !== undefined) decided.push(sql`EXISTS (SELECT 1 FROM json_each(${decisions.tags}) WHERE json_each.value = ${selection.tag})`);
  if (decided.length > 0) {
    const ingestDecision = and(eq(decisions.channel, mentions.channel), eq(decisions.mentionId, mentions.id), eq(decisions.stage, 'ingest'));
    conditions.push(exists(db.select({ one: sql`1` }).from(decisions).where(and(ingestDecision, ...decided))));
  }

  const limit = selection.limit ?? DEFAULT_STORED_LIMIT;
  const [counted] = await db.select({ total: count() }).from(mentions).where(and(...conditions));
  const matching = counted?.total ?? 0;
  const total = Math.min(matching, limit);
  const inOrder = [asc(mentions.createdAt), asc(mentions.seq)];
  // The most recent `limit` mentions: start at the first of them, inclusive.
  let cursor: { createdAt: number; seq: number; inclusive: boolean } | undefined;
  if (matching > limit) {
    const [first] = await db.select({ createdAt: mentions.createdAt, seq: mentions.seq }).from(mentions).where(and(...conditions)).orderBy(...inOrder).limit(1).offset(matching - limit);
    if (first) cursor = { ...first, inclusive: true };
  }
  async function* pages(): AsyncGenerator<Mention[]> {
    let remaining = total;
    while (remaining > 0) {
      const after = cursor
        ? or(gt(mentions.createdAt, cursor.createdAt), and(eq(mentions.createdAt, cursor.createdAt), cursor.inclusive ? gte(mentions.seq, cursor.seq) : gt(mentions.seq, cursor.seq)))
        : undefined;
      const rows = await db
        .select({ createdAt: mentions.createdAt, seq: mentions.seq, payload: mentions.payload })
        .from(mentions)
        .where(and(...conditions, after))
        .orderBy(...inOrder)
        .limit(Math.min(STORED_PAGE, remaining));
      const last = rows[rows.length - 1];
      if (!last) return;
      remaining -= rows.length;
      cursor = { createdAt: last.createdAt, seq: last.seq, inclusive: false };
      yield rows.map((row) => row.payload as unknown as Mention);
    }
  }
  return { kind: 'stored', total, pages };
}

const sizeOf = (source: MentionSource): number => (source.kind === 'memory' ? source.mentions.length : source.total);

/** Check and load everything; any refusal (422) happens here, before the first line is sent. */
export async function prepareComparison(request: ComparisonRequest, deps: ComparisonDeps): Promise<Comparison> {
  const rules = await resolveRules(request.candidate, deps);
  let read: { source: MentionSource; rejected: Rejected[] };
  if (request.stored !== undefined) read = { source: await readStored(request.stored, deps.db), rejected: [] };
  else if (request.packId !== undefined) read = { source: await readPackSamples(request.packId, deps.db), rejected: [] };
  else read = readGiven(request);
  const total = sizeOf(read.source);
  if (request.explain && total > MAX_EXPLAINED_COMPARISONS) {
    throw fieldError('explain', `explanations are given for at most ${MAX_EXPLAINED_COMPARISONS} mentions at a time (this run has ${total}): compare without explain, then explain the mentions you want to look at`);
  }
  return {
    baseline: new RuleEngine({ workflows: rules.baseline, settings: rules.settings }),
    candidate: new RuleEngine({ workflows: rules.candidate, settings: rules.settings }),
    versions: rules.versions,
    changed: rules.changed,
    source: read.source,
    rejected: read.rejected,
    ...(request.now !== undefined ? { now: request.now } : {}),
    explain: request.explain ?? false,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Running: lines as the replay produces them.

async function traceOf(engine: RuleEngine, step: ReplayStep): Promise<StepTrace> {
  const ingest = await engine.explain('ingest', step.ingest);
  const trace: StepTrace = { rules: ingest.rules, paths: ingest.paths };
  if (step.escalation) {
    const escalation = await engine.explain('escalation', step.escalation);
    trace.escalation = { rules: escalation.rules, paths: escalation.paths };
  }
  return trace;
}

/** Mentions in memory are compared synchronously (no promise per mention); stored ones as their pages arrive. */
function comparedMentions(run: Comparison): Iterable<ComparedMention> | AsyncIterable<ComparedMention> {
  const options = run.now !== undefined ? { now: run.now } : {};
  if (run.source.kind === 'memory') return compareInInputOrder(run.source.mentions, run.baseline, run.candidate, options);
  return comparedPages(run.source.pages(), new ComparisonReplay(run.baseline, run.candidate, options));
}

async function* comparedPages(pages: AsyncIterable<Mention[]>, replay: ComparisonReplay): AsyncGenerator<ComparedMention> {
  let index = 0;
  for await (const page of pages) {
    for (const mention of page) yield { index: index++, mention, ...replay.step(mention) };
  }
}

const rest = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface RunOptions {
  /** Aborted when the client goes away: the run stops at the next mention. */
  readonly signal?: AbortSignal;
  /** Called once when the run ends, finished or not (for logs). */
  readonly onEnd?: (outcome: { completed: boolean; done: number; total: number }) => void;
}

/** The comparison's lines: start, one row per mention in input order with progress every 200, then the summary. */
export async function* comparisonLines(run: Comparison, options: RunOptions = {}): AsyncGenerator<CompareLine, void, undefined> {
  const total = sizeOf(run.source);
  const lines = run.source.kind === 'memory' ? run.source.lines : undefined;
  let done = 0;
  let completed = false;
  try {
    yield { type: 'start', total, rejected: run.rejected, baseline: { workflows: run.versions }, candidate: { workflows: run.changed } };
    const summary = new ComparisonSummary();
    let rested = performance.now();
    for await (const item of comparedMentions(run)) {
      if (options.signal?.aborted) return;
      summary.add(item.before.decision, item.after.decision, item.change);
      const line = lines?.[item.index];
      yield {
        type: 'row',
        index: item.index,
        ...(line !== undefined ? { line } : {}),
        mentionId: item.mention.id,
        channel: item.mention.channel,
        text: item.mention.text,
        before: item.before.decision,
        after: item.after.decision,
        change: item.change,
        ...(run.explain ? { explanation: { before: await traceOf(run.baseline, item.before), after: await traceOf(run.candidate, item.after) } } : {}),
      };
      done += 1;
      if (done % PROGRESS_EVERY === 0 && done < total) yield { type: 'progress', done, total };
      if (performance.now() - rested >= REST_AFTER_MS) {
        await rest();
        rested = performance.now();
      }
    }
    if (options.signal?.aborted) return;
    completed = true;
    yield { type: 'summary', ...summary.toJSON() };
  } finally {
    options.onEnd?.({ completed, done, total });
  }
}

/**
 * Lines as NDJSON text in chunks: a chunk goes out at 64 KB, after 20 ms, or with any line that is not a row, so
 * the client sees progress promptly without one write per row.
 */
export async function* ndjsonChunks(lines: AsyncIterable<CompareLine>, maxBytes = 64 * 1024, maxMs = 20): AsyncGenerator<string, void, undefined> {
  let buffer = '';
  let since = performance.now();
  for await (const line of lines) {
    buffer += `${JSON.stringify(line)}\n`;
    if (line.type !== 'row' || buffer.length >= maxBytes || performance.now() - since >= maxMs) {
      yield buffer;
      buffer = '';
      since = performance.now();
    }
  }
  if (buffer) yield buffer;
}

// ---------------------------------------------------------------------------------------------------------------
// One mention explained on both sides (the editor's explanation panel, when the run was not explained).

export type MentionExplanation = Explanation<Decision> & { escalation?: Trace };

/** The mention replayed alone (no stream before it: volumes count it only, no incident is open). */
export async function explainMention(mention: Mention, rules: ComparedRules, now?: string): Promise<{ before: MentionExplanation; after: MentionExplanation }> {
  const side = async (workflows: readonly CompiledWorkflow[]): Promise<MentionExplanation> => {
    const engine = new RuleEngine({ workflows, settings: rules.settings });
    const step = new Replay(engine, now !== undefined ? { now } : {}).step(mention);
    return { decision: step.decision, ...(await traceOf(engine, step)) };
  };
  return { before: await side(rules.baseline), after: await side(rules.candidate) };
}
