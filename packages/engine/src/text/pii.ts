// Personal data found in a mention's text (e-mails, phone numbers, payment cards, IBANs, order/account references),
// so rules can route or redact it and logs can show the text with the data masked.
//
// Phones: a number written with "+" or "00" is international and counts when libphonenumber's full metadata says it
// is valid. A national number ("06 12 34 56 78") is ambiguous — the same digits are often an order number, a
// price or a date — so it counts only when either
//   - it is valid for `defaultCountry` AND written the way it is dialled there, trunk prefix included
//     ("0612345678" counts for FR, "612345678" does not; for DE, "30123456" does not but "030 123456" does), or
//   - it is valid for one of FR, ES, RO, DE, GB, US AND grouped exactly as that country prints it
//     ("06 12 34 56 78", "612 34 56 78", "0721 234 567", "01512 3456789", "07400 123456", "(415) 555-2671").
// The second rule applies with or without `defaultCountry`: a formatted local number is unmistakable, while an
// unformatted block of digits is only trusted for the brand's own country.
// Flight numbers ("AF1234"), prices, dates, times and years are not personal data and are not reported.
//
// Every pattern here is linear: no quantified group can match the same text two ways, starts are pinned by
// lookbehinds, and phone validation stops after a fixed number of attempts, so hostile posts cannot stall the engine.
//
// Cost: most posts hold no digit and no "@" and are done after one test; a finder runs only when the text holds what
// its matches need (enough digits, an "@", "FR76"-like letters and digits), and a number is parsed as a formatted
// national number only when its digit groups are laid out the way that country prints numbers (phone-layouts.ts).

import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { EngineError } from '../errors.ts';
import { findEmails } from './email.ts';
import { findIbans } from './iban.ts';
import { MIN_CARD_DIGITS, findCardNumbers } from './luhn.ts';
import { ORDER_NUMBER_DIGITS, findOrderNumbers } from './order-number.ts';
import { nationalLayouts, type NationalLayouts } from './phone-layouts.ts';

export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'order_number';

/** One piece of personal data: its kind, the raw text as found (the caller masks it) and its [start, end) offsets. */
export interface PiiFinding {
  kind: PiiKind;
  value: string;
  start: number;
  end: number;
}

export interface PiiOptions {
  /** ISO 3166-1 alpha-2 country ("FR", case-insensitive) whose national phone formats are accepted unformatted. */
  defaultCountry?: string;
}

interface Span {
  start: number;
  end: number;
}

const KIND_ORDER: readonly PiiKind[] = ['email', 'phone', 'card', 'iban', 'order_number'];

// When findings overlap, checksummed kinds win, then e-mails (their local part may hold digits), then
// keyword-anchored order numbers, and phones last: "order 0612345678" is an order, a card's digits are not a phone.
const PRECEDENCE: readonly PiiKind[] = ['iban', 'card', 'email', 'order_number', 'phone'];

/**
 * Personal data in `text`, in text order, without overlaps. `defaultCountry` (e.g. the brand's country) makes
 * unformatted national phone numbers of that country count; throws `INVALID_INPUT` for an unknown country.
 */
