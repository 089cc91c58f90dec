// Rule conditions as an OR of ANDs of literals (disjunctive normal form), with negations pushed down to the clauses.
import type { RuleCondition } from '../compiler/rule-json.ts';
import { literalOf, type Literal } from './literal.ts';

/** Literals that must all hold: one path (or one combination of `any` choices) to an action. */
export type Conjunction = readonly Literal[];

/** Beyond this many conjunctions a rule is left alone: the analysis skips it rather than guess. */
export const MAX_CONJUNCTIONS = 256;

/**
 * The conditions as alternatives, any of which makes the rule fire; `undefined` when expanding them would take
 * more than `limit` conjunctions. `{ all: [] }` gives one empty conjunction (always true), `{ any: [] }` none.
 */
export function toConjunctions(condition: RuleCondition, limit = MAX_CONJUNCTIONS): Conjunction[] | undefined {
  return expand(condition, false, limit);
}

function expand(condition: RuleCondition, negated: boolean, limit: number): Literal[][] | undefined {
  if ('fact' in condition) return [[literalOf(condition, negated)]];
  if ('not' in condition) return expand(condition.not, !negated, limit);
  const isAll = 'all' in condition;
  const children = isAll ? condition.all : condition.any;
  // De Morgan: a negated `all` is an `any` of negations, a negated `any` an `all` of them.
  if (isAll !== negated) {
    let product: Literal[][] = [[]];
    for (const child of children) {
      const part = expand(child, negated, limit);
      if (!part || product.length * part.length > limit) return undefined;
      product = product.flatMap((left) => part.map((right) => [...left, ...right]));
    }
    return product;
  }
  const alternatives: Literal[][] = [];
  for (const child of children) {
    const part = expand(child, negated, limit);
    if (!part || alternatives.length + part.length > limit) return undefined;
    alternatives.push(...part);
  }
  return alternatives;
}
