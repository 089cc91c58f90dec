// Personal events a mention announces (a birthday, an anniversary, a wedding, a trip) and when they happen,
// in English, French, Spanish, Romanian and German.
//
// The kind comes from keyword lists, matched whole-word and accent-free like every term list in rules. The date is
// read only once a kind matched: with chrono-node (en, fr, es, de), and with a small phrase table for what chrono
// lacks: Romanian, and a few common phrases it misses or misreads ("la semana que viene", "pasado mañana",
// "après-demain", "ce week-end", "am Wochenende").
//
// Dates are resolved relative to the mention's createdAt, read in the workspace time zone, never the clock.
// Conventions, the same for chrono and the phrase table:
// - a shift from the mention ("tomorrow", "next week", "in 3 days", "luna viitoare") keeps the mention's local time
//   of day;
//   "next week" is one week after the mention (from a Monday, the next Monday), "next month" the same day next month;
// - a named day ("on 14 March", "pe 14 martie", "this weekend", "next Friday") starts at 12:00 local time, and a date
//   already past this year means next year;
// - durations ("delayed 2 hours", "for 2 weeks") and bare times ("at 5") name no day and are ignored.
import * as chronoDe from 'chrono-node/de';
import * as chronoEn from 'chrono-node/en';
import * as chronoEs from 'chrono-node/es';
import * as chronoFr from 'chrono-node/fr';
import { localParts } from '../time/business-hours.ts';
import { zoneClock } from '../time/zone-clock.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { compileTerms, type TermMatcher } from './terms.ts';

export const PERSONAL_EVENT_KINDS = ['birthday', 'anniversary', 'wedding', 'trip', 'none'] as const;
export type PersonalEventKind = (typeof PERSONAL_EVENT_KINDS)[number];
type EventKind = Exclude<PersonalEventKind, 'none'>;

const EVENT_LANGUAGES = ['en', 'fr', 'es', 'ro', 'de'] as const;
type EventLanguage = (typeof EVENT_LANGUAGES)[number];

const MINUTE = 60_000;
const DAY = 86_400_000;
// A date is looked for in the first characters only: chrono's cost grows with the text (a 20,000-character email
// takes over 100 ms), and a post announcing an event names its day early.
const MAX_DATE_TEXT = 1_000;

// ---------------------------------------------------------------------------------------------------------------
// Kinds

/**
 * Keywords per kind and language, checked kind by kind in this order: "anniversaire de mariage" is an anniversary
 * (not a birthday, not a wedding), "wedding anniversary" too. A honeymoon counts as a wedding: the customer is a
 * newlywed, and the follow-up congratulates them. Accents and case do not matter.
 */
const KEYWORDS: ReadonlyArray<readonly [EventKind, Readonly<Record<EventLanguage, readonly string[]>>]> = [
  [
    'anniversary',
    {
      en: ['anniversary', 'wedding anniversary'],
      fr: ['anniversaire de mariage', 'anniversaire de rencontre', 'notre anniversaire'],
      es: ['aniversario', 'aniversario de boda'],
      ro: ['aniversare', 'aniversarea', 'aniversarii', 'aniversarea nunții'],
      de: ['Jahrestag', 'Hochzeitstag'],
    },
  ],
  [
    'birthday',
    {
      en: ['birthday', 'bday', "b'day"],
      fr: ['anniversaire', 'anniv'],
      es: ['cumpleaños'],
      ro: ['ziua mea de naștere', 'ziua de naștere', 'zi de naștere', 'ziua lui de naștere', 'ziua ei de naștere'],
      de: ['Geburtstag', 'Geburtstags', 'Geburtstagsfeier'],
    },
  ],
  [
    'wedding',
    {
      en: ['wedding', 'honeymoon', 'getting married', 'get married'],
      fr: ['mariage', 'lune de miel', 'je me marie', 'nous nous marions', 'on se marie'],
      es: ['boda', 'luna de miel', 'me caso', 'nos casamos'],
      ro: ['nuntă', 'nunta', 'nunții', 'luna de miere', 'mă căsătoresc', 'ne căsătorim'],
      de: ['Hochzeit', 'Flitterwochen', 'heirate', 'heiraten'],
    },
  ],
  [
    'trip',
    {
      en: ['trip', 'holiday', 'holidays', 'vacation', 'flight', 'flights', 'flying'],
      fr: ['voyage', 'vacances', 'vol', 'vols'],
      es: ['viaje', 'vacaciones', 'vuelo', 'vuelos'],
      ro: ['călătorie', 'călătoria', 'vacanță', 'vacanța', 'zbor', 'zborul'],
      de: ['Reise', 'Urlaub', 'Ferien', 'Flug', 'fliege', 'fliegen'],
    },
  ],
];

