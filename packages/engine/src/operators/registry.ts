// Every operator Mentionflow knows, by the name stored in rules. Adding one: a module plus one line here.
import { EngineError } from '../errors.ts';
import type { FactType } from '../facts/fact-type.ts';
import type { OperatorSpec } from './operator-spec.ts';
import { equal } from './equal.ts';
import { notEqual } from './not-equal.ts';
import { lessThan } from './less-than.ts';
import { lessThanInclusive } from './less-than-inclusive.ts';
import { greaterThan } from './greater-than.ts';
import { greaterThanInclusive } from './greater-than-inclusive.ts';
import { inList } from './in.ts';
import { notIn } from './not-in.ts';
import { contains } from './contains.ts';
import { doesNotContain } from './does-not-contain.ts';
import { containsTerms } from './contains-terms.ts';
import { notContainsTerms } from './not-contains-terms.ts';
import { matchesPattern } from './matches-pattern.ts';

export const OPERATORS: readonly OperatorSpec[] = [
  equal,
  notEqual,
  lessThan,
  lessThanInclusive,
  greaterThan,
  greaterThanInclusive,
  inList,
  notIn,
  contains,
  doesNotContain,
  containsTerms,
  notContainsTerms,
  matchesPattern,
];

const byName = new Map(OPERATORS.map((operator) => [operator.name, operator]));

export function findOperator(name: string): OperatorSpec | undefined {
  return byName.get(name);
}

/** The operator named in a rule; an unknown name fails loudly rather than silently never matching. */
export function getOperator(name: string): OperatorSpec {
  const operator = byName.get(name);
  if (!operator) throw new EngineError('UNKNOWN_OPERATOR', `unknown operator "${name}"`);
  return operator;
}

/** The operators that fit a fact of this type, for the editor's operator list and for validation. */
export function operatorsForType(type: FactType): OperatorSpec[] {
  return OPERATORS.filter((operator) => operator.factTypes.includes(type));
}
