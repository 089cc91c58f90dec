// Where an executor reads fact values: a lazy FactScope, or precomputed values (for benchmarks and replays).
import type { EvaluationMemo, TextForm } from '../operators/operator-spec.ts';
import { normalizeText, tokenize } from '../text/normalize.ts';
import { factCallKey } from '../facts/fact-scope.ts';

export interface FactSource extends EvaluationMemo {
  get(name: string, params?: unknown): unknown;
}

/** Facts already worked out, keyed by name (or `factCallKey` for facts with params). */
export class PrecomputedFacts implements FactSource {
  private readonly values: Readonly<Record<string, unknown>>;
  private readonly textForms = new Map<string, TextForm>();

  constructor(values: Readonly<Record<string, unknown>>) {
    this.values = values;
  }

  get(name: string, params?: unknown): unknown {
    return this.values[params === undefined ? name : factCallKey(name, params)];
  }

  textForm(text: string): TextForm {
    let form = this.textForms.get(text);
    if (!form) {
      const normalized = normalizeText(text);
      form = { normalized, tokens: new Set(tokenize(normalized)) };
      this.textForms.set(text, form);
    }
    return form;
  }
}
