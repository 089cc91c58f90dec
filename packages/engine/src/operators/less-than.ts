// `lessThan`: a numeric comparison; a missing or non-numeric fact never passes.
import { z } from 'zod';
import type { OperatorSpec } from './operator-spec.ts';

export const lessThan: OperatorSpec = {
  name: 'lessThan',
  label: 'is less than',
  factTypes: ['number'],
  valueSchema: () => z.number(),
  evaluate: (factValue, value) => typeof factValue === 'number' && typeof value === 'number' && factValue < value,
  describe: (value) => String(value),
};
