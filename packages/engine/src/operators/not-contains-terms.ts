// `notContainsTerms`: none of the terms appears in the text (same matching as `containsTerms`).
import type { OperatorSpec } from './operator-spec.ts';
import { quoteList } from './operator-spec.ts';
import { containsTerms } from './contains-terms.ts';
import { TermListSchema, termsOf, type TermList } from '../text/terms.ts';

export const notContainsTerms: OperatorSpec = {
  name: 'notContainsTerms',
  label: 'contains none of',
  factTypes: ['text'],
  valueSchema: () => TermListSchema,
  evaluate: (factValue, value) => !containsTerms.evaluate(factValue, value),
  prepare(value, shared) {
    const contained = containsTerms.prepare!(value, shared);
    return (factValue, memo) => !contained(factValue, memo);
  },
  // The same function as containsTerms': a program keeps one index for both operators' lists.
  shareAcrossClauses: containsTerms.shareAcrossClauses!,
  describe: (value) => quoteList(termsOf(value as TermList), 'nor'),
};
