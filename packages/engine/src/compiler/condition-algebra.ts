// Building rule conditions from paths: `and` along a path, `any` where paths converge, `not` for "no" branches.
import type { RuleCondition, TopLevelCondition } from './rule-json.ts';

/** `null` stands for "always true" (a path with no condition on it). */
export type Reach = RuleCondition | null;

function isUnnamed(condition: RuleCondition, key: 'all' | 'any'): boolean {
  return key in condition && !condition.name;
}

export function and(left: Reach, right: Reach): Reach {
  if (left === null) return right;
  if (right === null) return left;
  const parts = [left, right].flatMap((part) => (isUnnamed(part, 'all') ? (part as { all: RuleCondition[] }).all : [part]));
  return { all: parts };
}

export function anyOf(paths: readonly Reach[]): Reach {
  if (paths.length === 0 || paths.some((path) => path === null)) return null;
  const unique = new Map<string, RuleCondition>();
  for (const path of paths as RuleCondition[]) {
    for (const part of isUnnamed(path, 'any') ? (path as { any: RuleCondition[] }).any : [path]) {
      unique.set(JSON.stringify(part), part);
    }
  }
  const parts = [...unique.values()];
  return parts.length === 1 ? parts[0]! : { any: parts };
}

export function not(condition: RuleCondition, name: string): RuleCondition {
  return { not: condition, name };
}

/** json-rules-engine wants all/any/not at the top. */
export function toTopLevel(reach: Reach): TopLevelCondition {
  if (reach === null) return { all: [] };
  if ('all' in reach || 'any' in reach || 'not' in reach) return reach;
  return { all: [reach] };
}

export function countLeaves(condition: RuleCondition): number {
  if ('fact' in condition) return 1;
  if ('not' in condition) return countLeaves(condition.not);
  const children = 'all' in condition ? condition.all : condition.any;
  return children.reduce((sum, child) => sum + countLeaves(child), 0);
}
