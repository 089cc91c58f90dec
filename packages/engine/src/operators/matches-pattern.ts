// `matchesPattern`: a regular expression test that runs in linear time (RE2 semantics), so no rule can hang the engine.
import { RE2JS } from 're2js';
import { z } from 'zod';
import type { OperatorSpec } from './operator-spec.ts';
import { quote } from './operator-spec.ts';

const PATTERN_MAX = 500;
/** Linear time is still time: RE2 walks its whole program for every character, and counted repetition copies
 *  what it repeats (`(a|aa){1000}` is a 3,000-step program, seconds on a long post). */
const EXPANDED_MAX = 1000;

/**
 * How large a pattern becomes once counted repetitions are expanded: atoms count 1, a group the sum of its
 * parts, and `{n}`, `{n,}`, `{n,m}` multiply what they follow by their largest count (`{n,}` by n + 1).
 */
export function expandedSize(pattern: string): number {
  const groups: number[][] = [[]];
  const current = () => groups[groups.length - 1]!;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index]!;
    if (character === '\\') {
      index++;
      current().push(1);
    } else if (character === '[') {
      index++;
      if (pattern[index] === '^') index++;
      if (pattern[index] === ']') index++;
      while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
      current().push(1);
    } else if (character === '(') {
      groups.push([]);
    } else if (character === ')' && groups.length > 1) {
      const group = groups.pop()!;
      current().push(group.reduce((sum, size) => sum + size, 0) || 1);
    } else if (character === '{') {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
      const parts = current();
      if (counted && parts.length > 0) {
        const most = counted[3] ? Number(counted[3]) : counted[2] !== undefined ? Number(counted[1]) + 1 : Number(counted[1]);
        parts[parts.length - 1] = parts[parts.length - 1]! * Math.max(1, most);
        index += counted[0].length - 1;
      } else current().push(1);
    } else if (!'|*+?^$'.includes(character)) {
      current().push(1);
    }
  }
  return groups.flat().reduce((sum, size) => sum + size, 0);
}

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
      return;
    }
    const size = expandedSize(pattern);
    if (size > EXPANDED_MAX) ctx.addIssue({ code: 'custom', message: `the pattern expands to ${size} steps (at most ${EXPANDED_MAX}): use smaller repetition counts` });
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