export function findPii(text: string, options: PiiOptions = {}): PiiFinding[] {
  const country = phoneCountry(options.defaultCountry);
  if (!DIGIT_OR_AT.test(text)) return [];
  const shape = shapeOf(text);
  const findings: PiiFinding[] = [];
  for (const kind of PRECEDENCE) {
    for (const span of spansOf(kind, text, shape, country, findings)) {
      const overlaps = findings.some(
        (finding) => Math.max(finding.start, span.start) < Math.min(finding.end, span.end),
      );
      if (!overlaps) findings.push({ kind, value: text.slice(span.start, span.end), start: span.start, end: span.end });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

// One kind's candidates, when the text's shape allows any. Phones come last and are told what is already found,
// so no phone parse is spent on a card's or an IBAN's digits.
function spansOf(
  kind: PiiKind,
  text: string,
  shape: TextShape,
  country: CountryCode | undefined,
  found: readonly PiiFinding[],
): Span[] {
  switch (kind) {
    case 'iban':
      return shape.ibanHead ? findIbans(text) : [];
    case 'card':
      return shape.digits >= MIN_CARD_DIGITS ? findCardNumbers(text) : [];
    case 'email':
      return shape.at ? findEmails(text) : [];
    case 'order_number':
      return shape.digits >= ORDER_NUMBER_DIGITS || shape.capitalBesideDigit ? findOrderNumbers(text) : [];
    case 'phone':
      return shape.digits >= MIN_PHONE_DIGITS ? findPhoneNumbers(text, country, found) : [];
  }
}

/** The distinct kinds among `findings`, always in the order email, phone, card, iban, order_number. */
export function piiKinds(findings: readonly PiiFinding[]): PiiKind[] {
  const present = new Set(findings.map((finding) => finding.kind));
  return KIND_ORDER.filter((kind) => present.has(kind));
}

/**
 * `text` with each finding replaced by its kind in brackets ("call [phone]"), for logs and explanations.
 * Findings may come in any order; ones out of range or overlapping an earlier one are ignored.
 */
export function maskPii(text: string, findings: readonly PiiFinding[]): string {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let masked = '';
  let position = 0;
  for (const finding of ordered) {
    if (finding.start < position || finding.end > text.length || finding.end <= finding.start) continue;
    masked += `${text.slice(position, finding.start)}[${finding.kind}]`;
    position = finding.end;
  }
  return masked + text.slice(position);
}

// Every kind needs an ASCII digit (`\d` is ASCII-only even with the `u` flag), or an "@" for e-mails: most posts
// have neither and skip every finder.
const DIGIT_OR_AT = /[0-9@]/;

// What each finder needs before its patterns can match. Read with regular expressions rather than a loop over the
// characters: V8 compiles those for one- and two-byte strings alike, while a loop slows down several times once it
// has seen both.
const DIGITS = /[0-9]/g;
// Two letters then two digits, as an IBAN starts ("FR76").
const IBAN_HEAD = /[A-Za-z]{2}[0-9]{2}/;
// A capital next to a digit: a booking code with fewer than four digits is PNR-like ("ABC12").
const CAPITAL_BESIDE_DIGIT = /[A-Z][0-9]|[0-9][A-Z]/;

interface TextShape {
  digits: number;
  at: boolean;
  ibanHead: boolean;
  capitalBesideDigit: boolean;
}

function shapeOf(text: string): TextShape {
  return {
    digits: text.match(DIGITS)?.length ?? 0,
    at: text.includes('@'),
    ibanHead: IBAN_HEAD.test(text),
    capitalBesideDigit: CAPITAL_BESIDE_DIGIT.test(text),
  };
}

function phoneCountry(defaultCountry: string | undefined): CountryCode | undefined {
  if (defaultCountry === undefined) return undefined;
  const country = defaultCountry.toUpperCase();
  if (!isSupportedCountry(country)) {
    throw new EngineError('INVALID_INPUT', `Unknown country for phone numbers: "${defaultCountry}"`, {
      defaultCountry,
    });
  }
  return country;
}

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers

// Runs of digit groups joined by one separator (" ", ".", "-", "/", or brackets around an area code), optionally
// led by "+" or "(". Every repetition needs a separator then a digit, so a run is matched in one pass.
const PHONE_RUN = /(?<![\p{L}\p{N}])(?:\+|\(\+?)?\d+(?:(?:[ ./-]|\) ?|\)[.-]| ?\()\d+)*/gu;
const LETTER = /\p{L}/u;
const FALLBACK_COUNTRIES: readonly CountryCode[] = ['FR', 'ES', 'RO', 'DE', 'GB', 'US'];
// How each of them groups the digits of its national numbers, so a window grouped otherwise is not parsed.
const FALLBACK_LAYOUTS: ReadonlyMap<CountryCode, NationalLayouts> = new Map(
  FALLBACK_COUNTRIES.map((country) => [country, nationalLayouts(country)]),
);
const MIN_PHONE_DIGITS = 7;
// E.164 allows 15 digits; "00" before the country code adds 2.
const MAX_PHONE_DIGITS = 17;
// Each attempt is one metadata parse (~10 µs). A real post needs a handful; a 20,000-digit wall stops here.
const PHONE_ATTEMPTS = 1_500;

// Counts metadata parses left for this call; shared by reference across the helpers of one `findPii` call.
interface AttemptBudget {
  attempts: number;
}

interface PhoneSearch {
  country: CountryCode | undefined;
  found: readonly Span[];
  budget: AttemptBudget;
}

interface PhoneWindow {
  raw: string; // the text, with any leading "+" or "("
  digits: string;
  groups: readonly number[]; // digit-group lengths, to compare with the country's own formatting
}

// `found` holds the other kinds' findings: their characters are claimed.
function findPhoneNumbers(text: string, country: CountryCode | undefined, found: readonly Span[]): Span[] {
  const spans: Span[] = [];
  const budget: AttemptBudget = { attempts: PHONE_ATTEMPTS };
  for (const run of text.matchAll(PHONE_RUN)) {
    if (budget.attempts <= 0) break;
    const runEnd = run.index + run[0].length;
    if (LETTER.test(text.charAt(runEnd))) continue;
    spans.push(...phonesInRun(text, run.index, runEnd, { country, found, budget }));
  }
  return spans;
}

// Tries windows of whole digit groups, longest first from each group, so "1. 06 12 34 56 78" and two numbers
// typed one after the other ("06 12 34 56 78 06 98 76 54 32") are both found.
function phonesInRun(text: string, runStart: number, runEnd: number, search: PhoneSearch): Span[] {
  const spans: Span[] = [];
  for (const groups of candidatePieces(text, digitGroups(text, runStart, runEnd), search.found)) {
    let first = 0;
    while (first < groups.length && search.budget.attempts > 0) {
      const found = longestPhoneFrom(text, runStart, groups, first, search);
      if (found) {
        spans.push(found.span);
        first = found.next;
      } else {
        first++;
      }
    }
  }
  return spans;
}

function longestPhoneFrom(
  text: string,
  runStart: number,
  groups: readonly Span[],
  first: number,
  { country, budget }: PhoneSearch,
): { span: Span; next: number } | undefined {
  const firstGroup = groups[first];
  if (!firstGroup) return undefined;
  // Keep a leading "+" or "(" (only a run's start can have "+"), which decides international vs national.
  let start = firstGroup.start;
  while (start > runStart && (text.charAt(start - 1) === '+' || text.charAt(start - 1) === '(')) start--;
  const lengths: number[] = [];
  let digitCount = 0;
  for (let last = first; last < groups.length; last++) {
    const group = groups[last];
    if (!group || digitCount + group.end - group.start > MAX_PHONE_DIGITS) break;
    digitCount += group.end - group.start;
    lengths.push(group.end - group.start);
  }
  for (let last = first + lengths.length - 1; last >= first && budget.attempts > 0; last--) {
    const end = groups[last]?.end ?? start;
    const raw = text.slice(start, end);
    const windowGroups = lengths.slice(0, last - first + 1);
    const digits = raw.replace(/\D/g, '');
    if (digits.length < MIN_PHONE_DIGITS) break;
    if (isPhoneNumber({ raw, digits, groups: windowGroups }, country, budget)) {
      return { span: { start, end }, next: last + 1 };
    }
  }
  return undefined;
}

function digitGroups(text: string, start: number, end: number): Span[] {
  const groups: Span[] = [];
  let groupStart = -1;
  for (let index = start; index <= end; index++) {
    const code = index < end ? text.charCodeAt(index) : -1;
    const isDigit = code >= 48 && code <= 57;
    if (isDigit && groupStart < 0) groupStart = index;
    if (!isDigit && groupStart >= 0) {
      groups.push({ start: groupStart, end: index });
      groupStart = -1;
    }
  }
  return groups;
}

// Splits a run's groups around those that cannot be part of a phone number: digits already claimed, dates and IP
// addresses (German numbering would otherwise accept "05/2024 12.05.2024" or "168.1.254").
function candidatePieces(text: string, groups: readonly Span[], found: readonly Span[]): Span[][] {
  const pieces: Span[][] = [[]];
  for (let index = 0; index < groups.length; index++) {
    const skipped = isClaimed(found, groups[index]?.start ?? 0) ? 1 : isIpAddressAt(text, groups, index) ? 4 : isDateAt(text, groups, index) ? 3 : 0;
    if (skipped > 0) {
      pieces.push([]);
      index += skipped - 1;
    } else {
      const group = groups[index];
      if (group) pieces.at(-1)?.push(group);
    }
  }
  return pieces.filter((piece) => piece.length > 0);
}

function isClaimed(found: readonly Span[], position: number): boolean {
  for (const span of found) if (span.start <= position && position < span.end) return true;
  return false;
}

// Day-month-year or year-month-day with a four-digit year and one repeated separator ("12.05.2024", "2024-05-12",
// "5/12/2024"). Two-digit years are left alone: "06.12.34" is the start of a French number.
function isDateAt(text: string, groups: readonly Span[], index: number): boolean {
  const [a, b, c] = [groups[index], groups[index + 1], groups[index + 2]];
  if (!a || !b || !c) return false;
  const separator = text.slice(a.end, b.start);
  if (!/^[./-]$/.test(separator) || text.slice(b.end, c.start) !== separator) return false;
  const [first, second, third] = [a, b, c].map((group) => text.slice(group.start, group.end));
  if (!first || !second || !third) return false;
  const small = (value: string, max: number) => value.length <= 2 && Number(value) >= 1 && Number(value) <= max;
  if (first.length === 4) return small(second, 12) && small(third, 31);
  return third.length === 4 && small(first, 31) && small(second, 31) && (small(first, 12) || small(second, 12));
}

// Exactly four dot-joined groups of 0–255: "06.12.34.56.78" has five and stays a French number.
function isIpAddressAt(text: string, groups: readonly Span[], index: number): boolean {
  const dotJoined = (left: Span | undefined, right: Span | undefined) =>
    left !== undefined && right !== undefined && right.start === left.end + 1 && text.charAt(left.end) === '.';
  if (dotJoined(groups[index - 1], groups[index]) || dotJoined(groups[index + 3], groups[index + 4])) return false;
  for (let offset = 0; offset < 4; offset++) {
    const group = groups[index + offset];
    if (!group || group.end - group.start > 3 || Number(text.slice(group.start, group.end)) > 255) return false;
    if (offset > 0 && !dotJoined(groups[index + offset - 1], group)) return false;
  }
  return true;
}

function isPhoneNumber(window: PhoneWindow, country: CountryCode | undefined, budget: AttemptBudget): boolean {
  if (window.raw.startsWith('+') || window.raw.startsWith('(+')) return isValidInternational(window.raw, budget);
  // "00" is the international prefix across Europe; "000…" is not a number.
  if (window.digits.startsWith('00') && !window.digits.startsWith('000')) {
    return isValidInternational(`+${window.digits.slice(2)}`, budget);
  }
  if (country && isDialledNationalNumber(window.digits, country, budget)) return true;
  // Every national format of the fallback countries has at least two groups.
  if (window.groups.length < 2) return false;
  return FALLBACK_COUNTRIES.some(
    (fallback) => fallback !== country && isFormattedNationalNumber(window, fallback, budget),
  );
}

function isValidInternational(raw: string, budget: AttemptBudget): boolean {
  budget.attempts--;
  return parsePhoneNumberFromString(raw)?.isValid() === true;
}

function isDialledNationalNumber(digits: string, country: CountryCode, budget: AttemptBudget): boolean {
  budget.attempts--;
  const phone = parsePhoneNumberFromString(digits, country);
  if (!phone?.isValid()) return false;
  const dialled = phone.formatNational().replace(/\D/g, '');
  // North Americans often dial the country code "1" before the area code.
  return digits === dialled || (phone.countryCallingCode === '1' && digits === `1${dialled}`);
}

function isFormattedNationalNumber(window: PhoneWindow, country: CountryCode, budget: AttemptBudget): boolean {
  budget.attempts--;
  // Counted as an attempt all the same, so the budget runs out where it always did.
  if (FALLBACK_LAYOUTS.get(country)?.mayPrint(window.digits, window.groups) === false) return false;
  const phone = parsePhoneNumberFromString(window.digits, country);
  if (!phone?.isValid()) return false;
  const printed = phone.formatNational().split(/\D+/).filter((group) => group !== '');
  return (
    printed.join('') === window.digits &&
    printed.length === window.groups.length &&
    printed.every((group, index) => group.length === window.groups[index])
  );
}
