// Compares two rule sets on the same mentions: what changed for each mention, and how the whole batch shifted.
// Pure: the server streams it (POST /api/simulate/compare), the CLI prints it (`simulate --compare`).
import type { RuleEngine, MentionEvaluation } from '../rule-engine.ts';
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import type { Mention } from '../mention/mention-schema.ts';
import type { Decision } from '../decision/decision-schema.ts';
import { actionKey, type Action } from '../decision/action.ts';
import { mergeDecisions } from '../decision/merge-decisions.ts';
import { PRIORITIES, type Priority } from '../decision/priority.ts';
import { ReplayedRules, type ReplayOptions, type ReplayStep } from './replay.ts';
import { VolumeWindows } from './volume-windows.ts';

export type ChangedField = 'queue' | 'priority' | 'tags' | 'actions';

/** How one mention's decision moved from the baseline rules (`before`) to the candidate rules (`after`). */
export interface DecisionChange {
  readonly changed: boolean;
  /** The fields that differ, in this order: queue, priority, tags, actions. */
  readonly fields: ChangedField[];
  readonly queue: { readonly from: string | null; readonly to: string | null };
  readonly priority: { readonly from: Priority; readonly to: Priority };
  readonly tagsAdded: string[];
  readonly tagsRemoved: string[];
  /** Types of the actions only `after` has. An action whose parameters changed is in both lists. */
  readonly actionsAdded: string[];
  readonly actionsRemoved: string[];
}

/** The queue key for mentions no rule routed (queue names are slugs, so it cannot clash). */
export const NO_QUEUE = '(none)';

/**
 * Tags compare as sets; actions by type and parameters (the identity decisions deduplicate them by).
 * @example compareDecisions(before, after).fields // ['queue', 'priority'] when a draft reroutes and re-prioritizes
 */
export function compareDecisions(before: Decision, after: Decision): DecisionChange {
  return changeBetween(before, after, actionKey);
}

/**
 * `compareDecisions` for one run: each action's key is worked out once per action object, since the actions of
 * decisions are mostly the rules' own objects, met again on every mention a rule fires for.
 */
function decisionComparer(): (before: Decision, after: Decision) => DecisionChange {
  const keys = new WeakMap<Action, string>();
  const keyOf = (action: Action): string => {
    let key = keys.get(action);
    if (key === undefined) keys.set(action, (key = actionKey(action)));
    return key;
  };
  return (before, after) => changeBetween(before, after, keyOf);
}

/** Types of the actions in `actions` whose keys are not among `others` (decisions carry a handful of actions). */
function actionsMissing(actions: readonly Action[], keys: readonly string[], others: readonly string[]): string[] {
  const missing: string[] = [];
  for (let index = 0; index < actions.length; index++) if (!others.includes(keys[index]!)) missing.push(actions[index]!.type);
  return missing;
}

function changeBetween(before: Decision, after: Decision, keyOf: (action: Action) => string): DecisionChange {
  const tagsAdded = after.tags.filter((tag) => !before.tags.includes(tag));
  const tagsRemoved = before.tags.filter((tag) => !after.tags.includes(tag));
  const beforeKeys = before.actions.map(keyOf);
  const afterKeys = after.actions.map(keyOf);
  const actionsAdded = actionsMissing(after.actions, afterKeys, beforeKeys);
  const actionsRemoved = actionsMissing(before.actions, beforeKeys, afterKeys);
  const fields: ChangedField[] = [];
  if (before.queue !== after.queue) fields.push('queue');
  if (before.priority !== after.priority) fields.push('priority');
  if (tagsAdded.length > 0 || tagsRemoved.length > 0) fields.push('tags');
  if (actionsAdded.length > 0 || actionsRemoved.length > 0) fields.push('actions');
  return {
    changed: fields.length > 0,
    fields,
    queue: { from: before.queue, to: after.queue },
    priority: { from: before.priority, to: after.priority },
    tagsAdded,
    tagsRemoved,
    actionsAdded,
    actionsRemoved,
  };
}

