// The reference executor: json-rules-engine itself, with our operators and facts registered through its public calls.
// Explanations come from here (it records each condition's fact value and result).
import { Engine, type RuleResult } from 'json-rules-engine';
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import { OPERATORS } from '../operators/registry.ts';
import type { OperatorSpec } from '../operators/operator-spec.ts';
import { TextForms } from '../text/text-forms.ts';
import { FACTS } from '../facts/registry.ts';
import type { Action } from '../decision/action.ts';
import type { FactSource } from './fact-source.ts';
import { plainPathResolver } from './plain-path-resolver.ts';
import { compareFired, type FiredRule } from './fired-rule.ts';

export interface ReferenceRun {
  readonly fired: FiredRule[];
  /** json-rules-engine's results for every rule, fired or not, with `factResult` and `result` per condition. */
  readonly ruleResults: RuleResult[];
}

export class ReferenceExecutor {
  private readonly engine: Engine;
  private readonly workflows: readonly CompiledWorkflow[];
  private readonly order: ReadonlyMap<string, number>;

  constructor(workflows: readonly CompiledWorkflow[]) {
    this.workflows = workflows;
    this.order = new Map(workflows.map((workflow, index) => [workflow.workflowId, index]));
    this.engine = new Engine([], { allowUndefinedFacts: false, pathResolver: plainPathResolver });
    for (const operator of OPERATORS) this.engine.addOperator(operator.name, referenceSemantics(operator));
    for (const workflow of workflows) {
      for (const rule of workflow.rules) this.engine.addRule(structuredClone(rule) as never);
    }
  }

  async run(facts: FactSource): Promise<ReferenceRun> {
    const runtimeFacts: Record<string, (params: Record<string, unknown>) => unknown> = {};
    for (const fact of FACTS) {
      runtimeFacts[fact.name] = fact.paramsSchema ? (params) => facts.get(fact.name, params) : () => facts.get(fact.name);
    }
    const result = await this.engine.run(runtimeFacts);
    const versions = new Map(this.workflows.map((workflow) => [workflow.workflowId, workflow.version]));
    const fired = result.results.map((ruleResult): FiredRule => {
      const params = ruleResult.event!.params as { action: Action; workflowId: string; nodeId: string; rank: number };
      const version = versions.get(params.workflowId);
      return {
        workflowId: params.workflowId,
        ...(version !== undefined ? { version } : {}),
        ruleId: ruleResult.name,
        nodeId: params.nodeId,
        rank: params.rank,
        action: params.action,
      };
    });
    fired.sort(compareFired(this.order));
    return { fired, ruleResults: [...result.results, ...result.failureResults] };
  }
}

/**
 * An operator as json-rules-engine calls it: `(factValue, value)`. json-rules-engine copies each rule's
 * conditions on every run, so values arrive as new objects; prepared forms (compiled term lists, patterns)
 * are kept per executor by the value's JSON, so the reference executor is not slowed by recompiling them.
 */
function referenceSemantics(operator: OperatorSpec): (factValue: unknown, value: unknown) => boolean {
  const prepare = operator.prepare;
  if (!prepare) return (factValue, value) => operator.evaluate(factValue, value);
  const prepared = new Map<string, ReturnType<typeof prepare>>();
  return (factValue, value) => {
    const key = JSON.stringify(value);
    let test = prepared.get(key);
    if (!test) {
      test = prepare(value);
      if (prepared.size < 10_000) prepared.set(key, test);
    }
    const forms = new TextForms();
    return test(factValue, { textForm: (text) => forms.of(text) });
  };
}
