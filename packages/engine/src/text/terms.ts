// Term lists (keywords and phrases a rule looks for) and their precompiled whole-word matcher,
// case- and accent-insensitive so `bloqué` finds "BLOQUE" and `refund` finds "Refund?" but not "refunded".
import { z } from 'zod';
import { normalizeText, tokenize } from './normalize.ts';

const MAX_TERM_LENGTH = 200;
const MAX_TERMS = 500;

const TermSchema = z
  .string()
  .min(1, 'a term must not be empty')
  .max(MAX_TERM_LENGTH, `a term must be at most ${MAX_TERM_LENGTH} characters`)
  .refine((term) => term.trim() !== '', 'a term must not be blank');

const LanguageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, 'a language code is 2 or 3 lowercase letters, e.g. "en"');

/**
 * A list of terms: either plain (`['urgent', 'stranded']`) or split by language
 * (`{ en: ['urgent'], fr: ['bloqué'] }`). At most 500 terms in all.
 */
export const TermListSchema = z
  .union([z.array(TermSchema), z.record(LanguageCodeSchema, z.array(TermSchema))])
  .superRefine((list, ctx) => {
    const count = Array.isArray(list) ? list.length : Object.values(list).reduce((sum, terms) => sum + terms.length, 0);
    if (count > MAX_TERMS) {
      ctx.addIssue({ code: 'custom', message: `a term list holds at most ${MAX_TERMS} terms (this one has ${count})` });
    }
  });

export type TermList = z.infer<typeof TermListSchema>;

/** Every term of the list, all languages together (a mention may borrow another language's words), without repeats. */
export function termsOf(list: TermList): string[] {
  const all = Array.isArray(list) ? list : Object.values(list).flat();
  return [...new Set(all)];
}

/** A term list compiled once, then checked against many mentions. */
export interface TermMatcher {
  /** The terms that can match (terms with no letters or digits are left out), original spelling. */
  readonly terms: readonly string[];
  /** Whether any term appears in the text; `normalizedText` comes from `normalizeText`, `tokens` are its words. */
  matches(normalizedText: string, tokens: ReadonlySet<string>): boolean;
  /** The terms that appear in the text, original spelling, in list order. */
  matched(normalizedText: string, tokens: ReadonlySet<string>): string[];
}

interface CompiledTerm {
  readonly term: string;
  // Single words are looked up in the token set; phrases are searched as padded substrings.
  readonly words: readonly string[];
  readonly phrases: readonly string[];
}

const APOSTROPHE = /['’ʼ`´‘]/;
const APOSTROPHES = /['’ʼ`´‘]/g;

// The normal forms a term can take: as written, and, when it has an apostrophe, also written without one,
// because customers type "cant log in" as often as "can't log in".
function normalFormsOf(term: string): string[] {
  const forms = new Set<string>();
  const asWritten = normalizeText(term).trim();
  if (asWritten !== '') forms.add(asWritten);
  if (APOSTROPHE.test(term)) {
    const joined = normalizeText(term.replace(APOSTROPHES, '')).trim();
    if (joined !== '') forms.add(joined);
  }
  return [...forms];
}

function compileTerm(term: string): CompiledTerm | undefined {
  const forms = normalFormsOf(term);
  if (forms.length === 0) return undefined;
  return {
    term,
    words: forms.filter((form) => !form.includes(' ')),
    phrases: forms.filter((form) => form.includes(' ')).map((form) => ` ${form} `),
  };
}

function termAppears(compiled: CompiledTerm, normalizedText: string, tokens: ReadonlySet<string>): boolean {
  return compiled.words.some((word) => tokens.has(word)) || compiled.phrases.some((phrase) => normalizedText.includes(phrase));
}

/** What a term list looks for in a normal form: whole words, and phrases padded with a space on each side. */
export interface TermForms {
  readonly words: ReadonlySet<string>;
  readonly phrases: readonly string[];
}

function compileList(list: TermList): CompiledTerm[] {
  return termsOf(list)
    .map(compileTerm)
    .filter((term): term is CompiledTerm => term !== undefined);
}

function formsOf(compiled: readonly CompiledTerm[]): TermForms {
  return { words: new Set(compiled.flatMap((term) => term.words)), phrases: [...new Set(compiled.flatMap((term) => term.phrases))] };
}

/** The normal forms a term list matches: `["can't log in", 'Refund']` → words `refund`, phrases ` can t log in `, ` cant log in `. */
export function termFormsOf(list: TermList): TermForms {
  return formsOf(compileList(list));
}

/** The first word of a padded phrase: `' can t log in '` → `'can'`. */
export function firstWordOf(phrase: string): string {
  return phrase.slice(1, phrase.indexOf(' ', 1));
}

/** Compiles a term list into a matcher: single words become a set lookup, phrases a substring search. */
export function compileTerms(list: TermList): TermMatcher {
  const compiled = compileList(list);
  const { words, phrases } = formsOf(compiled);
  const terms = Object.freeze(compiled.map((term) => term.term));
  // A phrase can only be in the text if its first word is, so one walk over the mention's words, each looked up
  // once, finds both: `true` for a word that is a term on its own, else the phrases that start with it.
  const byFirstWord = new Map<string, true | string[]>();
  for (const word of words) byFirstWord.set(word, true);
  for (const phrase of phrases) {
    const first = firstWordOf(phrase);
    const known = byFirstWord.get(first);
    if (known === undefined) byFirstWord.set(first, [phrase]);
    else if (known !== true) known.push(phrase);
  }
  // The same entries as an array, for walking the list's side.
  const entries = [...byFirstWord];

  return {
    terms,
    matches(normalizedText, tokens) {
      // Walk whichever side is smaller: a short mention against a long list, or a long mention against a short list.
      // Either way a phrase is searched for only when the text holds its first word: a substring search over the
      // whole text costs far more than a lookup, and most lists' phrases are absent from most texts.
      if (tokens.size <= byFirstWord.size) {
        for (const token of tokens) {
          const found = byFirstWord.get(token);
          if (found === true || found?.some((phrase) => normalizedText.includes(phrase))) return true;
        }
        return false;
      }
      for (const [first, found] of entries) {
        if (tokens.has(first) && (found === true || found.some((phrase) => normalizedText.includes(phrase)))) return true;
      }
      return false;
    },
    matched(normalizedText, tokens) {
      return compiled.filter((term) => termAppears(term, normalizedText, tokens)).map((term) => term.term);
    },
  };
}

/** Whether `text` contains any of the terms. The slow, self-contained form: it normalizes and compiles on every call. */
export function textContainsTerms(text: string, list: TermList): boolean {
  const normalized = normalizeText(text);
  return compileTerms(list).matches(normalized, new Set(tokenize(normalized)));
}
