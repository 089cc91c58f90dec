// Which language a mention is written in, guessed from its text with tinyld (pure JS, n-gram based),
// tuned for short social posts in the languages Mentionflow supports.
import { detectAll, supportedLanguages, toISO2 } from 'tinyld';
import { languageByFunctionWords } from './function-words.ts';

/** The languages Mentionflow's lexicons and term lists are built for. */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'es', 'ro', 'de'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_LANGUAGES);

/** Whether `language` is one of the supported ISO 639-1 codes. */
export function isSupportedLanguage(language: string): language is SupportedLanguage {
  return SUPPORTED.has(language);
}

// Candidates tinyld may answer with: ours plus the languages customers most often write in instead
// (and the close relatives ours get confused with), so an Italian post is called Italian, not Spanish.
const CANDIDATE_CODES: readonly string[] = [
  ...SUPPORTED_LANGUAGES,
  'it', 'pt', 'ca', 'nl', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'sk', 'hu', 'hr', 'bg', 'el', 'ru', 'uk',
  'tr', 'ar', 'he', 'hi', 'id', 'vi', 'th', 'ja', 'zh', 'ko',
];

// tinyld asks `only.includes(code)` for each of its ~60 languages, twice, for every word of the post: with a plain
// array that linear scan was a quarter of its time on our posts. This list holds the same codes, so tinyld answers
// exactly as before, but looks them up in a Set.
// The first question is about the language's ISO 639-3 code ("fra"), the second, when that fails, about its
// ISO 639-1 code ("fr"), worked out each time. The Set also holds our candidates' 639-3 codes, so the first question
// settles them; the answers do not change, as tinyld never asks about a 639-1 code that is also a 639-3 code of ours.
class CandidateList extends Array<string> {
  // Copies made by map, filter or slice are plain arrays (they would not know the Set).
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  private readonly members: ReadonlySet<string>;

  constructor(codes: readonly string[]) {
    super();
    this.push(...codes);
    this.members = new Set([...codes, ...supportedLanguages.filter((iso3) => codes.includes(toISO2(iso3)))]);
  }

  override includes(code: string, fromIndex?: number): boolean {
    return fromIndex === undefined ? this.members.has(code) : super.includes(code, fromIndex);
  }
}

const CANDIDATES = new CandidateList(CANDIDATE_CODES);

// Short posts are ambiguous between close languages; customers mostly write in ours, so a supported
// language wins unless another is more than twice as likely. Measured on 2–4 word posts, this fixed
// more of ours than it cost Italian, Portuguese and Dutch.
const SUPPORTED_PRIOR = 2;

// Handles, hashtags, links and e-mail addresses are names, not language; left in, they make tinyld guess wildly
// ("https://x.co/abc" reads as Czech).
const NOT_LANGUAGE = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|[@#＃]\S+/giu;

const LETTER = /\p{L}/u;

// Fewer letters than this ("ok", "lol", "👍👍") carry no language.
const MIN_LETTERS = 4;

// Fewer words than this, without a telling function word, are left to the fallback.
const MIN_WORDS = 3;

// tinyld's cost grows with the text; the first few hundred characters are plenty to tell a language.
const MAX_CHARS = 400;

function hasLetters(text: string, count: number): boolean {
  let seen = 0;
  for (const char of text) {
    if (LETTER.test(char) && ++seen >= count) return true;
  }
  return false;
}

/**
 * The ISO 639-1 code of the language `text` is written in, or `fallback` when the text has too little
 * language in it to tell (only emoji, a link, a handle, a couple of letters).
 */
export function detectLanguage(text: string, fallback: string): string {
  const prose = text.slice(0, MAX_CHARS).replace(NOT_LANGUAGE, ' ');
  if (!hasLetters(prose, MIN_LETTERS)) return fallback;
  const told = languageByFunctionWords(prose);
  if (told) return told;
  // Two words ("hello there", "merci beaucoup") are too few for n-grams to tell close languages apart.
  if (prose.trim().split(/\s+/).filter((word) => hasLetters(word, 1)).length < MIN_WORDS) return fallback;

  let best = fallback;
  let bestWeight = 0;
  for (const { lang, accuracy } of detectAll(prose, { only: CANDIDATES })) {
    const weight = SUPPORTED.has(lang) ? accuracy * SUPPORTED_PRIOR : accuracy;
    if (weight > bestWeight) {
      best = lang;
      bestWeight = weight;
    }
  }
  return best;
}
