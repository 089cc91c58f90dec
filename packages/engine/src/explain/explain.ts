// Builds traces from json-rules-engine's results (its recorded `factResult` and `result` on each condition),
// and the path each workflow's graph took, from the compiler's per-node reach conditions.
import type { RuleResult } from 'json-rules-engine';
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import type { RuleCondition } from '../compiler/rule-json.ts';
import { describeClause } from '../compiler/describe-clause.ts';
import { getOperator } from '../operators/registry.ts';
import { findFact } from '../facts/registry.ts';
import type { Action } from '../decision/action.ts';
import { compileCondition } from '../executor/compiled-program.ts';
import type { FactSource } from '../executor/fact-source.ts';
import type { ConditionTrace, PathTrace, RuleTrace } from './trace.ts';

type ResultCondition = RuleCondition & { result?: boolean; factResult?: unknown };

function nodeOfName(name: string | undefined): { nodeId?: string; clauseIndex?: number; branch?: 'yes' | 'no' } {
  if (!name) return {};
  const clause = /^(.*)#(\d+)$/.exec(name);
  if (clause) return { nodeId: clause[1]!, clauseIndex: Number(clause[2]) };
  if (name.endsWith(':no')) return { nodeId: name.slice(0, -3), branch: 'no' };
  return { nodeId: name, branch: 'yes' };
}

export function traceCondition(condition: ResultCondition, facts: FactSource): ConditionTrace {
  const where = nodeOfName(condition.name);
  if ('fact' in condition) {
    const fact = findFact(condition.fact);
    const params = fact?.paramsSchema ? (condition.params ?? {}) : undefined;
    const evaluated = typeof condition.result === 'boolean';
    const factValue = evaluated ? condition.factResult : facts.get(condition.fact, params);
    const result = evaluated ? condition.result! : getOperator(condition.operator).evaluate(factValue, condition.value);
    return {
      kind: 'fact',
      fact: condition.fact,
      operator: condition.operator,
      value: condition.value,
      ...(condition.params ? { params: condition.params } : {}),
      factValue,
      result,
      evaluated,
      ...(where.nodeId !== undefined ? { nodeId: where.nodeId } : {}),
      ...(where.clauseIndex !== undefined ? { clauseIndex: where.clauseIndex } : {}),
      text: describeClause(condition),
    };
  }
  const kind = 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'not';
  const children =
    kind === 'not'
      ? [traceCondition((condition as { not: ResultCondition }).not, facts)]
      : ((condition as unknown as Record<string, ResultCondition[]>)[kind] ?? []).map((child) => traceCondition(child, facts));
  const computed =
    kind === 'all' ? children.every((child) => child.result) : kind === 'any' ? children.some((child) => child.result) : !children[0]!.result;
  return {
    kind,
    result: typeof condition.result === 'boolean' ? condition.result : computed,
    ...(where.nodeId !== undefined ? { nodeId: where.nodeId } : {}),
    ...(where.branch !== undefined ? { branch: where.branch } : {}),
    children,
  };
}

export function traceRules(ruleResults: readonly RuleResult[], facts: FactSource): RuleTrace[] {
  return ruleResults
    .map((ruleResult): RuleTrace => {
      const params = ruleResult.event!.params as { action: Action; workflowId: string; nodeId: string };
      return {
        workflowId: params.workflowId,
        ruleId: ruleResult.name,
        nodeId: params.nodeId,
        fired: ruleResult.result === true,
        action: params.action,
        conditions: traceCondition(ruleResult.conditions as unknown as ResultCondition, facts),
      };
    })
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** Condition nodes' own conditions, found as the named groups inside the compiled reach conditions. */
function conditionGroups(workflow: CompiledWorkflow): Map<string, RuleCondition> {
  const groups = new Map<string, RuleCondition>();
  const visit = (condition: RuleCondition): void => {
    if ('fact' in condition) return;
    if (condition.name && !condition.name.endsWith(':no') && !groups.has(condition.name)) groups.set(condition.name, condition);
    if ('not' in condition) visit(condition.not);
    else ('all' in condition ? condition.all : condition.any).forEach(visit);
  };
  Object.values(workflow.reach).forEach(visit);
  return groups;
}

export function tracePaths(workflows: readonly CompiledWorkflow[], facts: FactSource): PathTrace[] {
  return workflows.map((workflow) => {
    const groups = conditionGroups(workflow);
    const reached: string[] = [];
    const outcomes: Record<string, 'yes' | 'no'> = {};
    for (const [nodeId, reach] of Object.entries(workflow.reach)) {
      if (!compileCondition(reach)(facts)) continue;
      reached.push(nodeId);
      const own = groups.get(nodeId);
      if (own) outcomes[nodeId] = compileCondition(own)(facts) ? 'yes' : 'no';
    }
    return { workflowId: workflow.workflowId, reached, outcomes };
  });
}