export interface ComparisonSummaryJson {
  total: number;
  changed: number;
  byQueue: { before: Record<string, number>; after: Record<string, number> };
  byPriority: { before: Record<Priority, number>; after: Record<Priority, number> };
  /** Every compared mention counted once per table, unchanged ones on the diagonal (`billing → billing`). */
  matrix: { queue: Record<string, Record<string, number>>; priority: Record<string, Record<string, number>> };
}

const emptyPriorities = (): Record<Priority, number> => Object.fromEntries(PRIORITIES.map((priority) => [priority, 0])) as Record<Priority, number>;

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Totals, queue and priority counts on each side, and the from→to tables, added to one pair at a time. */
export class ComparisonSummary {
  private total = 0;
  private changed = 0;
  private readonly queues = { before: {} as Record<string, number>, after: {} as Record<string, number> };
  private readonly priorities = { before: emptyPriorities(), after: emptyPriorities() };
  private readonly queueMatrix: Record<string, Record<string, number>> = {};
  private readonly priorityMatrix: Record<string, Record<string, number>> = {};

  /** `change` may be passed when already worked out. */
  add(before: Decision, after: Decision, change: DecisionChange = compareDecisions(before, after)): void {
    this.total += 1;
    if (change.changed) this.changed += 1;
    const from = before.queue ?? NO_QUEUE;
    const to = after.queue ?? NO_QUEUE;
    bump(this.queues.before, from);
    bump(this.queues.after, to);
    this.priorities.before[before.priority] += 1;
    this.priorities.after[after.priority] += 1;
    bump((this.queueMatrix[from] ??= {}), to);
    bump((this.priorityMatrix[before.priority] ??= {}), after.priority);
  }

  toJSON(): ComparisonSummaryJson {
    const copy = (table: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(table).map(([key, row]) => [key, { ...row }]));
    return {
      total: this.total,
      changed: this.changed,
      byQueue: { before: { ...this.queues.before }, after: { ...this.queues.after } },
      byPriority: { before: { ...this.priorities.before }, after: { ...this.priorities.after } },
      matrix: { queue: copy(this.queueMatrix), priority: copy(this.priorityMatrix) },
    };
  }
}

/**
 * The candidate rule set: `replacements` (drafts) take the place of the workflows with their ids, keeping their
 * position (so ties resolve the same way), and new ids come last.
 */
export function replaceWorkflows(workflows: readonly CompiledWorkflow[], replacements: readonly CompiledWorkflow[]): CompiledWorkflow[] {
  const byId = new Map(replacements.map((workflow) => [workflow.workflowId, workflow]));
  const present = new Set(workflows.map((workflow) => workflow.workflowId));
  return [...workflows.map((workflow) => byId.get(workflow.workflowId) ?? workflow), ...replacements.filter((workflow) => !present.has(workflow.workflowId))];
}

/** One mention through both rule sets, with what each evaluation was given (for explanations). */
export interface ComparedStep {
  readonly before: ReplayStep;
  readonly after: ReplayStep;
  readonly change: DecisionChange;
}

/**
 * Two replays side by side: each rule set has its own incidents; the volume windows, which depend only on the
 * mentions, are kept once for both. Call in createdAt order.
 */
export class ComparisonReplay {
  private readonly windows = new VolumeWindows();
  private readonly before: ReplayedRules;
  private readonly after: ReplayedRules;
  private readonly compare = decisionComparer();

  constructor(
    readonly baseline: RuleEngine,
    readonly candidate: RuleEngine,
    options: ReplayOptions = {},
  ) {
    this.before = new ReplayedRules(baseline, this.windows, options);
    this.after = new ReplayedRules(candidate, this.windows, options);
  }

  get openIncidents(): { before: readonly string[]; after: readonly string[] } {
    return { before: this.before.openIncidents, after: this.after.openIncidents };
  }

