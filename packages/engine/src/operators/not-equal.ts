// `notEqual`: the fact has any other value (an unknown fact counts as different).
import type { OperatorSpec } from './operator-spec.ts';
import { quote } from './operator-spec.ts';
import { scalarValueSchema } from './scalar-value.ts';

export const notEqual: OperatorSpec = {
  name: 'notEqual',
  label: 'is not',
  factTypes: ['number', 'string', 'enum', 'boolean'],
  valueSchema: scalarValueSchema,
  evaluate: (factValue, value) => factValue !== value,
  describe: quote,
};
