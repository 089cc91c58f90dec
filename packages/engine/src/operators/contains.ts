// `contains`: a list fact (tags, kinds of personal data) includes this value.
import { z } from 'zod';
import type { OperatorSpec } from './operator-spec.ts';
import { quote } from './operator-spec.ts';

export const contains: OperatorSpec = {
  name: 'contains',
  label: 'includes',
  factTypes: ['list'],
  valueSchema: (_type, enumValues) =>
    enumValues && enumValues.length > 0 ? z.enum(enumValues as [string, ...string[]]) : z.string().min(1).max(200),
  evaluate: (factValue, value) => Array.isArray(factValue) && factValue.includes(value),
  describe: quote,
};