interface KindMatcher {
  readonly kind: EventKind;
  readonly any: TermMatcher;
  readonly byLanguage: ReadonlyArray<readonly [EventLanguage, TermMatcher]>;
}

const KIND_MATCHERS: readonly KindMatcher[] = KEYWORDS.map(([kind, lists]) => ({
  kind,
  any: compileTerms(Object.values(lists).flat()),
  byLanguage: EVENT_LANGUAGES.map((language) => [language, compileTerms([...lists[language]])] as const),
}));

export interface PersonalEventMatch {
  readonly kind: PersonalEventKind;
  /** The languages whose keywords named the event: the text is read for a date in these (after its own language). */
  readonly languages: readonly string[];
}

/** The kind of personal event the text announces; `normalizedText` and `tokens` as `normalizeText` and `tokenize` give. */
export function matchPersonalEvent(normalizedText: string, tokens: ReadonlySet<string>): PersonalEventMatch {
  for (const matcher of KIND_MATCHERS) {
    if (!matcher.any.matches(normalizedText, tokens)) continue;
    const languages = matcher.byLanguage.filter(([, terms]) => terms.matches(normalizedText, tokens)).map(([language]) => language);
    return { kind: matcher.kind, languages };
  }
  return { kind: 'none', languages: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Wall-clock arithmetic in the workspace time zone

interface Reference {
  readonly instant: number;
  readonly timezone: string;
}

// Local days whose midnight `Date.parse` reads back from a YYYY-MM-DD date (years 0000–9999), and the range of `Date`.
const FIRST_PLAIN_DAY = Date.parse('0000-01-01T00:00:00Z');
const LAST_PLAIN_DAY = Date.parse('9999-12-31T00:00:00Z');
const MAX_DATE = 8.64e15;

/** Minutes the zone is ahead of UTC at `at` (Paris in winter: 60). */
function offsetMinutes(at: number, timezone: string): number {
  const minute = Math.floor(at / MINUTE) * MINUTE;
  const wall = Math.abs(minute) <= MAX_DATE ? zoneClock(timezone).wallTime(minute) : Number.NaN;
  const day = Math.floor(wall / DAY) * DAY;
  // Outside years 0000–9999 the local date does not read back as the day, and an invalid date throws: read through
  // localParts as always, so those odd answers stay what they were.
  if (!(day >= FIRST_PLAIN_DAY && day <= LAST_PLAIN_DAY)) {
    const parts = localParts(new Date(minute), timezone);
    return Math.round((Date.parse(`${parts.date}T00:00:00Z`) + parts.minuteOfDay * MINUTE - minute) / MINUTE);
  }
  return Math.round((Math.floor(wall / MINUTE) * MINUTE - minute) / MINUTE);
}

/** The wall-clock reading of an instant, as a UTC timestamp (so getUTC* give local fields). */
function wallOf(at: number, timezone: string): number {
  return at + offsetMinutes(at, timezone) * MINUTE;
}

/** The instant a wall-clock reading happens at (two passes, so a DST change between them is accounted for). */
function instantOf(wall: number, timezone: string): number {
  const first = wall - offsetMinutes(wall, timezone) * MINUTE;
  return wall - offsetMinutes(first, timezone) * MINUTE;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function shiftDays(ref: Reference, days: number): number {
  return instantOf(wallOf(ref.instant, ref.timezone) + days * DAY, ref.timezone);
}

function shiftMonths(ref: Reference, months: number): number {
  const wall = new Date(wallOf(ref.instant, ref.timezone));
  const target = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + months, 1));
  const day = Math.min(wall.getUTCDate(), daysInMonth(target.getUTCFullYear(), target.getUTCMonth()));
  const timeOfDay = wall.getTime() - Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  return instantOf(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day) + timeOfDay, ref.timezone);
}

