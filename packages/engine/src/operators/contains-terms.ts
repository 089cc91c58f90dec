// `containsTerms`: the text contains one of the terms, as whole words or phrases, ignoring case and accents.
import type { OperatorSpec } from './operator-spec.ts';
import { quoteList } from './operator-spec.ts';
import { TermListSchema, compileTerms, termsOf, textContainsTerms, type TermList } from '../text/terms.ts';

export const containsTerms: OperatorSpec = {
  name: 'containsTerms',
  label: 'contains any of',
  factTypes: ['text'],
  valueSchema: () => TermListSchema,
  evaluate: (factValue, value) => typeof factValue === 'string' && textContainsTerms(factValue, value as TermList),
  prepare(value) {
    const matcher = compileTerms(value as TermList);
    return (factValue, memo) => {
      if (typeof factValue !== 'string') return false;
      const form = memo.textForm(factValue);
      return matcher.matches(form.normalized, form.tokens);
    };
  },
  describe: (value) => quoteList(termsOf(value as TermList)),
};
