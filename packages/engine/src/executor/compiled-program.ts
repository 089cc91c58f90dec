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

type Predicate = (facts: FactSource) => boolean;

interface CompiledRule {
  readonly test: Predicate;
  readonly fired: FiredRule;
}

const ALWAYS: Predicate = () => true;

/** Compile one condition tree into a predicate. Unknown facts or operators fail here, not at run time. */
export function compileCondition(condition: RuleCondition): Predicate {
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
    const inner = compileCondition(condition.not);
    return (facts) => !inner(facts);
  }
  const children = ('all' in condition ? condition.all : condition.any).map(compileCondition);
  if (children.length === 0) return 'all' in condition ? ALWAYS : () => false;
  if (children.length === 1) return children[0]!;
  if ('all' in condition) {
    return (facts) => {
      for (const child of children) if (!child(facts)) return false;
      return true;
    };
  }
  return (facts) => {
    for (const child of children) if (child(facts)) return true;
    return false;
  };
}

export class CompiledProgram {
  private readonly rules: readonly CompiledRule[];

  constructor(workflows: readonly CompiledWorkflow[]) {
    const order = new Map(workflows.map((workflow, index) => [workflow.workflowId, index]));
    const rules: CompiledRule[] = [];
    for (const workflow of workflows) {
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
        rules.push({ test: compileCondition(rule.conditions), fired });
      }
    }
    const compare = compareFired(order);
    this.rules = rules.sort((a, b) => compare(a.fired, b.fired));
  }

  /** The rules that fire for these facts, best-ranked first. */
  run(facts: FactSource): FiredRule[] {
    const fired: FiredRule[] = [];
    for (const rule of this.rules) if (rule.test(facts)) fired.push(rule.fired);
    return fired;
  }

  get size(): number {
    return this.rules.length;
  }
}