function noonOn(year: number, month: number, day: number, timezone: string): number {
  return instantOf(Date.UTC(year, month, day, 12), timezone);
}

/** Saturday noon of this weekend (today when it is Sunday), or of a later one. */
function weekend(ref: Reference, weeksLater: number): number {
  const wall = new Date(wallOf(ref.instant, ref.timezone));
  const weekday = wall.getUTCDay();
  const ahead = weekday === 0 ? (weeksLater > 0 ? -1 : 0) : 6 - weekday;
  const day = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + ahead + 7 * weeksLater));
  return noonOn(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), ref.timezone);
}

/** Noon on a day of a month; with no year, the next such day from the mention on (today included). */
function namedDay(ref: Reference, day: number, month: number, year?: number): number | undefined {
  const wall = new Date(wallOf(ref.instant, ref.timezone));
  let resolvedYear = year ?? wall.getUTCFullYear();
  if (year === undefined && Date.UTC(resolvedYear, month, day) < Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())) {
    resolvedYear += 1;
  }
  if (day < 1 || day > daysInMonth(resolvedYear, month)) return undefined;
  return noonOn(resolvedYear, month, day, ref.timezone);
}

// ---------------------------------------------------------------------------------------------------------------
// The phrase table: Romanian, and what chrono misses or misreads. Patterns run on the normalized text
// (lower case, no accents, words separated by single spaces, padded: " pe 14 martie "), in list order:
// longer phrases first, so "pasado mañana" is not read as "mañana", nor "fin de semana que viene" as "semana que viene".

type Resolver = (match: RegExpExecArray, ref: Reference) => number | undefined;
type Phrase = readonly [pattern: RegExp, resolve: Resolver];

const days = (count: number): Resolver => (_match, ref) => shiftDays(ref, count);
const months = (count: number): Resolver => (_match, ref) => shiftMonths(ref, count);
const weekendIn = (weeksLater: number): Resolver => (_match, ref) => weekend(ref, weeksLater);

const RO_MONTHS = ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'];
const RO_NUMBERS: Readonly<Record<string, number>> = { o: 1, un: 1, una: 1, doua: 2, doi: 2, trei: 3, patru: 4, cinci: 5 };
const RO_UNITS: Readonly<Record<string, 'day' | 'week' | 'month'>> = {
  zi: 'day', zile: 'day', saptamana: 'week', saptamani: 'week', luna: 'month', luni: 'month',
};

