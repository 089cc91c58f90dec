// `matchesPattern`: a regular expression test that runs in linear time (RE2 semantics), so no rule can hang the engine.
import { RE2JS } from 're2js';
import { z } from 'zod';
import type { OperatorSpec } from './operator-spec.ts';
import { quote } from './operator-spec.ts';

const PATTERN_MAX = 500;

function compilePattern(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

/** Zod schema for a pattern: bounded in length and accepted by the linear-time engine. */
export const PatternSchema = z
  .string()
  .min(1)
  .max(PATTERN_MAX)
  .superRefine((pattern, ctx) => {
    try {
      compilePattern(pattern);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not a valid pattern: ${(error as Error).message}` });
    }
  });

export const matchesPattern: OperatorSpec = {
  name: 'matchesPattern',
  label: 'matches the pattern',
  factTypes: ['text', 'string'],
  valueSchema: () => PatternSchema,
  evaluate: (factValue, value) =>
    typeof factValue === 'string' && typeof value === 'string' && compilePattern(value).matcher(factValue).find(),
  prepare(value) {
    const regex = compilePattern(String(value));
    return (factValue) => typeof factValue === 'string' && regex.matcher(factValue).find();
  },
  describe: quote,
};
