// `equal`: the fact has exactly this value.
import type { OperatorSpec } from './operator-spec.ts';
import { quote } from './operator-spec.ts';
import { scalarValueSchema } from './scalar-value.ts';

export const equal: OperatorSpec = {
  name: 'equal',
  label: 'is',
  factTypes: ['number', 'string', 'enum', 'boolean'],
  valueSchema: scalarValueSchema,
  evaluate: (factValue, value) => factValue === value,
  describe: quote,
};