const PHRASES: Readonly<Record<EventLanguage, readonly Phrase[]>> = {
  en: [],
  fr: [
    [/ apres demain /, days(2)],
    [/ (?:week ?end prochain|prochain week ?end) /, weekendIn(1)],
    [/ ce week ?end /, weekendIn(0)],
  ],
  es: [
    [/ pasado manana /, days(2)],
    [/ (?:proximo fin de semana|fin de semana (?:que viene|proximo)) /, weekendIn(1)],
    [/ (?:este|el) fin de semana /, weekendIn(0)],
    [/ (?:proxima semana|semana (?:que viene|proxima)) /, days(7)],
    [/ (?:proximo mes|mes (?:que viene|proximo)) /, months(1)],
  ],
  de: [
    [/ (?:nachstes|nachsten|kommendes|kommenden) wochenende /, weekendIn(1)],
    [/ (?:am|dieses|diesem) wochenende /, weekendIn(0)],
  ],
  ro: [
    [/ poimaine /, days(2)],
    [/ (?:maine|miine) /, days(1)],
    [/ (?:azi|astazi) /, days(0)],
    [/ weekend(?: ?ul)? (?:viitor|urmator) /, weekendIn(1)],
    [/ (?:weekend(?: ?ul)? (?:acesta|asta)|(?:in|la) weekend) /, weekendIn(0)],
    [/ saptamana (?:viitoare|urmatoare) /, days(7)],
    [/ luna (?:viitoare|urmatoare) /, months(1)],
    [
      / peste (\d{1,3}|o|un|una|doua|doi|trei|patru|cinci) (zi|zile|saptamana|saptamani|luna|luni) /,
      (match, ref) => {
        const count = RO_NUMBERS[match[1]!] ?? Number(match[1]);
        const unit = RO_UNITS[match[2]!];
        return unit === 'month' ? shiftMonths(ref, count) : shiftDays(ref, unit === 'week' ? 7 * count : count);
      },
    ],
    [
      new RegExp(` (\\d{1,2}) (${RO_MONTHS.join('|')})(?: (\\d{4}))? `),
      (match, ref) => namedDay(ref, Number(match[1]), RO_MONTHS.indexOf(match[2]!), match[3] ? Number(match[3]) : undefined),
    ],
  ],
};

