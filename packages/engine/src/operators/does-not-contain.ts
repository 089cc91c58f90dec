// `doesNotContain`: a list fact does not include this value.
import { z } from 'zod';
import type { OperatorSpec } from './operator-spec.ts';
import { quote } from './operator-spec.ts';

export const doesNotContain: OperatorSpec = {
  name: 'doesNotContain',
  label: 'does not include',
  factTypes: ['list'],
  valueSchema: (_type, enumValues) =>
    enumValues && enumValues.length > 0 ? z.enum(enumValues as [string, ...string[]]) : z.string().min(1).max(200),
  evaluate: (factValue, value) => !(Array.isArray(factValue) && factValue.includes(value)),
  describe: quote,
};
