// Where an executor reads fact values: a lazy FactScope, or precomputed values (for benchmarks and replays).
import type { EvaluationMemo, TextForm } from '../operators/operator-spec.ts';
import { TextForms } from '../text/text-forms.ts';
import { factCallKey } from '../facts/fact-scope.ts';

export interface FactSource extends EvaluationMemo {
  /** `key`, when given, is `factCallKey(name, params)` worked out once by the caller (a compiled clause). */
  get(name: string, params?: unknown, key?: string): unknown;
}

/** Facts already worked out, keyed by name (or `factCallKey` for facts with params). */
export class PrecomputedFacts implements FactSource {
  private readonly values: Readonly<Record<string, unknown>>;
  private readonly textForms = new TextForms();

  constructor(values: Readonly<Record<string, unknown>>) {
    this.values = values;
  }

  get(name: string, params?: unknown, key?: string): unknown {
    return this.values[key ?? (params === undefined ? name : factCallKey(name, params))];
  }

  textForm(text: string): TextForm {
    return this.textForms.of(text);
  }
}
