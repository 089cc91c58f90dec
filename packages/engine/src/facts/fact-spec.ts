// What a fact is: a typed, described value the engine can work out about a mention or a request.
import type { z } from 'zod';
import type { FactType } from './fact-type.ts';
import type { FactScope } from './fact-scope.ts';

export type FactSubject = 'mention' | 'request';

export interface FactSpec {
  /** The name rules use, a plain dotted name such as `author.followers`. */
  readonly name: string;
  readonly type: FactType;
  readonly label: string;
  readonly description: string;
  readonly example: unknown;
  readonly enumValues?: readonly string[];
  readonly subject: FactSubject;
  /** True for values the engine works out (recorded in decisions); false for values read from the input. */
  readonly derived: boolean;
  /** Parameters a clause passes to the fact (e.g. a volume window); absent for plain facts. */
  readonly paramsSchema?: z.ZodType;
  /** Needs `now` from the host (waiting times); without it the fact is unknown. */
  readonly timeDependent?: boolean;
  resolve(scope: FactScope, params?: unknown): unknown;
}

/** Declares a fact; a typed identity that keeps fact modules terse. */
export function defineFact(spec: FactSpec): FactSpec {
  return spec;
}
