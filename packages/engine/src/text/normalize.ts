// The one normal form every text matcher shares: case- and accent-free words separated by single spaces,
// padded so a whole word or phrase is found with a plain `includes(' ' + phrase + ' ')`.

// Combining marks left behind by NFKD (é → e + ◌́, ș → s + ◌̦), stripped so accents never matter.
const COMBINING_MARKS = /\p{M}+/gu;

// Letters NFKD leaves whole but people routinely type without their special form.
const FOLDED_LETTERS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
]);
const FOLDABLE = /[ßæœøłđ]/g;

// Everything that is not a letter or digit (punctuation, apostrophes, emoji, spaces) separates words;
// so does ʼ, an apostrophe that Unicode files as a letter.
const SEPARATORS = /(?:[^\p{L}\p{N}]|ʼ)+/gu;

// Unicode property classes are slow to scan across a whole post (V8 takes ~5 µs for 200 characters once the
// string holds any non-ASCII character), so ASCII is handled with plain classes and the Unicode rules run
// only on the non-ASCII stretches: an accent, an emoji, a word in another script.
const LATIN_MARKS = /[\u0300-\u036f]+/g;
const ASCII_SEPARATORS = /[^a-z0-9\u0080-\uffff]+/g;
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_RUNS = /[\u0080-\uffff]+/g;
const REPEATED_SPACES = / {2,}/g;

function foldNonAscii(run: string): string {
  return run
    .replace(COMBINING_MARKS, '')
    .replace(FOLDABLE, (letter) => FOLDED_LETTERS.get(letter) ?? letter)
    .replace(SEPARATORS, ' ');
}

/**
 * The case- and accent-insensitive form of `text` for whole-word matching, padded with one space on each side:
 * `"Je suis BLOQUÉ à l'aéroport!"` → `" je suis bloque a l aeroport "`. Empty text gives `" "`.
 */
export function normalizeText(text: string): string {
  // Lowercase after NFKD and before stripping marks: some capitals (İ) lowercase to a letter plus a mark.
  let folded = text.normalize('NFKD').toLowerCase().replace(LATIN_MARKS, '').replace(ASCII_SEPARATORS, ' ');
  if (NON_ASCII.test(folded)) folded = folded.replace(NON_ASCII_RUNS, foldNonAscii).replace(REPEATED_SPACES, ' ');
  const words = folded.trim();
  return words === '' ? ' ' : ` ${words} `;
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
