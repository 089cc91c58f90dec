// json-rules-engine's `path` lookups, restricted to plain dotted paths: a rule's path never reaches JSONPath.
import { EngineError } from '../errors.ts';
import { isPlainDottedPath } from '../compiler/validate-clause.ts';

/** Resolve `a.b.c` on a fact value by own properties only; anything else is refused. */
export function plainPathResolver(value: unknown, path: string): unknown {
  const dotted = path.startsWith('.') ? path.slice(1) : path;
  if (!isPlainDottedPath(dotted)) throw new EngineError('INVALID_PATH', `"${path}" is not a plain dotted path`);
  let current: unknown = value;
  for (const segment of dotted.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
