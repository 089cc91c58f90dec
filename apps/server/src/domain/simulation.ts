// Simulation: run a batch of mentions through the published workflows (or drafts given with the request) the
// way `mentionflow simulate` does, with the engine's Replay: in createdAt order, volume windows filling and
// draining and incidents opening over the replayed stream only. Nothing is stored: no mention, decision, ticket,
// incident or event, and the live volume windows are not touched.
import {
  MentionSchema,
  PRIORITIES,
  Replay,
  RuleEngine,
  compilePack,
  compileWorkflow,
  describeIssue,
  inArrivalOrder,
  jsonPath,
  readRecords,
  type CompiledWorkflow,
  type Decision,
  type Explanation,
  type Mention,
  type Priority,
  type Problem,
  type RecordFormat,
  type Settings,
} from '@mentionflow/engine';
import type { Rulebook } from './rulebook.ts';
import type { SettingsStore } from './settings-store.ts';
import type { TemplateStore } from './template-store.ts';
import { ApiError } from '../http/api-error.ts';

export const MAX_SIMULATED_MENTIONS = 5000;
/**
 * Explanations trace every rule of every workflow: with the starter packs one is ~100 KB and takes ~50 ms, so
 * 5,000 of them would be a 500 MB answer after minutes of work. Larger batches are refused with explain.
 */
export const MAX_EXPLAINED_MENTIONS = 200;
/** The replay yields to the event loop this often, so live ingest keeps flowing during a large simulation. */
const YIELD_EVERY = 50;

export interface SimulationRequest {
  readonly mentions?: readonly unknown[];
  readonly text?: string;
  readonly format?: RecordFormat;
  readonly workflows?: readonly unknown[];
  readonly packs?: readonly unknown[];
  readonly settings?: Settings;
  readonly now?: string;
  readonly explain?: boolean;
}

export type Rejected = { line: number; message: string } | { index: number; message: string };

type Trace = Omit<Explanation<Decision>, 'decision'>;
export type SimulatedDecision = Decision & { explanation?: Trace & { escalation?: Trace } };

export interface SimulationResult {
  decisions: SimulatedDecision[];
  rejected: Rejected[];
  summary: {
    total: number;
    rejected: number;
    byQueue: Record<string, number>;
    byPriority: Record<Priority, number>;
    /** Topics with an incident the replay opened (the live incidents are not touched). */
    incidents: string[];
  };
  rules: { source: 'published' | 'given'; workflows: { id: string; name: string; kind: string; version?: number }[] };
  format?: RecordFormat;
}

