// `in`: the fact is one of the listed values.
import type { OperatorSpec } from './operator-spec.ts';
import { quoteList } from './operator-spec.ts';
import { scalarListSchema } from './scalar-value.ts';

export const inList: OperatorSpec = {
  name: 'in',
  label: 'is one of',
  factTypes: ['string', 'enum', 'number'],
  valueSchema: scalarListSchema,
  evaluate: (factValue, value) => Array.isArray(value) && value.includes(factValue),
  prepare(value) {
    const allowed = new Set(Array.isArray(value) ? value : []);
    return (factValue) => allowed.has(factValue);
  },
  describe: (value) => quoteList(Array.isArray(value) ? value : [value]),
};
