// `containsTerms`: the text contains one of the terms, as whole words or phrases, ignoring case and accents.
import type { OperatorSpec } from './operator-spec.ts';
import { quoteList } from './operator-spec.ts';
import { TermListSchema, compileTerms, termsOf, textContainsTerms, type TermList } from '../text/terms.ts';
import { TermIndex } from '../text/term-index.ts';

export const containsTerms: OperatorSpec = {
  name: 'containsTerms',
  label: 'contains any of',
  factTypes: ['text'],
  valueSchema: () => TermListSchema,
  evaluate: (factValue, value) => typeof factValue === 'string' && textContainsTerms(factValue, value as TermList),
  prepare(value, shared) {
    // In a compiled program every term list on the same fact joins one index, walked once per mention.
    if (shared instanceof TermIndex) {
      const id = shared.add(value as TermList);
      return (factValue, memo) => typeof factValue === 'string' && shared.contains(id, factValue, memo);
    }
    const matcher = compileTerms(value as TermList);
    return (factValue, memo) => {
      if (typeof factValue !== 'string') return false;
      const form = memo.textForm(factValue);
      return matcher.matches(form.normalized, form.tokens);
    };
  },
  shareAcrossClauses: () => new TermIndex(),
  describe: (value) => quoteList(termsOf(value as TermList)),
};
