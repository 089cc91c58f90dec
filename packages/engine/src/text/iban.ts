// IBANs in free text, for the personal-data finder (pii.ts): a country code, check digits and the country's
// registered length, with a valid checksum.
import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';

// A country code, check digits, then up to 30 letters/digits with optional single spaces; each repetition consumes
// exactly one character, so there is nothing to backtrack into. The country's registered length decides where the
// IBAN ends, which keeps the next word out of it. Scanning a whole post with this is slow (the lookbehind is a
// Unicode class), so it is tried, sticky, only where two letters and two digits start a word: the only places a
// scan of the whole text could match.
const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,30}/uy;
// Where IBAN_START can match: two letters and two digits (then checked to start a word).
const IBAN_HEAD = /[A-Za-z]{2}[0-9]{2}/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER_OR_DIGIT_CHARACTER = /^[\p{L}\p{N}]$/u;
const ALPHANUMERIC = /[A-Za-z0-9]/;
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([country, spec]) =>
    spec.chars ? [[country, spec.chars] as const] : [],
  ),
);

/** Spans of valid IBANs in `text`, in text order, written with or without single spaces. */
export function findIbans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  // Private copies, because their lastIndex is set for each candidate and module state must stay untouched.
  const heads = new RegExp(IBAN_HEAD);
  let candidates: RegExp | undefined;
  for (let head = heads.exec(text); head; head = heads.exec(text)) {
    const start = head.index;
    if (isLetterOrDigitBefore(text, start)) {
      heads.lastIndex = start + 1;
      continue;
    }
    candidates ??= new RegExp(IBAN_START);
    candidates.lastIndex = start;
    const match = candidates.exec(text);
    const end = match ? start + (ibanLength(match[0]) ?? 0) : start;
    if (end > start && !LETTER_OR_DIGIT.test(text.charAt(end)) && isIban(text.slice(start, end))) {
      spans.push({ start, end });
      heads.lastIndex = end;
    } else {
      // The candidate may have swallowed the start of a real IBAN ("ab12 FR76 …"): look again one character on.
      heads.lastIndex = start + 1;
    }
  }
  return spans;
}

// Whether the character (code point) ending at `index` is a letter or digit, as a `(?<![\p{L}\p{N}])` sees it.
function isLetterOrDigitBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const low = text.charCodeAt(index - 1);
  const width = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  return LETTER_OR_DIGIT_CHARACTER.test(text.slice(index - width, index));
}

function isIban(written: string): boolean {
  return isValidIBAN(electronicFormatIBAN(written) ?? '');
}

// Length of the candidate's prefix holding exactly the country's IBAN length in characters, if it has that many.
function ibanLength(candidate: string): number | undefined {
  const length = IBAN_LENGTHS.get(candidate.slice(0, 2).toUpperCase());
  if (length === undefined) return undefined;
  let characters = 0;
  for (let index = 0; index < candidate.length; index++) {
    if (ALPHANUMERIC.test(candidate.charAt(index)) && ++characters === length) return index + 1;
  }
  return undefined;
}
