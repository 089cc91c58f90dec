// The hot path: json-rules-engine rule JSON compiled once into JavaScript closures.
// Same operators, same semantics as the reference executor (a differential test holds them together).
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import type { FactCondition, RuleCondition } from '../compiler/rule-json.ts';
import { getOperator } from '../operators/registry.ts';
import { findFact } from '../facts/registry.ts';
import { factCallKey } from '../facts/fact-scope.ts';
import { EngineError } from '../errors.ts';
import type { Action } from '../decision/action.ts';
import type { FactSource } from './fact-source.ts';
import { compareFired, type FiredRule } from './fired-rule.ts';

/** A compiled condition; `memo` holds per-mention results of condition nodes shared by several rules. */
type Predicate = (facts: FactSource, memo: Uint8Array) => boolean;

interface CompiledRule {
  readonly test: Predicate;
  readonly fired: FiredRule;
  /** The memo slot of the rule's whole condition, when other rules share it (NO_SLOT otherwise). */
  readonly whole: number;
  /** The memo slot of the first part of its top-level `all` (the trigger's channels, the first condition node). */
  readonly first: number;
}

const NO_SLOT = -1;

const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;
const UNKNOWN = 0;
const TRUE = 1;
const FALSE = 2;

/** What the conditions of one program share while they are compiled. */
interface Sharing {
  /** A condition node's group gets a memo slot, so a node that several rules share is evaluated once per mention. */
  readonly slotOf?: (name: string) => number | undefined;
  /** A clause that several rules repeat (a trigger's channels, in every rule of its workflow) gets one too. */
  readonly clauseSlot?: (clause: FactCondition) => number | undefined;
  /** Operators' shared work (`shareAcrossClauses`), one per function and fact call. */
  readonly work: Map<string, Map<() => object, object>>;
}

function sharedWork(sharing: Sharing, factKey: string, create: () => object): object {
  let byCreator = sharing.work.get(factKey);
  if (!byCreator) {
    byCreator = new Map();
    sharing.work.set(factKey, byCreator);
  }
  let work = byCreator.get(create);
  if (!work) {
    work = create();
    byCreator.set(create, work);
  }
  return work;
}

/** Compile a condition tree. Unknown facts or operators fail here, not at run time. */
function buildPredicate(condition: RuleCondition, sharing: Sharing): Predicate {
  if ('fact' in condition) {
    const fact = findFact(condition.fact);
    if (!fact) throw new EngineError('UNKNOWN_FACT', `unknown fact "${condition.fact}"`);
    const operator = getOperator(condition.operator);
    const name = condition.fact;
    const params = fact.paramsSchema ? (condition.params ?? {}) : undefined;
    const value = condition.value;
    const shared = operator.shareAcrossClauses ? sharedWork(sharing, factCallKey(name, params), operator.shareAcrossClauses) : undefined;
    const test = operator.prepare ? operator.prepare(value, shared) : (factValue: unknown) => operator.evaluate(factValue, value);
    // A parameterized fact's key (its params as JSON) is worked out here once, not on every read.
    const key = params === undefined ? undefined : factCallKey(name, params);
    const clause: Predicate = params === undefined ? (facts) => test(facts.get(name), facts) : (facts) => test(facts.get(name, params, key), facts);
    // A clause is pure (its fact was worked out when it first ran), so a repeat can read the first answer.
    return memoized(clause, sharing.clauseSlot?.(condition));
  }
  if ('not' in condition) {
    const inner = buildPredicate(condition.not, sharing);
    return (facts, memo) => !inner(facts, memo);
  }
  const children = ('all' in condition ? condition.all : condition.any).map((child) => buildPredicate(child, sharing));
  let predicate: Predicate;
  if (children.length === 0) predicate = 'all' in condition ? ALWAYS : NEVER;
  else if (children.length === 1) predicate = children[0]!;
  else if ('all' in condition) {
    predicate = (facts, memo) => {
      for (const child of children) if (!child(facts, memo)) return false;
      return true;
    };
  } else {
    predicate = (facts, memo) => {
      for (const child of children) if (child(facts, memo)) return true;
      return false;
    };
  }
  return memoized(predicate, condition.name ? sharing.slotOf?.(condition.name) : undefined);
}

/** The predicate, evaluated at most once per mention when it has a memo slot. */
function memoized(predicate: Predicate, slot: number | undefined): Predicate {
  if (slot === undefined) return predicate;
  return (facts, memo) => {
    const known = memo[slot];
    if (known !== UNKNOWN) return known === TRUE;
    const result = predicate(facts, memo);
    memo[slot] = result ? TRUE : FALSE;
    return result;
  };
}

/** The memo slot of the first part of a top-level `all`: when it failed, so does the whole. */
function firstSlot(condition: RuleCondition, sharing: Sharing): number | undefined {
  if (!('all' in condition) || condition.all.length === 0) return undefined;
  const first = condition.all[0]!;
  if ('fact' in first) return sharing.clauseSlot?.(first);
  return 'not' in first || !first.name ? undefined : sharing.slotOf?.(first.name);
}

