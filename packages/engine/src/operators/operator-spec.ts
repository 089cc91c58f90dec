// What an operator is: its meaning for both executors, the fact types it fits, and how it reads in a summary.
import type { z } from 'zod';
import type { FactType } from '../facts/fact-type.ts';

/** A text in the form term matching needs: normalized once per mention, however many clauses read it. */
export interface TextForm {
  readonly normalized: string;
  readonly tokens: ReadonlySet<string>;
}

/** Per-mention scratch space prepared operators use so work is done once per mention, not once per clause. */
export interface EvaluationMemo {
  textForm(text: string): TextForm;
}

/** A clause in the hot path: the fact's value in, whether the clause holds out. */
export type ClauseTest = (factValue: unknown, memo: EvaluationMemo) => boolean;

export interface OperatorSpec {
  /** The json-rules-engine operator name, stored in rules. */
  readonly name: string;
  /** How the operator reads in a sentence: "is greater than". */
  readonly label: string;
  readonly factTypes: readonly FactType[];
  /** The schema of the clause's value for a fact of this type (enum facts pass their allowed values). */
  valueSchema(factType: FactType, enumValues?: readonly string[]): z.ZodType;
  /** Reference semantics: registered with json-rules-engine through `addOperator`. */
  evaluate(factValue: unknown, value: unknown): boolean;
  /**
   * Hot-path form: precompile the clause value once, then test fact values. Defaults to `evaluate`. `shared` is the
   * operator's `shareAcrossClauses` work for this clause's fact, when the caller has one (a compiled program does).
   */
  prepare?(value: unknown, shared?: object): ClauseTest;
  /**
   * Creates work the clauses of one program can share. A compiled program calls it once per fact for all clauses
   * whose operators hold the same function, and hands the result to each clause's `prepare`, so the work is done
   * once per mention rather than once per clause (`containsTerms` and `notContainsTerms` share one index of every
   * term list: a text's words are looked up once, whatever the number of lists).
   */
  readonly shareAcrossClauses?: () => object;
  /** The value as it reads in a plain-language summary. */
  describe(value: unknown): string;
}

export function quote(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : String(value);
}

export function quoteList(values: readonly unknown[], joiner = 'or'): string {
  const shown = values.slice(0, 5).map(quote);
  const more = values.length > 5 ? ` (+${values.length - 5} more)` : '';
  if (shown.length <= 1) return (shown[0] ?? '') + more;
  return `${shown.slice(0, -1).join(', ')} ${joiner} ${shown[shown.length - 1]}${more}`;
}
