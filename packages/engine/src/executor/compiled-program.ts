// The hot path: json-rules-engine rule JSON compiled once into JavaScript closures.
// Same operators, same semantics as the reference executor (a differential test holds them together).
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import type { RuleCondition } from '../compiler/rule-json.ts';
import { getOperator } from '../operators/registry.ts';
import { findFact } from '../facts/registry.ts';
import { EngineError } from '../errors.ts';
import type { Action } from '../decision/action.ts';
import type { FactSource } from './fact-source.ts';
import { compareFired, type FiredRule } from './fired-rule.ts';

/** A compiled condition; `memo` holds per-mention results of condition nodes shared by several rules. */
type Predicate = (facts: FactSource, memo: Uint8Array) => boolean;

interface CompiledRule {
  readonly test: Predicate;
  readonly fired: FiredRule;
}

const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;
const UNKNOWN = 0;
const TRUE = 1;
const FALSE = 2;

/**
 * Compile a condition tree. `slotOf` gives a condition node's group a memo slot, so a node that several rules
 * share is evaluated once per mention. Unknown facts or operators fail here, not at run time.
 */
function buildPredicate(condition: RuleCondition, slotOf?: (name: string) => number | undefined): Predicate {
  if ('fact' in condition) {
    const fact = findFact(condition.fact);
    if (!fact) throw new EngineError('UNKNOWN_FACT', `unknown fact "${condition.fact}"`);
    const operator = getOperator(condition.operator);
    const name = condition.fact;
    const params = fact.paramsSchema ? (condition.params ?? {}) : undefined;
    const value = condition.value;
    const test = operator.prepare ? operator.prepare(value) : (factValue: unknown) => operator.evaluate(factValue, value);
    return params === undefined ? (facts) => test(facts.get(name), facts) : (facts) => test(facts.get(name, params), facts);
  }
  if ('not' in condition) {
    const inner = buildPredicate(condition.not, slotOf);
    return (facts, memo) => !inner(facts, memo);
  }
  const children = ('all' in condition ? condition.all : condition.any).map((child) => buildPredicate(child, slotOf));
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
  const slot = condition.name ? slotOf?.(condition.name) : undefined;
  if (slot === undefined) return predicate;
  const uncached = predicate;
  return (facts, memo) => {
    const known = memo[slot];
    if (known !== UNKNOWN) return known === TRUE;
    const result = uncached(facts, memo);
    memo[slot] = result ? TRUE : FALSE;
    return result;
  };
}

/** Compile one condition tree into a standalone predicate (for traces and tools). */
export function compileCondition(condition: RuleCondition): (facts: FactSource) => boolean {
  const predicate = buildPredicate(condition);
  const noMemo = new Uint8Array(0);
  return (facts) => predicate(facts, noMemo);
}

export class CompiledProgram {
  private readonly rules: readonly CompiledRule[];
  private readonly slots: number;

  constructor(workflows: readonly CompiledWorkflow[]) {
    const order = new Map(workflows.map((workflow, index) => [workflow.workflowId, index]));
    const rules: CompiledRule[] = [];
    const slotByGroup = new Map<string, number>();
    for (const workflow of workflows) {
      // Groups are named after their condition node (and `:no` for its no branch): the same name in one
      // workflow is the same condition, so its result can be shared by every rule below it.
      const slotOf = (name: string): number => {
        const key = `${workflow.workflowId}\u0000${name}`;
        let slot = slotByGroup.get(key);
        if (slot === undefined) {
          slot = slotByGroup.size;
          slotByGroup.set(key, slot);
        }
        return slot;
      };
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
        rules.push({ test: buildPredicate(rule.conditions, slotOf), fired });
      }
    }
    const compare = compareFired(order);
    this.rules = rules.sort((a, b) => compare(a.fired, b.fired));
    this.slots = slotByGroup.size;
  }

  /** The rules that fire for these facts, best-ranked first. */
  run(facts: FactSource): FiredRule[] {
    const memo = new Uint8Array(this.slots);
    const fired: FiredRule[] = [];
    for (const rule of this.rules) if (rule.test(facts, memo)) fired.push(rule.fired);
    return fired;
  }

  get size(): number {
    return this.rules.length;
  }
}
