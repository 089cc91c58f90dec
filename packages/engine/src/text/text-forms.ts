// Per-mention memo of normalized texts: term lists and facts share one normalization per text, however many read it.
import type { TextForm } from '../operators/operator-spec.ts';
import { clausedWords, joinWords, normalizeText, tokenize, type ClausedWords } from './normalize.ts';

/** A text's shared form: what term matching reads, plus its words by clause (sentiment reads those). */
export interface SharedTextForm extends TextForm {
  readonly clauses: ClausedWords;
}

export class TextForms {
  private readonly forms = new Map<string, SharedTextForm>();

  of(text: string): SharedTextForm {
    let form = this.forms.get(text);
    if (!form) {
      // One pass gives the words by clause and, almost always, the normal form's words too.
      const clauses = clausedWords(text);
      const words = clauses.sameAsWhole ? clauses.words : tokenize(normalizeText(text));
      form = { normalized: joinWords(words), tokens: new Set(words), clauses };
      this.forms.set(text, form);
    }
    return form;
  }
}