function fromPhrases(language: EventLanguage, normalizedText: string, ref: Reference): number | undefined {
  for (const [pattern, resolve] of PHRASES[language]) {
    const match = pattern.exec(normalizedText);
    if (match) return resolve(match, ref);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// chrono-node, for English (British day-first dates: 04/03 is 4 March), French, Spanish and German.

type Chrono = typeof chronoEn.GB;
type ChronoResult = ReturnType<Chrono['parse']>[number];

const CHRONO: Readonly<Partial<Record<EventLanguage, Chrono>>> = {
  en: chronoEn.GB,
  fr: chronoFr.casual,
  es: chronoEs.casual,
  de: chronoDe.casual,
};

// "for 2 weeks", "pendant 3 jours", "durante una semana", "für 2 Wochen": how long a trip lasts, not when it starts.
const DURATION_OPENER = /^(?:for|pendant|durante|f(?:ü|ue|u)r)\s/i;

/** Whether a chrono result names a day: durations under a day ("delayed 2 hours") and bare times ("at 5") do not. */
function namesADay(result: ChronoResult): boolean {
  if (result.tags().has('result/relativeDateAndTime')) return false;
  if (DURATION_OPENER.test(result.text)) return false;
  const { start } = result;
  return start.isCertain('day') || start.isCertain('weekday') || start.isCertain('month') || !start.isCertain('hour');
}

// Greetings that read as dates: "Guten Morgen" is good morning, not "good tomorrow".
const GREETINGS = /\b(?:guten|schönen|schoenen)\s+morgen\b/giu;

function fromChrono(language: EventLanguage, text: string, ref: Reference, offset: () => number): number | undefined {
  const chrono = CHRONO[language];
  if (!chrono) return undefined;
  const input = language === 'de' ? text.replace(GREETINGS, (greeting) => ' '.repeat(greeting.length)) : text;
  const found = chrono.parse(input, { instant: new Date(ref.instant), timezone: offset() }, { forwardDate: true }).find(namesADay);
  if (!found) return undefined;
  const at = found.start.date().getTime();
  // chrono reads the whole text at the mention's UTC offset; read its wall-clock answer again in the time zone, so
  // "on 14 April" from March is noon in summer time too (unless the text gave its own zone: "5pm CET").
  return found.start.isCertain('timezoneOffset') ? at : instantOf(at + offset() * MINUTE, ref.timezone);
}

// chrono reads a whole text for every way of writing a date, which costs far more than the rest of a mention's
// facts; an airline's posts say "flight" (a trip word) all day. Only texts with a digit or a date word go to it.
const DATE_WORDS: Readonly<Record<'en' | 'fr' | 'es' | 'de', string>> = {
  en: 'today tomorrow tonight week weeks month weekend next monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
  fr: 'aujourd demain semaine mois week end prochain prochaine lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
  es: 'hoy manana semana mes fin proximo proxima lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  de: 'heute morgen ubermorgen uebermorgen woche monat wochenende nachste naechste nachsten naechsten montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz maerz april mai juni juli august september oktober november dezember',
};
const DATE_CUES: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(DATE_WORDS).map(([language, words]) => [language, new Set(words.split(' '))]));
const DIGIT = /\d/;

function mayNameADay(language: EventLanguage, hasDigit: boolean, tokens: Iterable<string>): boolean {
  if (hasDigit) return true;
  const cues = DATE_CUES.get(language);
  if (!cues) return true;
  for (const token of tokens) if (cues.has(token)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------

export interface EventDateOptions {
  /** When the mention was posted (its createdAt): relative expressions count from here. */
  readonly reference: string | Date;
  /** The workspace time zone, in which "tomorrow" and "on 14 March" are read. */
  readonly timezone: string;
  /** Languages to read the text in, most likely first; languages other than en, fr, es, ro, de are skipped. Default: all five. */
  readonly languages?: readonly string[];
  /** The text's normal form and its words (`normalizeText`, `tokenize`), when the caller has them already. */
  readonly form?: { readonly normalized: string; readonly tokens: ReadonlySet<string> };
}

function isEventLanguage(language: string): language is EventLanguage {
  return (EVENT_LANGUAGES as readonly string[]).includes(language);
}

/** When the event the text announces starts, as an ISO date-time in UTC; undefined when the text gives no day. */
export function resolveEventDate(text: string, options: EventDateOptions): string | undefined {
  const instant = new Date(options.reference).getTime();
  if (!Number.isFinite(instant)) return undefined;
  const ref: Reference = { instant, timezone: options.timezone };
  const wanted = (options.languages ?? EVENT_LANGUAGES).filter(isEventLanguage);
  const languages = [...new Set(wanted.length > 0 ? wanted : EVENT_LANGUAGES)];
  const head = text.slice(0, MAX_DATE_TEXT);
  // The caller's normal form is the head's when the text is no longer than the head.
  const given = head.length === text.length ? options.form : undefined;
  const normalized = given?.normalized ?? normalizeText(head);
  const hasDigit = DIGIT.test(normalized);
  // The words are read only when there is no digit.
  const tokens = given?.tokens ?? (hasDigit ? [] : tokenize(normalized));
  // The mention's UTC offset, looked up once, and only when chrono is asked.
  let offset: number | undefined;
  const offsetAtMention = (): number => (offset ??= offsetMinutes(instant, ref.timezone));
  for (const language of languages) {
    const at = fromPhrases(language, normalized, ref) ?? (mayNameADay(language, hasDigit, tokens) ? fromChrono(language, head, ref, offsetAtMention) : undefined);
    if (at !== undefined && Number.isFinite(at)) return new Date(at).toISOString();
  }
  return undefined;
}

export interface PersonalEvent {
  readonly kind: PersonalEventKind;
  /** ISO date-time (UTC) of the event's start; absent when there is no event or no day can be worked out. */
  readonly date?: string;
}

export interface DetectOptions {
  readonly reference: string | Date;
  readonly timezone: string;
  /** The mention's language, when known: read first for a date. */
  readonly language?: string;
}

/** The personal event a text announces, and when (standalone form of the `personalEvent.*` facts). */
export function detectPersonalEvent(text: string, options: DetectOptions): PersonalEvent {
  const normalized = normalizeText(text);
  const match = matchPersonalEvent(normalized, new Set(tokenize(normalized)));
  if (match.kind === 'none') return { kind: 'none' };
  const languages = options.language ? [options.language, ...match.languages] : match.languages;
  const date = resolveEventDate(text, { reference: options.reference, timezone: options.timezone, languages });
  return date === undefined ? { kind: match.kind } : { kind: match.kind, date };
}
