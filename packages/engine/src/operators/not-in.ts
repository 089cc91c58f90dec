// `notIn`: the fact is none of the listed values (an unknown fact is none of them).
import type { OperatorSpec } from './operator-spec.ts';
import { quoteList } from './operator-spec.ts';
import { scalarListSchema } from './scalar-value.ts';

export const notIn: OperatorSpec = {
  name: 'notIn',
  label: 'is none of',
  factTypes: ['string', 'enum', 'number'],
  valueSchema: scalarListSchema,
  evaluate: (factValue, value) => !(Array.isArray(value) && value.includes(factValue)),
  prepare(value) {
    const excluded = new Set(Array.isArray(value) ? value : []);
    return (factValue) => !excluded.has(factValue);
  },
  describe: (value) => quoteList(Array.isArray(value) ? value : [value], 'nor'),
};
