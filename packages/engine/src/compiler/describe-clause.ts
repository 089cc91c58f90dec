// Plain-language text for one clause: "Author followers is at least 10000".
import { findFact } from '../facts/registry.ts';
import { findOperator } from '../operators/registry.ts';

interface ClauseLike {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown> | undefined;
}

function describeParams(params: Record<string, unknown> | undefined): string {
  if (!params) return '';
  const parts: string[] = [];
  if (typeof params.windowMinutes === 'number') parts.push(`in the last ${params.windowMinutes} min`);
  if (typeof params.topic === 'string') parts.push(`for “${params.topic}”`);
  if (typeof params.channel === 'string') parts.push(`on ${params.channel}`);
  if (params.terms !== undefined) parts.push('matching the terms');
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function describeClause(clause: ClauseLike): string {
  const fact = findFact(clause.fact);
  const operator = findOperator(clause.operator);
  const factText = fact ? fact.label.toLowerCase() : `“${clause.fact}” (unknown fact)`;
  const operatorText = operator ? operator.label : `“${clause.operator}” (unknown operator)`;
  let valueText: string;
  try {
    valueText = operator ? operator.describe(clause.value) : JSON.stringify(clause.value);
  } catch {
    valueText = '(invalid value)';
  }
  return `${factText}${describeParams(clause.params)} ${operatorText} ${valueText}`;
}