export interface RuleProblem {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** The queue key for mentions no rule routed (queue names are slugs, so it cannot clash). */
export const UNROUTED = '(none)';

export interface SimulationDeps {
  readonly rulebook: Rulebook;
  readonly settings: SettingsStore;
  readonly templates: TemplateStore;
}

export async function simulate(request: SimulationRequest, deps: SimulationDeps): Promise<SimulationResult> {
  const batch = readMentions(request);
  if (request.explain && batch.entries.length > MAX_EXPLAINED_MENTIONS) {
    const message = `explanations are given for at most ${MAX_EXPLAINED_MENTIONS} mentions at a time (this batch has ${batch.entries.length}): simulate the batch without explain, then explain the mentions you want to look at`;
    throw new ApiError(422, 'validation_failed', `explain: ${message}`, [{ field: 'explain', message }]);
  }
  const given = request.workflows !== undefined || request.packs !== undefined;
  const workflows = given ? compileGiven(request.workflows ?? [], request.packs ?? []) : (await deps.rulebook.rules()).engine.workflows;
  const settings = request.settings ?? (await deps.settings.get());
  const engine = new RuleEngine({ workflows, settings });
  const replay = new Replay(engine, request.now !== undefined ? { now: request.now } : {});
  await deps.templates.ready;

  const steps: ReturnType<Replay['step']>[] = new Array(batch.entries.length);
  let done = 0;
  for (const entry of inArrivalOrder(batch.entries)) {
    steps[entry.position] = replay.step(entry.mention);
    if (++done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  const decisions: SimulatedDecision[] = [];
  for (const [position, step] of steps.entries()) {
    const mention = batch.entries[position]!.mention;
    // Escalation actions are decided at `now`; everything else when the mention arrived.
    const at = step.escalation && request.now !== undefined ? Date.parse(request.now) : Date.parse(mention.createdAt);
    const decision: SimulatedDecision = deps.templates.decorate(mention, step.decision, settings, at);
    if (request.explain) decision.explanation = await explainStep(engine, step);
    decisions.push(decision);
  }

  const byPriority = Object.fromEntries(PRIORITIES.map((priority) => [priority, 0])) as Record<Priority, number>;
  const byQueue: Record<string, number> = {};
  for (const decision of decisions) {
    byPriority[decision.priority] += 1;
    const queue = decision.queue ?? UNROUTED;
    byQueue[queue] = (byQueue[queue] ?? 0) + 1;
  }
  return {
    decisions,
    rejected: batch.rejected,
    summary: { total: decisions.length, rejected: batch.rejected.length, byQueue, byPriority, incidents: [...replay.openIncidents] },
    rules: {
      source: given ? 'given' : 'published',
      workflows: workflows.map((workflow) => ({ id: workflow.workflowId, name: workflow.name, kind: workflow.kind, ...(workflow.version !== undefined ? { version: workflow.version } : {}) })),
    },
    ...(batch.format ? { format: batch.format } : {}),
  };
}

async function explainStep(engine: RuleEngine, step: ReturnType<Replay['step']>): Promise<Trace & { escalation?: Trace }> {
  const ingest = await engine.explain('ingest', step.ingest);
  const trace: Trace & { escalation?: Trace } = { rules: ingest.rules, paths: ingest.paths };
  if (step.escalation) {
    const escalation = await engine.explain('escalation', step.escalation);
    trace.escalation = { rules: escalation.rules, paths: escalation.paths };
  }
  return trace;
}

// ---------------------------------------------------------------------------------------------------------------
// Mentions: a JSON array of mention objects, or a file's text (NDJSON, JSON array or CSV).

interface Entry {
  readonly mention: Mention;
  /** Position among the accepted mentions (= position of the decision in the answer). */
  readonly position: number;
}

function readMentions(request: SimulationRequest): { entries: Entry[]; rejected: Rejected[]; format?: RecordFormat } {
  const entries: Entry[] = [];
  const rejected: Rejected[] = [];
  const firstSeen = new Map<string, string>();
  const accept = (mention: Mention, where: string, reject: (message: string) => void) => {
    const key = `${mention.channel}\u0000${mention.id}`;
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      reject(`id: the mention “${mention.id}” on ${mention.channel} is already in the batch (${earlier}); the live server would treat it as a redelivery`);
      return;
    }
    firstSeen.set(key, where);
    entries.push({ mention, position: entries.length });
  };

  if (request.text !== undefined) {
    const read = readRecords(request.text, MentionSchema, request.format);
    const total = read.valid.length + read.rejected.length;
    if (total > MAX_SIMULATED_MENTIONS) throw tooMany(total);
    const events: ({ line: number; value: Mention } | { line: number; message: string })[] = [...read.valid, ...read.rejected];
    events.sort((a, b) => a.line - b.line);
    for (const event of events) {
      if ('message' in event) rejected.push({ line: event.line, message: event.message });
      else accept(event.value, `line ${event.line}`, (message) => rejected.push({ line: event.line, message }));
    }
    if (entries.length === 0 && rejected.length === 0) throw new ApiError(422, 'validation_failed', 'text: no mentions in the text', [{ field: 'text', message: 'no mentions in the text' }]);
    return { entries, rejected, format: read.format };
  }

  const items = request.mentions ?? [];
  if (items.length > MAX_SIMULATED_MENTIONS) throw tooMany(items.length);
  items.forEach((item, index) => {
    const parsed = MentionSchema.safeParse(item);
    if (!parsed.success) rejected.push({ index, message: parsed.error.issues.map(describeIssue).join('; ') });
    else accept(parsed.data, `index ${index}`, (message) => rejected.push({ index, message }));
  });
  return { entries, rejected };
}

function tooMany(count: number): ApiError {
  return new ApiError(413, 'payload_too_large', `a simulation runs at most ${MAX_SIMULATED_MENTIONS} mentions (got ${count})`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rules given with the request: workflows (drafts) and packs, compiled like the CLI compiles files.

function compileGiven(workflows: readonly unknown[], packs: readonly unknown[]): CompiledWorkflow[] {
  const problems: RuleProblem[] = [];
  const compiled: CompiledWorkflow[] = [];
  const origin = new Map<string, string>();
  const add = (workflow: CompiledWorkflow, where: string) => {
    const earlier = origin.get(workflow.workflowId);
    if (earlier !== undefined) {
      problems.push({ path: `${where}.id`, message: `the workflow id “${workflow.workflowId}” is already used by ${earlier}`, code: 'duplicate_id' });
      return;
    }
    origin.set(workflow.workflowId, where);
    compiled.push(workflow);
  };

  workflows.forEach((workflow, index) => {
    // A repeated id is reported even when the first workflow with it does not compile.
    const id = (workflow as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const earlier = origin.get(id);
      if (earlier !== undefined) problems.push({ path: `workflows[${index}].id`, message: `the workflow id “${id}” is already used by ${earlier}`, code: 'duplicate_id' });
      else origin.set(id, `workflows[${index}]`);
    }
    const result = compileWorkflow(workflow);
    if (!result.ok) {
      for (const found of result.problems) {
        if (found.severity === 'error') problems.push({ path: problemPath(workflow, found, ['workflows', index]), message: found.message, code: found.code });
      }
    } else if (origin.get(result.workflow.workflowId) === `workflows[${index}]`) compiled.push(result.workflow);
  });
  packs.forEach((pack, index) => {
    const result = compilePack(pack);
    if (!result.ok) {
      for (const found of result.problems) problems.push({ path: found.path === '(pack)' ? `packs[${index}]` : `packs[${index}].${found.path}`, message: found.message, code: found.code });
      return;
    }
    result.workflows.forEach((workflow, position) => add(workflow, `packs[${index}].workflows[${position}]`));
  });

  if (problems.length > 0) {
    throw new ApiError(422, 'not_publishable', `the given rules have ${problems.length} problem(s)`, { problems });
  }
  if (compiled.length === 0) {
    throw new ApiError(422, 'validation_failed', 'workflows: give at least one workflow or pack, or leave both out to run the published rules', [
      { field: 'workflows', message: 'give at least one workflow or pack, or leave both out to run the published rules' },
    ]);
  }
  return compiled;
}

/** A compiler problem's JSON path inside the request, e.g. `workflows[0].graph.nodes[2].data.clauses[0].value`. */
function problemPath(workflow: unknown, found: Problem, prefix: readonly (string | number)[]): string {
  const graph = (workflow as { graph?: { nodes?: unknown; edges?: unknown } } | null)?.graph;
  const nodes = Array.isArray(graph?.nodes) ? (graph.nodes as { id?: unknown }[]) : [];
  const edges = Array.isArray(graph?.edges) ? (graph.edges as { id?: unknown }[]) : [];
  const nodeIndex = found.nodeId === undefined ? -1 : nodes.findIndex((node) => node?.id === found.nodeId);
  const edgeIndex = found.edgeId === undefined ? -1 : edges.findIndex((edge) => edge?.id === found.edgeId);
  if (edgeIndex >= 0) return jsonPath([...prefix, 'graph', 'edges', edgeIndex]);
  if (nodeIndex >= 0) return jsonPath([...prefix, 'graph', 'nodes', nodeIndex, 'data', ...(found.path ?? [])]);
  return jsonPath([...prefix, ...(found.path ?? [])]);
}
