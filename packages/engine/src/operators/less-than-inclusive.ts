// `lessThanInclusive`: a numeric comparison; a missing or non-numeric fact never passes.
import { z } from 'zod';
import type { OperatorSpec } from './operator-spec.ts';

export const lessThanInclusive: OperatorSpec = {
  name: 'lessThanInclusive',
  label: 'is at most',
  factTypes: ['number'],
  valueSchema: () => z.number(),
  evaluate: (factValue, value) => typeof factValue === 'number' && typeof value === 'number' && factValue <= value,
  describe: (value) => String(value),
};
