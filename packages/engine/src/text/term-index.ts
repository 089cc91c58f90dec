// Every term list of a compiled program in one index: a text's words are looked up once per mention, and the answer
// for each list is read from that one pass, however many term-list clauses there are.
import type { EvaluationMemo } from '../operators/operator-spec.ts';
import { firstWordOf, termFormsOf, type TermList } from './terms.ts';

/** What one word of a text can satisfy: lists that hold it as a term, and phrases that start with it. */
interface WordEntry {
  readonly lists: number[];
  readonly phrases: { readonly phrase: string; readonly lists: number[] }[];
}

/**
 * Term lists registered once (`add`), then asked about many texts (`contains`). The lists found in the last text
 * are kept, so every clause reading the same text after the first costs one array read.
 *
 * @example
 * const index = new TermIndex();
 * const refund = index.add(['refund']);
 * const broken = index.add(['not working', 'refund']);
 * index.contains(broken, 'Refund?', memo); // true, and `refund` is answered from the same pass
 */
export class TermIndex {
  private readonly ids = new Map<string, number>();
  private readonly lists: TermList[] = [];
  /** Built on first use (and again if a list is added after it). */
  private byWord: Map<string, WordEntry> | undefined;
  private found = new Uint8Array(0);
  private lastText: string | undefined;

  /** Registers a list (an identical list again gets the same id) and returns its id. */
  add(list: TermList): number {
    const key = JSON.stringify(list);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(list);
      this.ids.set(key, id);
      this.byWord = undefined;
      this.lastText = undefined;
    }
    return id;
  }

  /** Whether list `id` has a term in `text` (whole words or phrases, ignoring case and accents). */
  contains(id: number, text: string, memo: EvaluationMemo): boolean {
    // The answer depends on the text alone, so the last text's answers serve until the text changes.
    if (text !== this.lastText) this.scan(text, memo);
    return this.found[id] === 1;
  }

  private scan(text: string, memo: EvaluationMemo): void {
    const byWord = this.byWord ?? this.build();
    const found = this.found;
    found.fill(0);
    const { normalized, tokens } = memo.textForm(text);
    for (const token of tokens) {
      const entry = byWord.get(token);
      if (entry === undefined) continue;
      for (const id of entry.lists) found[id] = 1;
      for (const { phrase, lists } of entry.phrases) {
        if (lists.every((id) => found[id] === 1) || !normalized.includes(phrase)) continue;
        for (const id of lists) found[id] = 1;
      }
    }
    this.lastText = text;
  }

  private build(): Map<string, WordEntry> {
    const byWord = new Map<string, WordEntry>();
    const entryOf = (word: string): WordEntry => {
      let entry = byWord.get(word);
      if (!entry) {
        entry = { lists: [], phrases: [] };
        byWord.set(word, entry);
      }
      return entry;
    };
    const byPhrase = new Map<string, number[]>();
    this.lists.forEach((list, id) => {
      const { words, phrases } = termFormsOf(list);
      for (const word of words) entryOf(word).lists.push(id);
      for (const phrase of phrases) {
        let lists = byPhrase.get(phrase);
        if (!lists) {
          lists = [];
          byPhrase.set(phrase, lists);
          entryOf(firstWordOf(phrase)).phrases.push({ phrase, lists });
        }
        lists.push(id);
      }
    });
    this.byWord = byWord;
    this.found = new Uint8Array(this.lists.length);
    return byWord;
  }
}
