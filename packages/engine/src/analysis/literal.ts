// A clause of a compiled rule as the analysis sees it: one fact (with its params), one operator, one value, maybe negated.
import { describeClause } from '../compiler/describe-clause.ts';
import type { FactCondition } from '../compiler/rule-json.ts';
import { findFact } from '../facts/registry.ts';

/** Operators that mean exactly "not" another one: a literal keeps the positive one and a `negated` flag. */
const POSITIVE_OF: Readonly<Record<string, string>> = {
  notEqual: 'equal',
  notIn: 'in',
  doesNotContain: 'contains',
  notContainsTerms: 'containsTerms',
};
const NEGATIVE_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(POSITIVE_OF).map(([negative, positive]) => [positive, negative]),
);

export interface Literal {
  /** The fact and, for facts that take them, its params: literals with the same subject constrain one value. */
  readonly subject: string;
  readonly fact: string;
  readonly params?: Record<string, unknown>;
  /** The positive operator (`equal` for `notEqual`, …). */
  readonly operator: string;
  readonly value: unknown;
  readonly negated: boolean;
  /** Operator and canonical value: a literal and its negation share it. */
  readonly key: string;
  /** The condition node the clause comes from; trigger filters have none. */
  readonly nodeId?: string;
}

/** JSON with object keys sorted, so equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The literal a rule leaf stands for, negated when an odd number of `not`s are above it. */
export function literalOf(leaf: FactCondition, negated: boolean): Literal {
  const positive = POSITIVE_OF[leaf.operator];
  const operator = positive ?? leaf.operator;
  // Params select a different value only for facts that take them (the executors ignore them elsewhere).
  const fact = findFact(leaf.fact);
  const takesParams = fact ? fact.paramsSchema !== undefined : leaf.params !== undefined;
  const hash = leaf.name?.lastIndexOf('#') ?? -1;
  return {
    subject: takesParams ? `${leaf.fact}${canonicalJson(leaf.params ?? {})}` : leaf.fact,
    fact: leaf.fact,
    ...(leaf.params ? { params: leaf.params } : {}),
    operator,
    value: leaf.value,
    negated: positive ? !negated : negated,
    key: `${operator} ${canonicalJson(leaf.value)}`,
    ...(leaf.name && hash > 0 ? { nodeId: leaf.name.slice(0, hash) } : {}),
  };
}

export function negate(literal: Literal): Literal {
  return { ...literal, negated: !literal.negated };
}

/** The literal in plain words, as the editor describes clauses: "author followers is more than 1000". */
export function describeLiteral(literal: Literal): string {
  const negative = NEGATIVE_OF[literal.operator];
  const operator = literal.negated && negative ? negative : literal.operator;
  const text = describeClause({ fact: literal.fact, operator, value: literal.value, params: literal.params });
  return literal.negated && !negative ? `not (${text})` : text;
}
