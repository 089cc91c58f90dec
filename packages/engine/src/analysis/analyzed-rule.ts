// One compiled rule prepared for analysis: its conditions as conjunctions, which of them can hold, in which stage.
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import type { RuleJson } from '../compiler/rule-json.ts';
import type { Action } from '../decision/action.ts';
import { compareFired, type FiredRule } from '../executor/fired-rule.ts';
import { clauseSetOf, commonPart, conflictIn, contradictEachOther, union, type ClauseSet } from './clause-set.ts';
import type { Literal } from './literal.ts';
import { toConjunctions, type Conjunction } from './normal-form.ts';
import { STAGE_SCOPES, type StageScope } from './stages.ts';

/** One way the rule can fire: its literals, and those literals plus what the stage knows, by fact. */
export interface RuleCase {
  readonly literals: Conjunction;
  readonly set: ClauseSet;
}

/** A rule's cases in one stage, and the literals every case shares (a quick first test between two rules). */
export interface StageCases {
  readonly cases: readonly RuleCase[];
  readonly common: ClauseSet;
}

export interface AnalyzedRule {
  readonly workflow: CompiledWorkflow;
  readonly rule: RuleJson;
  readonly nodeId: string;
  readonly fired: FiredRule;
  /** Where the executors put the rule (rank, then workflow order, then node id): earlier routes win. */
  readonly position: number;
  /** For routes: the queue and rank. */
  readonly route?: { readonly queue: string; readonly rank: number };
  /** False when the conditions were too large to expand: the rule is left out of every check. */
  readonly expanded: boolean;
  /** For each conjunction proven impossible, the literals that contradict each other. */
  readonly contradictions: readonly Literal[][];
  /** The conjunctions that may hold, whatever the stage. */
  readonly possible: readonly RuleCase[];
  /** The cases that may hold, by stage; stages where the rule never runs (or cannot fire) are absent. */
  readonly cases: ReadonlyMap<StageScope, StageCases>;
}

/** Every rule of the workflows, in workflow order, with its place in the order the executors use. */
export function analyzeRulesOf(workflows: readonly CompiledWorkflow[]): AnalyzedRule[] {
  const rules = workflows.flatMap((workflow) => workflow.rules.map((rule) => analyzeRule(workflow, rule)));
  const compare = compareFired(new Map(workflows.map((workflow, index) => [workflow.workflowId, index])));
  const positions = new Map([...rules].sort((a, b) => compare(a.fired, b.fired)).map((rule, position) => [rule, position]));
  return rules.map((rule) => ({ ...rule, position: positions.get(rule)! }));
}

function analyzeRule(workflow: CompiledWorkflow, rule: RuleJson): Omit<AnalyzedRule, 'position'> {
  const { action, nodeId, rank } = rule.event.params;
  const fired: FiredRule = { workflowId: workflow.workflowId, ruleId: rule.name, nodeId, rank, action: action as Action };
  const route = action.type === 'route' && typeof action.queue === 'string' ? { queue: action.queue, rank } : undefined;
  const base = { workflow, rule, nodeId, fired, ...(route ? { route } : {}) };
  const conjunctions = toConjunctions(rule.conditions);
  if (!conjunctions) return { ...base, expanded: false, contradictions: [], possible: [], cases: new Map() };

  const contradictions: Literal[][] = [];
  const possible: RuleCase[] = [];
  for (const literals of conjunctions) {
    const set = clauseSetOf(literals);
    const conflict = conflictIn(set);
    if (conflict) contradictions.push(conflict);
    else possible.push({ literals, set });
  }
  const cases = new Map<StageScope, StageCases>();
  for (const scope of STAGE_SCOPES) {
    if (!scope.kinds.includes(workflow.kind)) continue;
    const inStage = possible
      .filter((found) => !contradictEachOther(found.set, scope.known))
      .map((found) => ({ literals: found.literals, set: union(found.set, scope.known) }));
    if (inStage.length > 0) cases.set(scope, { cases: inStage, common: commonPart(inStage.map((found) => found.set)) });
  }
  return { ...base, expanded: true, contradictions, possible, cases };
}