  step(mention: Mention): ComparedStep {
    const at = Date.parse(mention.createdAt);
    this.windows.add(mention, at);
    const before = this.before.step(mention, at);
    const after = this.after.step(mention, at);
    return { before, after, change: this.compare(before.decision, after.decision) };
  }
}

export interface ComparedMention extends ComparedStep {
  /** Position in the input. */
  readonly index: number;
  readonly mention: Mention;
}

export interface InputOrderOptions extends ReplayOptions {
  /** Whole rows kept while they wait for an earlier input to be replayed (default 1,000); see `compareInInputOrder`. */
  readonly reorderRows?: number;
}

/** What an evaluation was given, without its decision: a few hundred bytes instead of a decision's kilobytes. */
type Context = { readonly ingest: MentionEvaluation; readonly escalation?: MentionEvaluation };
type Held = { readonly whole: ComparedStep } | { readonly before: Context; readonly after: Context };

const contextOf = (step: ReplayStep): Context => (step.escalation ? { ingest: step.ingest, escalation: step.escalation } : { ingest: step.ingest });

/** The decision a replay step made, made again from what it was given (as `Replay.step` composes the two stages). */
function decideAgain(engine: RuleEngine, context: Context): ReplayStep {
  const decision = engine.decide(context.ingest);
  return context.escalation ? { decision: mergeDecisions(decision, engine.escalate(context.escalation)), ...context } : { decision, ...context };
}

/** Input positions in the order a replay must see them: createdAt, then input order for equal times. */
export function arrivalOrder(mentions: readonly Mention[]): Uint32Array {
  const times = new Float64Array(mentions.length);
  let sorted = true;
  for (let index = 0; index < mentions.length; index++) {
    times[index] = Date.parse(mentions[index]!.createdAt);
    if (index > 0 && times[index]! < times[index - 1]!) sorted = false;
  }
  const order = new Uint32Array(mentions.length);
  for (let index = 0; index < order.length; index++) order[index] = index;
  return sorted ? order : order.sort((a, b) => times[a]! - times[b]! || a - b);
}

/**
 * Replays `mentions` through both rule sets in createdAt order and yields them in INPUT order, one at a time.
 *
 * Memory: a mention replayed before its turn waits. Input already in time order never waits, so nothing
 * accumulates. Otherwise up to `reorderRows` waiting rows are kept whole; past that only what each evaluation was
 * given is kept (volumes and open incidents), and the decisions are made again when the row's turn comes —
 * decisions are pure given that, so the row is the same; the cost is a second evaluation for those rows.
 */
export function* compareInInputOrder(mentions: readonly Mention[], baseline: RuleEngine, candidate: RuleEngine, options: InputOrderOptions = {}): Generator<ComparedMention, void, undefined> {
  const replay = new ComparisonReplay(baseline, candidate, options.now !== undefined ? { now: options.now } : {});
  const compare = decisionComparer();
  const limit = options.reorderRows ?? 1000;
  const held = new Map<number, Held>();
  let wholeRows = 0;
  let next = 0;
  const release = (index: number, entry: Held): ComparedMention => {
    const mention = mentions[index]!;
    if ('whole' in entry) {
      wholeRows -= 1;
      return { index, mention, ...entry.whole };
    }
    const before = decideAgain(baseline, entry.before);
    const after = decideAgain(candidate, entry.after);
    return { index, mention, before, after, change: compare(before.decision, after.decision) };
  };
  for (const index of arrivalOrder(mentions)) {
    const step = replay.step(mentions[index]!);
    if (index !== next) {
      if (wholeRows < limit) {
        held.set(index, { whole: step });
        wholeRows += 1;
      } else held.set(index, { before: contextOf(step.before), after: contextOf(step.after) });
      continue;
    }
    yield { index, mention: mentions[index]!, ...step };
    next += 1;
    for (let entry = held.get(next); entry !== undefined; entry = held.get(next)) {
      held.delete(next);
      yield release(next, entry);
      next += 1;
    }
  }
}
