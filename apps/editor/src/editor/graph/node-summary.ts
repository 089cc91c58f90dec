// Plain-language text for a node, from the engine's own summaries; safe on half-filled data and pack parameters.
import { describeClause, findFact, findNodeSpec, findOperator, isParameterReference, type ParameterReference } from '@mentionflow/engine';

/** "parameter: slaP1Minutes" (or "parameter: agentLimit × 2") — how a `{"$param"}` reference reads. */
export function describeParameter(reference: ParameterReference): string {
  const times = reference.times === undefined ? '' : ` × ${typeof reference.times === 'number' ? reference.times : describeParameter(reference.times).replace(/^parameter: /, '')}`;
  return `parameter: ${reference.$param}${times}`;
}

/** Replace parameter references by their readable form, so summaries never print "[object Object]". */
export function withReadableParameters(value: unknown): unknown {
  if (isParameterReference(value)) return describeParameter(value);
  if (Array.isArray(value)) return value.map(withReadableParameters);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withReadableParameters(entry)]));
  }
  return value;
}

interface ClauseLike {
  fact: string;
  operator: string;
  value: unknown;
  params?: Record<string, unknown>;
}

/** One clause as a phrase; a parameter in the value position reads as the parameter, not as its quoted text. */
export function describeClauseSafely(clause: ClauseLike): string {
  if (!clause || typeof clause !== 'object') return '(incomplete clause)';
  if (isParameterReference(clause.value)) {
    const fact = findFact(clause.fact)?.label.toLowerCase() ?? clause.fact;
    const operator = findOperator(clause.operator)?.label ?? clause.operator;
    return `${fact} ${operator} ${describeParameter(clause.value)}`;
  }
  try {
    const params = clause.params ? (withReadableParameters(clause.params) as Record<string, unknown>) : undefined;
    return describeClause({ ...clause, ...(params ? { params } : {}) });
  } catch {
    return '(incomplete clause)';
  }
}

/** The node's summary as the engine words it; falls back to the node's label when the data is incomplete. */
export function summarizeNode(kind: string, values: Record<string, unknown>): string {
  const spec = findNodeSpec(kind);
  if (!spec) return `unknown node type “${kind}”`;
  if (spec.category === 'condition') {
    const clauses = Array.isArray(values.clauses) ? (values.clauses as ClauseLike[]) : [];
    if (clauses.length === 0) return '(no clauses yet)';
    return clauses.map(describeClauseSafely).join(values.combinator === 'any' ? ' or ' : ' and ');
  }
  try {
    const text = spec.summarize(withReadableParameters({ ...spec.defaults, ...values }));
    return typeof text === 'string' && !text.includes('undefined') ? text : spec.label;
  } catch {
    return spec.label;
  }
}
