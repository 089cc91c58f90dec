// Reply templates as people write them: `{{variable}}`s, `{{#section}}…{{/section}}`s, and alternative bodies
// separated by a line holding only `---`. Parsed once when saved (every mistake named, with its line), rendered
// many times. Pure: no storage, no clock; the expected response time is worked out from values passed in.
//
// Syntax
//   {{author.name}}              a variable (spaces inside the braces are allowed: {{ author.name }})
//   {{#agent}} – {{agent.initials}}{{/agent}}
//                                a section: rendered only when its name is set (a flag that is true, or a
//                                variable that is not empty); sections nest
//   {{^afterHours}}…{{/afterHours}}
//                                an inverted section: rendered only when its name is NOT set
//   ---                          on a line of its own: separates alternative bodies; one is picked per mention
//
// A variable with no value renders as nothing, and the line is tidied: no double spaces, no space before the
// punctuation that follows, no dangling signature dash (`Thanks! – {{agent.initials}}` at decision time reads
// `Thanks!`). Unknown names are refused when the template is saved, never printed.
import { localParts, type LocalParts, type Priority, type Settings, type Weekday } from '@mentionflow/engine';
import { businessTime } from './business-time.ts';

/** Every variable a template may print, with what it holds. */
export const TEMPLATE_VARIABLES = {
  'author.name': 'The customer’s display name, or their handle when they have none.',
  'author.handle': 'The customer’s handle, e.g. @claire.',
  'agent.initials': 'The initials of the agent who sends the reply. Filled at reply time; empty in the text of a decision.',
  expectedResponse:
    'When the customer can expect an answer, in their language: the response target of the decision’s priority (“15 minutes”, “4 hours”, “1 day”), or, when the team is closed and the reply waits for it, the next opening (“Monday at 09:00”, “tomorrow at 09:00”).',
  'notice.link': 'A link to the public notice of the incident the mention is about (/notices/<topic>).',
  brand: 'The brand’s name (the first name in the settings).',
} as const;

/** Conditions usable only as sections: `{{#afterHours}}…{{/afterHours}}`, `{{^agent}}…{{/agent}}`. */
export const TEMPLATE_FLAGS = {
  agent: 'An agent signs the reply (at reply time; never in the text of a decision).',
  afterHours: 'The team is closed and the reply waits for the next opening: {{expectedResponse}} is then an opening time, not a duration.',
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateFlag = keyof typeof TEMPLATE_FLAGS;
export type TemplateValues = Partial<Record<TemplateVariable, string>> & Partial<Record<TemplateFlag, boolean>>;

const VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];
const FLAG_NAMES = Object.keys(TEMPLATE_FLAGS) as TemplateFlag[];
const isVariable = (name: string): name is TemplateVariable => Object.hasOwn(TEMPLATE_VARIABLES, name);
const isFlag = (name: string): name is TemplateFlag => Object.hasOwn(TEMPLATE_FLAGS, name);

/** Bodies are short replies; alternatives are bounded so a body stays reviewable. */
export const TEMPLATE_BODY_MAX = 2000;
export const MAX_ALTERNATIVES = 10;

// ---------------------------------------------------------------------------------------------------------------
// Parsing

type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: TemplateVariable }
  | { readonly kind: 'section'; readonly name: TemplateVariable | TemplateFlag; readonly inverted: boolean; readonly children: readonly TemplateNode[] };

/** One alternative of a body, ready to render. */
export interface ParsedAlternative {
  readonly source: string;
  readonly nodes: readonly TemplateNode[];
}

export interface TemplateIssue {
  /** 1-based line of the body where the problem is. */
  readonly line: number;
  readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly alternatives: readonly ParsedAlternative[] } | { readonly ok: false; readonly issues: readonly TemplateIssue[] };

