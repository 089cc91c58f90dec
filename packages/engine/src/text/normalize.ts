// The one normal form every text matcher shares: case- and accent-free words separated by single spaces,
// padded so a whole word or phrase is found with a plain `includes(' ' + phrase + ' ')`.
//
// The rules, applied to the text after NFKD and lowercasing: combining marks are dropped (é → e + ◌́ → e, ș → s),
// ß æ œ ø ł đ become ss ae oe o l d, and everything that is not a letter or digit (punctuation, apostrophes,
// emoji, spaces; also ʼ, an apostrophe that Unicode files as a letter) separates words.
//
// One scan of character codes applies them: ASCII letters, digits and the Latin accents NFKD splits off are told
// apart by their codes, and only the other non-ASCII characters (emoji, ß, other scripts) are looked up by Unicode
// property. Regular expressions over the whole post took most of the time (V8 scans `\p{…}` classes slowly).

// Characters looked up by property, one at a time (a surrogate pair is one character).
const MARK = /^\p{M}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

// Letters NFKD leaves whole but people routinely type without their special form.
const FOLDED_LETTERS: ReadonlyMap<number, string> = new Map([
  [0xdf, 'ss'], // ß
  [0xe6, 'ae'], // æ
  [0x153, 'oe'], // œ
  [0xf8, 'o'], // ø
  [0x142, 'l'], // ł
  [0x111, 'd'], // đ
]);
const APOSTROPHE_LETTER = 0x2bc; // ʼ

// Where clauses end, for readers that must not carry meaning across them (sentiment's negation).
const CLAUSE_BREAKS = /[,;.!?:\n()\u2026\u2013\u2014]+/g;
// Stands in for a clause break while the text is normalized. A control character: no NFKD decomposition or
// lowercase mapping produces one, and none of them is a letter or digit, so it never joins or ends up in a word.
const CLAUSE_MARK = '\u0001';
const CLAUSE_MARK_CODE = 1;

/** A text's words in order (repeats kept), and for each word the index of the first word of its clause. */
export interface ClausedWords {
  readonly words: readonly string[];
  readonly clauseStarts: readonly number[];
  /**
   * Whether `words` are exactly the words of `normalizeText(text)`. They are unless the text holds a capital sigma
   * (after NFKD): lowercasing Σ looks at its neighbours (final ς or σ), and a clause break can change them ("ΑΣ.Α").
   */
  readonly sameAsWhole: boolean;
}

// How the scan treats a character of the lowercased text.
const WORD = 0; // part of a word
const SEPARATOR = 1; // ends the word
const DROPPED = 2; // a combining mark: removed, the letters either side stay one word
const FOLDED = 3; // one of FOLDED_LETTERS, replaced by its plain spelling

// ASCII is decided by table: lowercase letters and digits are WORD, everything else SEPARATOR.
const ASCII_KIND = Uint8Array.from({ length: 0x80 }, (_, code) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) ? WORD : SEPARATOR,
);

// Above ASCII: the Latin accents NFKD splits off (by far the most common) by range, the rest by Unicode property.
function nonAsciiKind(text: string, index: number, code: number, width: number): number {
  if (code >= 0x300 && code <= 0x36f) return DROPPED;
  const character = text.slice(index, index + width);
  if (MARK.test(character)) return DROPPED;
  if (FOLDED_LETTERS.has(code)) return FOLDED;
  return code !== APOSTROPHE_LETTER && LETTER_OR_DIGIT.test(character) ? WORD : SEPARATOR;
}

/**
 * The words of `decomposed` (a text after NFKD) in normal form, in order; `clauseStarts`, when given, receives for
 * each word the index of the first word of its clause, clauses being delimited by CLAUSE_MARK.
 */
function scanWords(decomposed: string, clauseStarts?: number[]): string[] {
  const folded = decomposed.toLowerCase();
  const words: string[] = [];
  let clauseStart = 0;
  // The word being read: `pending` holds what came before a dropped mark or a folded letter, `from` where the
  // current unbroken stretch of `folded` began (-1 when there is none).
  let pending = '';
  let from = -1;
  const length = folded.length;
  for (let index = 0; index < length; index++) {
    const code = folded.charCodeAt(index);
    // A surrogate pair is one character: its second half is skipped along with the first.
    const last = code >= 0xd800 && code <= 0xdbff && isLowSurrogate(folded.charCodeAt(index + 1)) ? index + 1 : index;
    const kind = code < 0x80 ? ASCII_KIND[code] : nonAsciiKind(folded, index, code, last - index + 1);
    if (kind === WORD) {
      if (from < 0) from = index;
    } else if (kind === SEPARATOR) {
      if (from >= 0 || pending !== '') {
        words.push(from < 0 ? pending : pending + folded.slice(from, index));
        clauseStarts?.push(clauseStart);
        pending = '';
        from = -1;
      }
      if (code === CLAUSE_MARK_CODE) clauseStart = words.length;
    } else {
      if (from >= 0) {
        pending += folded.slice(from, index);
        from = -1;
      }
      if (kind === FOLDED) pending += FOLDED_LETTERS.get(code);
    }
    index = last;
  }
  if (from >= 0 || pending !== '') {
    words.push(from < 0 ? pending : pending + folded.slice(from, length));
    clauseStarts?.push(clauseStart);
  }
  return words;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The normal form of a list of words: `["je", "suis"]` → `" je suis "`, no words → `" "`. */
export function joinWords(words: readonly string[]): string {
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}

/**
 * The case- and accent-insensitive form of `text` for whole-word matching, padded with one space on each side:
 * `"Je suis BLOQUÉ à l'aéroport!"` → `" je suis bloque a l aeroport "`. Empty text gives `" "`.
 */
export function normalizeText(text: string): string {
  return joinWords(scanWords(text.normalize('NFKD')));
}

/** The words of a string produced by `normalizeText`, in order (repeats kept). */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  // A manual scan instead of split + filter: this runs on every mention, and the padding would add empty strings.
  while (start < normalized.length) {
    const end = normalized.indexOf(' ', start);
    const stop = end === -1 ? normalized.length : end;
    if (stop > start) tokens.push(normalized.slice(start, stop));
    start = stop + 1;
  }
  return tokens;
}

/**
 * The normal-form words of `text` with its clauses (split at , ; . ! ? : ( ) … – — and line breaks): the same words
 * as normalizing each clause on its own, found in one pass over the whole text.
 */
export function clausedWords(text: string): ClausedWords {
  if (text.includes(CLAUSE_MARK)) return clausedWordsOneByOne(text);
  const decomposed = text.replace(CLAUSE_BREAKS, CLAUSE_MARK).normalize('NFKD');
  const clauseStarts: number[] = [];
  const words = scanWords(decomposed, clauseStarts);
  return { words, clauseStarts, sameAsWhole: !decomposed.includes('Σ') };
}

// The plain way, for the rare text that holds CLAUSE_MARK itself.
function clausedWordsOneByOne(text: string): ClausedWords {
  const words: string[] = [];
  const clauseStarts: number[] = [];
  for (const clause of text.split(CLAUSE_BREAKS)) {
    const start = words.length;
    for (const word of scanWords(clause.normalize('NFKD'))) {
      words.push(word);
      clauseStarts.push(start);
    }
  }
  return { words, clauseStarts, sameAsWhole: false };
}