/** Identifies a clause by what it tests: the same key, the same answer for the same facts. */
function clauseKey(clause: FactCondition): string {
  return `clause\u0000${factCallKey(clause.fact, clause.params)}\u0000${clause.operator}\u0000${JSON.stringify(clause.value)}`;
}

/** Identifies a rule's condition within its workflow (group names are only unique there). */
function conditionKey(workflowId: string, condition: RuleCondition): string {
  return `rule\u0000${workflowId}\u0000${JSON.stringify(condition)}`;
}

/** Each clause where it is evaluated: once per rule, except inside a condition node's group, which runs once for all. */
function forEachClause(condition: RuleCondition, visit: (clause: FactCondition) => void, groups: Set<string>): void {
  if ('fact' in condition) visit(condition);
  else if ('not' in condition) forEachClause(condition.not, visit, groups);
  else if (condition.name === undefined || !groups.has(condition.name)) {
    if (condition.name !== undefined) groups.add(condition.name);
    for (const child of 'all' in condition ? condition.all : condition.any) forEachClause(child, visit, groups);
  }
}

/** Compile one condition tree into a standalone predicate (for traces and tools). */
export function compileCondition(condition: RuleCondition): (facts: FactSource) => boolean {
  const predicate = buildPredicate(condition, { work: new Map() });
  const noMemo = new Uint8Array(0);
  return (facts) => predicate(facts, noMemo);
}

export class CompiledProgram {
  private readonly rules: readonly CompiledRule[];
  private readonly slots: number;
  private spareMemo: Uint8Array | undefined;

  constructor(workflows: readonly CompiledWorkflow[]) {
    const order = new Map(workflows.map((workflow, index) => [workflow.workflowId, index]));
    const rules: CompiledRule[] = [];
    const slots = new Map<string, number>();
    const slotFor = (key: string): number => {
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(key, slot);
      }
      return slot;
    };
    // What several rules repeat is worked out once per mention: a clause (a trigger's channels, in every rule of its
    // workflow), or a rule's whole condition (actions side by side on one branch compile to rules with the same one).
    const counts = new Map<string, number>();
    const count = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const workflow of workflows) {
      const groups = new Set<string>();
      for (const rule of workflow.rules) {
        count(conditionKey(workflow.workflowId, rule.conditions));
        forEachClause(rule.conditions, (clause) => count(clauseKey(clause)), groups);
      }
    }
    const repeatedSlot = (key: string): number | undefined => (counts.get(key)! > 1 ? slotFor(key) : undefined);
    const clauseSlot = (clause: FactCondition): number | undefined => repeatedSlot(clauseKey(clause));
    const work = new Map<string, Map<() => object, object>>();
    const built = new Map<string, Predicate>();
    for (const workflow of workflows) {
      // Groups are named after their condition node (and `:no` for its no branch): the same name in one
      // workflow is the same condition, so its result can be shared by every rule below it.
      const slotOf = (name: string): number => slotFor(`group\u0000${workflow.workflowId}\u0000${name}`);
      const sharing: Sharing = { slotOf, clauseSlot, work };
      for (const rule of workflow.rules) {
        const { action, nodeId, rank } = rule.event.params;
        const fired: FiredRule = {
          workflowId: workflow.workflowId,
          ...(workflow.version !== undefined ? { version: workflow.version } : {}),
          ruleId: rule.name,
          nodeId,
          rank,
          action: action as Action,
        };
        const key = conditionKey(workflow.workflowId, rule.conditions);
        const whole = repeatedSlot(key);
        let test = built.get(key);
        if (!test) {
          test = memoized(buildPredicate(rule.conditions, sharing), whole);
          built.set(key, test);
        }
        rules.push({ test, fired, whole: whole ?? NO_SLOT, first: firstSlot(rule.conditions, sharing) ?? NO_SLOT });
      }
    }
    const compare = compareFired(order);
    this.rules = rules.sort((a, b) => compare(a.fired, b.fired));
    this.slots = slots.size;
  }

  /** The rules that fire for these facts, best-ranked first. */
  run(facts: FactSource): FiredRule[] {
    // A memo of a few hundred slots lives outside the heap, and allocating one cost more than reading it: runs
    // reuse one, cleared before each (a run inside a run, which no fact does, would get its own).
    const memo = this.spareMemo ?? new Uint8Array(this.slots);
    this.spareMemo = undefined;
    memo.fill(UNKNOWN);
    try {
      const fired: FiredRule[] = [];
      for (const rule of this.rules) {
        // Most rules are settled by a condition another rule already worked out: read it here, without a call.
        const known = rule.whole !== NO_SLOT ? memo[rule.whole] : UNKNOWN;
        if (known === TRUE) fired.push(rule.fired);
        else if (known === UNKNOWN && (rule.first === NO_SLOT || memo[rule.first] !== FALSE) && rule.test(facts, memo)) fired.push(rule.fired);
      }
      return fired;
    } finally {
      this.spareMemo = memo;
    }
  }

  get size(): number {
    return this.rules.length;
  }
}
