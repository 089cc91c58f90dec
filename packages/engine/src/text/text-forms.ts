// Per-mention memo of normalized texts: term lists and facts share one normalization per text, however many read it.
import type { TextForm } from '../operators/operator-spec.ts';
import { clausedWords, joinWords, normalizeText, tokenize, type ClausedWords } from './normalize.ts';

/** A text's shared form: what term matching reads, plus its words by clause (sentiment reads those). */
export interface SharedTextForm extends TextForm {
  readonly clauses: ClausedWords;
}

export class TextForms {
  // A mention has one text almost always: it is kept in fields, and a map is made only for a second one.
  private firstText: string | undefined;
  private firstForm: SharedTextForm | undefined;
  private others: Map<string, SharedTextForm> | undefined;

  of(text: string): SharedTextForm {
    if (text === this.firstText) return this.firstForm!;
    let form = this.others?.get(text);
    if (!form) {
      // One pass gives the words by clause and, almost always, the normal form's words too.
      const clauses = clausedWords(text);
      const words = clauses.sameAsWhole ? clauses.words : tokenize(normalizeText(text));
      form = { normalized: joinWords(words), tokens: new Set(words), clauses };
      if (this.firstForm === undefined) {
        this.firstText = text;
        this.firstForm = form;
      } else (this.others ??= new Map()).set(text, form);
    }
    return form;
  }
}