const SEPARATOR = /^[ \t]*---[ \t]*$/;
const TAG = /^([#^/]?)[ \t]*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)[ \t]*$/;

/** Split a body into its alternatives (with the line each starts on), on lines holding only `---`. */
function splitAlternatives(body: string): { text: string; firstLine: number }[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const parts: { text: string; firstLine: number }[] = [];
  let current: string[] = [];
  let firstLine = 1;
  lines.forEach((line, index) => {
    if (SEPARATOR.test(line)) {
      parts.push({ text: current.join('\n'), firstLine });
      current = [];
      firstLine = index + 2;
    } else current.push(line);
  });
  parts.push({ text: current.join('\n'), firstLine });
  return parts;
}

/** Parse a body: every problem is reported, each with its line. */
export function parseTemplateBody(body: string): ParseResult {
  const issues: TemplateIssue[] = [];
  const alternatives: ParsedAlternative[] = [];
  const parts = splitAlternatives(body);
  if (parts.length > MAX_ALTERNATIVES) issues.push({ line: 1, message: `at most ${MAX_ALTERNATIVES} alternatives per variant (found ${parts.length})` });
  parts.forEach((part, index) => {
    const source = part.text.trim();
    if (!source) {
      const what = parts.length > 1 ? `alternative ${index + 1} (separated by “---”) is empty` : 'the body is empty';
      issues.push({ line: part.firstLine, message: what });
      return;
    }
    const parsed = parseAlternative(part.text, part.firstLine, issues);
    if (parsed) alternatives.push({ source, nodes: parsed });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, alternatives };
}

function parseAlternative(text: string, firstLine: number, issues: TemplateIssue[]): TemplateNode[] | undefined {
  const before = issues.length;
  const lineAt = (offset: number) => firstLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  type Frame = { name: TemplateVariable | TemplateFlag; inverted: boolean; children: TemplateNode[]; line: number };
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const into = () => stack[stack.length - 1]?.children ?? root;
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('{{', position);
    if (open < 0) {
      into().push({ kind: 'text', text: text.slice(position) });
      break;
    }
    if (open > position) into().push({ kind: 'text', text: text.slice(position, open) });
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      issues.push({ line: lineAt(open), message: '“{{” is not closed with “}}”' });
      position = close < 0 ? text.length : nextOpen;
      continue;
    }
    const raw = text.slice(open, close + 2);
    const inner = text.slice(open + 2, close);
    position = close + 2;
    const line = lineAt(open);
    const match = TAG.exec(inner);
    if (!match) {
      issues.push({ line, message: `“${raw}” is not a variable: write {{name}}, e.g. {{author.name}}` });
      continue;
    }
    const [, sigil, name] = match as unknown as [string, string, string];
    if (sigil === '/') {
      const frame = stack.pop();
      if (!frame) issues.push({ line, message: `“${raw}” closes a section that was never opened` });
      else if (frame.name !== name) {
        issues.push({ line, message: `“${raw}” closes {{${frame.inverted ? '^' : '#'}${frame.name}}} (line ${frame.line}): close it with {{/${frame.name}}}` });
      } else {
        (stack[stack.length - 1]?.children ?? root).push({ kind: 'section', name: frame.name, inverted: frame.inverted, children: frame.children });
      }
      continue;
    }
    if (sigil === '#' || sigil === '^') {
      if (!isVariable(name) && !isFlag(name)) {
        issues.push({ line, message: `unknown section “${raw}”${suggestion(name, [...FLAG_NAMES, ...VARIABLE_NAMES])}; sections are ${FLAG_NAMES.map((flag) => `{{#${flag}}}`).join(', ')} or any variable` });
      }
      // An unknown section still opens, so that its closing tag is not reported a second time.
      stack.push({ name: name as TemplateVariable, inverted: sigil === '^', children: [], line });
      continue;
    }
    if (isFlag(name)) {
      issues.push({ line, message: `{{${name}}} is a condition, not text: use {{#${name}}}…{{/${name}}} (or {{^${name}}}…{{/${name}}})` });
      continue;
    }
    if (!isVariable(name)) {
      issues.push({ line, message: `unknown variable {{${name}}}${suggestion(name, VARIABLE_NAMES)}; the variables are ${VARIABLE_NAMES.map((known) => `{{${known}}}`).join(', ')}` });
      continue;
    }
    into().push({ kind: 'variable', name });
  }
  for (const frame of stack.reverse()) {
    issues.push({ line: frame.line, message: `{{${frame.inverted ? '^' : '#'}${frame.name}}} is never closed: end it with {{/${frame.name}}}` });
  }
  return issues.length === before ? root : undefined;
}

/** “ (did you mean {{author.name}}?)” for a near miss. */
function suggestion(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? ` (did you mean {{${best}}}?)` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

/** Stands where a variable rendered empty, until the line is tidied. */
const EMPTY = '\u0000';

export function renderAlternative(alternative: ParsedAlternative, values: TemplateValues): string {
  const out: string[] = [];
  renderNodes(alternative.nodes, values, out);
  return tidy(out.join(''));
}

function isSet(name: TemplateVariable | TemplateFlag, values: TemplateValues): boolean {
  const value = values[name];
  return typeof value === 'string' ? value.trim() !== '' : value === true;
}

function renderNodes(nodes: readonly TemplateNode[], values: TemplateValues, out: string[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node.text);
    else if (node.kind === 'variable') {
      const value = values[node.name]?.replaceAll(EMPTY, '') ?? '';
      out.push(value.trim() === '' ? EMPTY : value);
    } else if (isSet(node.name, values) !== node.inverted) renderNodes(node.children, values, out);
  }
}

const DANGLING = /[ \t]+[-–—/|~^]+[ \t]*$/u;
const ONLY_SEPARATOR = /^[ \t]*[-–—/|~^]+[ \t]*$/u;
const CLOSING_PUNCTUATION = /^[.,!?;:)\]…]/u;

function tidy(text: string): string {
  const lines = text.split('\n').map((line) => {
    if (!line.includes(EMPTY)) return line.trimEnd();
    let tidied = line.replace(/[ \t]*\u0000+([ \t]*)/g, (match, after: string, offset: number, whole: string) => {
      const rest = whole.slice(offset + match.length);
      const atStart = whole.slice(0, offset).trim() === '';
      if (atStart || rest.trim() === '') return '';
      if (after === '' && CLOSING_PUNCTUATION.test(rest)) return '';
      return ' ';
    });
    tidied = tidied.replace(DANGLING, '').trimEnd();
    return ONLY_SEPARATOR.test(tidied) ? '' : tidied;
  });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A stable pick among `count` alternatives for a mention (FNV-1a of its id): the same mention, the same text. */
export function alternativeIndex(mentionId: string, count: number): number {
  if (count <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let index = 0; index < mentionId.length; index++) {
    hash ^= mentionId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

// ---------------------------------------------------------------------------------------------------------------
// The expected response, in words

export const PHRASE_LANGUAGES = ['en', 'fr', 'es', 'ro', 'de'] as const;
export type PhraseLanguage = (typeof PHRASE_LANGUAGES)[number];
export const isPhraseLanguage = (language: string): language is PhraseLanguage => (PHRASE_LANGUAGES as readonly string[]).includes(language);

type Forms = readonly [one: string, many: string];
interface Phrases {
  readonly minute: Forms;
  readonly hour: Forms;
  readonly day: Forms;
  readonly and: string;
  readonly today: string;
  readonly tomorrow: string;
  readonly weekdays: Readonly<Record<Weekday, string>>;
  /** "Monday at 09:00" from the day word (today, tomorrow or a weekday) and the time. */
  at(day: string, time: string, kind: 'today' | 'tomorrow' | 'weekday', hour: number): string;
}

const PHRASES: Record<PhraseLanguage, Phrases> = {
  en: {
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    day: ['day', 'days'],
    and: 'and',
    today: 'today',
    tomorrow: 'tomorrow',
    weekdays: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
    at: (day, time) => `${day} at ${time}`,
  },
  fr: {
    minute: ['minute', 'minutes'],
    hour: ['heure', 'heures'],
    day: ['jour', 'jours'],
    and: 'et',
    today: 'aujourd’hui',
    tomorrow: 'demain',
    weekdays: { mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi', sat: 'samedi', sun: 'dimanche' },
    at: (day, time) => `${day} à ${time}`,
  },
  es: {
    minute: ['minuto', 'minutos'],
    hour: ['hora', 'horas'],
    day: ['día', 'días'],
    and: 'y',
    today: 'hoy',
    tomorrow: 'mañana',
    weekdays: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado', sun: 'domingo' },
    at: (day, time, kind, hour) => `${kind === 'weekday' ? `el ${day}` : day} ${hour === 1 ? 'a la' : 'a las'} ${time}`,
  },
  ro: {
    minute: ['minut', 'minute'],
    hour: ['oră', 'ore'],
    day: ['zi', 'zile'],
    and: 'și',
    today: 'astăzi',
    tomorrow: 'mâine',
    weekdays: { mon: 'luni', tue: 'marți', wed: 'miercuri', thu: 'joi', fri: 'vineri', sat: 'sâmbătă', sun: 'duminică' },
    at: (day, time) => `${day} la ${time}`,
  },
  de: {
    minute: ['Minute', 'Minuten'],
    hour: ['Stunde', 'Stunden'],
    // Dative plural: the phrase follows "innerhalb von", "in", "binnen".
    day: ['Tag', 'Tagen'],
    and: 'und',
    today: 'heute',
    tomorrow: 'morgen',
    weekdays: { mon: 'Montag', tue: 'Dienstag', wed: 'Mittwoch', thu: 'Donnerstag', fri: 'Freitag', sat: 'Samstag', sun: 'Sonntag' },
    at: (day, time) => `${day} um ${time}`,
  },
};

function count(language: PhraseLanguage, amount: number, forms: Forms): string {
  const noun = amount === 1 ? forms[0] : forms[1];
  // Romanian puts "de" between 20 or more (and whole hundreds) and the noun: "20 de minute", "4 ore".
  const de = language === 'ro' && amount >= 20 && (amount % 100 === 0 || amount % 100 >= 20) ? 'de ' : '';
  return `${amount} ${de}${noun}`;
}

/** 15 → "15 minutes", 240 → "4 hours", 1440 → "1 day", 90 → "1 hour and 30 minutes" (in `language`). */
export function formatResponseTarget(minutes: number, language: PhraseLanguage): string {
  const phrases = PHRASES[language];
  const whole = Math.max(1, Math.round(minutes));
  if (whole < 60) return count(language, whole, phrases.minute);
  if (whole % 1440 === 0) return count(language, whole / 1440, phrases.day);
  if (whole % 60 === 0) return count(language, whole / 60, phrases.hour);
  return `${count(language, Math.floor(whole / 60), phrases.hour)} ${phrases.and} ${count(language, whole % 60, phrases.minute)}`;
}

/** The opening as people say it, seen from `from`: "today at 09:00", "tomorrow at 09:00", "Monday at 09:00". */
export function formatOpening(opening: Date, from: Date, timezone: string, language: PhraseLanguage): string {
  return openingPhrase(localParts(opening, timezone), localParts(from, timezone), language);
}

function openingPhrase(local: LocalParts, start: LocalParts, language: PhraseLanguage): string {
  const phrases = PHRASES[language];
  const days = Math.round((Date.parse(local.date) - Date.parse(start.date)) / 86_400_000);
  const kind = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : 'weekday';
  const day = kind === 'today' ? phrases.today : kind === 'tomorrow' ? phrases.tomorrow : phrases.weekdays[local.weekday];
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minuteOfDay % 60).padStart(2, '0')}`;
  return phrases.at(day, time, kind, local.hour);
}

/**
 * When the customer can expect an answer for a decision of `priority` made at `at`. P1 runs around the clock;
 * P2–P4 outside business hours wait for the next opening, and say so.
 */
export function expectedResponse(priority: Priority, at: Date, settings: Settings, language: PhraseLanguage): { text: string; afterHours: boolean } {
  const minutes = settings.responseTargets[priority];
  if (priority !== 'P1') {
    // Rendered for nearly every ticket, at nearly the same instant: the business-hours answers are memoized.
    const clock = businessTime(settings);
    const opening = clock.nextOpening(at.getTime());
    if (opening !== undefined && opening > at.getTime()) return { text: openingPhrase(clock.localParts(opening), clock.localParts(at.getTime()), language), afterHours: true };
  }
  return { text: formatResponseTarget(minutes, language), afterHours: false };
}
