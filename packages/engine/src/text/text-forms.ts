// Per-mention memo of normalized texts: term lists and facts share one normalization per text, however many read it.
import type { TextForm } from '../operators/operator-spec.ts';
import { normalizeText, tokenize } from './normalize.ts';

export class TextForms {
  private readonly forms = new Map<string, TextForm>();

  of(text: string): TextForm {
    let form = this.forms.get(text);
    if (!form) {
      const normalized = normalizeText(text);
      form = { normalized, tokens: new Set(tokenize(normalized)) };
      this.forms.set(text, form);
    }
    return form;
  }
}
