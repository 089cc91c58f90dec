// Whether literals on ONE fact can all hold. Sound, not complete: "they contradict" is only said when proven.
import { findOperator } from '../operators/registry.ts';
import { termsOf, type TermList } from '../text/terms.ts';
import type { Literal } from './literal.ts';

/** True when no value of the fact satisfies every literal (all literals share one subject). */
export function contradicts(literals: readonly Literal[]): boolean {
  if (literals.length < 2) return false;
  return hasOwnNegation(literals) || noCandidateFits(literals) || emptyInterval(literals) || termsExcluded(literals);
}

/** A smallest subset (by greedy removal) that still contradicts: what a person needs to see. */
export function contradictionCore(literals: readonly Literal[]): Literal[] {
  const core = [...literals];
  for (let index = core.length - 1; index >= 0 && core.length > 2; index--) {
    const without = core.filter((_, position) => position !== index);
    if (contradicts(without)) core.splice(index, 1);
  }
  return core;
}

/** `x` and `not x`, whatever the operator means (fact values are fixed during one evaluation). */
function hasOwnNegation(literals: readonly Literal[]): boolean {
  const polarity = new Map<string, boolean>();
  for (const literal of literals) {
    const seen = polarity.get(literal.key);
    if (seen !== undefined && seen !== literal.negated) return true;
    polarity.set(literal.key, literal.negated);
  }
  return false;
}

/** Does the literal hold for this value? Operators judge it themselves; when unsure, assume it may. */
function mayHold(literal: Literal, value: unknown): boolean {
  const operator = findOperator(literal.operator);
  if (!operator) return true;
  try {
    return operator.evaluate(value, literal.value) !== literal.negated;
  } catch {
    return true;
  }
}

/** `equal` and `in` pin the value to a few candidates; then every literal must accept one of them. */
function noCandidateFits(literals: readonly Literal[]): boolean {
  let candidates: unknown[] | undefined;
  for (const literal of literals) {
    if (literal.negated) continue;
    let allowed: readonly unknown[];
    if (literal.operator === 'equal') allowed = [literal.value];
    else if (literal.operator === 'in' && Array.isArray(literal.value)) allowed = literal.value;
    else continue;
    candidates = candidates ? candidates.filter((value) => allowed.includes(value)) : [...allowed];
  }
  return candidates !== undefined && !candidates.some((value) => literals.every((literal) => mayHold(literal, value)));
}

interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

// For each comparison: which side it bounds when it holds, and when it is negated (the value being a number).
const COMPARISONS: Readonly<Record<string, { holds: 'lower' | 'upper'; inclusive: boolean }>> = {
  greaterThan: { holds: 'lower', inclusive: false },
  greaterThanInclusive: { holds: 'lower', inclusive: true },
  lessThan: { holds: 'upper', inclusive: false },
  lessThanInclusive: { holds: 'upper', inclusive: true },
};

/**
 * Numeric bounds that leave no number. A negated comparison only bounds the value once a comparison that holds
 * proves it is a number (`not (rating > 3)` also holds for a mention without a rating).
 */
function emptyInterval(literals: readonly Literal[]): boolean {
  const compared = literals.filter((literal) => COMPARISONS[literal.operator] && typeof literal.value === 'number');
  if (!compared.some((literal) => !literal.negated)) return false;
  let lower: Bound = { value: -Infinity, inclusive: false };
  let upper: Bound = { value: Infinity, inclusive: false };
  for (const literal of compared) {
    const { holds, inclusive: when } = COMPARISONS[literal.operator]!;
    const side = literal.negated ? (holds === 'lower' ? 'upper' : 'lower') : holds;
    const bound = { value: literal.value as number, inclusive: literal.negated ? !when : when };
    if (side === 'lower') lower = tighter(lower, bound, 1);
    else upper = tighter(upper, bound, -1);
  }
  if (lower.value > upper.value) return true;
  if (lower.value < upper.value) return false;
  if (!lower.inclusive || !upper.inclusive) return true;
  // A single number is left: the other literals (`notEqual`, `notIn` …) may exclude it.
  return !literals.every((literal) => mayHold(literal, lower.value));
}

function tighter(current: Bound, next: Bound, direction: 1 | -1): Bound {
  if (next.value * direction > current.value * direction) return next;
  if (next.value === current.value && !next.inclusive) return next;
  return current;
}

/** `contains any of A` with `contains none of B`, where every term of A is also in B. */
function termsExcluded(literals: readonly Literal[]): boolean {
  const lists = (negated: boolean) =>
    literals.filter((literal) => literal.operator === 'containsTerms' && literal.negated === negated && isTermList(literal.value));
  const excluded = lists(true).map((literal) => new Set(termsOf(literal.value as TermList)));
  if (excluded.length === 0) return false;
  return lists(false).some((literal) => {
    const wanted = termsOf(literal.value as TermList);
    return excluded.some((none) => wanted.every((term) => none.has(term)));
  });
}

function isTermList(value: unknown): boolean {
  const isStrings = (list: unknown) => Array.isArray(list) && list.every((term) => typeof term === 'string');
  if (Array.isArray(value)) return isStrings(value);
  return Boolean(value) && typeof value === 'object' && Object.values(value as object).every(isStrings);
}
