// Checks one clause against the fact catalog and the operators: the fact exists, the operator fits, the value has the right type.
import type { FactSubject } from '../facts/fact-spec.ts';
import { findFact } from '../facts/registry.ts';
import { findOperator, operatorsForType } from '../operators/registry.ts';
import { termsOf, type TermList } from '../text/terms.ts';
import type { Clause } from '../nodes/condition/index.ts';
import { problem, type Problem } from './problem.ts';

/** Fact names are plain dotted names: never JSONPath, never a prototype key. */
const DOTTED_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainDottedPath(path: string): boolean {
  return DOTTED_NAME.test(path) && !path.split('.').some((segment) => FORBIDDEN_SEGMENTS.has(segment));
}

function firstIssue(error: { issues: readonly { message: string; path: readonly PropertyKey[] }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  return `${issue.message}${where}`;
}

export function validateClause(clause: Clause, subject: FactSubject, nodeId: string, index: number): Problem[] {
  const path = ['clauses', index];
  const at = { nodeId, path };
  const label = `Clause ${index + 1}`;
  if (!isPlainDottedPath(clause.fact)) {
    return [problem('invalid_path', `${label}: “${clause.fact}” is not a fact name (plain dotted names only, e.g. author.followers).`, at)];
  }
  const fact = findFact(clause.fact);
  if (!fact || fact.subject !== subject || fact.name === 'pii.findings') {
    return [problem('unknown_fact', `${label}: there is no fact “${clause.fact}” for this kind of workflow.`, at)];
  }
  const operator = findOperator(clause.operator);
  if (!operator) return [problem('unknown_operator', `${label}: there is no operator “${clause.operator}”.`, at)];
  if (!operator.factTypes.includes(fact.type)) {
    const fitting = operatorsForType(fact.type).map((candidate) => candidate.name).join(', ');
    return [
      problem('invalid_operator', `${label}: “${operator.label}” does not apply to ${fact.label.toLowerCase()} (a ${fact.type}); use one of ${fitting}.`, at),
    ];
  }
  const problems: Problem[] = [];
  if (operator.name === 'containsTerms' || operator.name === 'notContainsTerms') {
    const isList = Array.isArray(clause.value) || (clause.value !== null && typeof clause.value === 'object');
    if (isList && termsOf(clause.value as TermList).length === 0) {
      return [problem('empty_terms', `${label}: the term list is empty; add at least one word or phrase.`, { nodeId, path: [...path, 'value'] })];
    }
  }
  const value = operator.valueSchema(fact.type, fact.enumValues).safeParse(clause.value);
  if (!value.success) {
    problems.push(
      problem('invalid_value', `${label}: the value for ${fact.label.toLowerCase()} is wrong: ${firstIssue(value.error)}.`, {
        nodeId,
        path: [...path, 'value'],
      }),
    );
  }
  if (fact.paramsSchema) {
    const params = fact.paramsSchema.safeParse(clause.params ?? {});
    if (!params.success) {
      problems.push(problem('invalid_params', `${label}: ${fact.label.toLowerCase()} needs settings: ${firstIssue(params.error)}.`, { nodeId, path: [...path, 'params'] }));
    }
  } else if (clause.params !== undefined) {
    problems.push(problem('invalid_params', `${label}: ${fact.label.toLowerCase()} takes no settings.`, { nodeId, path: [...path, 'params'] }));
  }
  return problems;
}
