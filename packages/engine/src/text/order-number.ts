// Order, booking, ticket and account references in free text: a code introduced by a keyword in English, French,
// Spanish, Romanian or German ("order #12345", "numéro de commande 45678", "comanda nr. 12345", "PNR ABC123").

// Keywords are written without accents; `accentTolerant` lets "numero" also match "número", "numéro", "numărul".
// Romanian inflections and German compounds are listed whole because the keyword must end at a word boundary.
const KEYWORDS: readonly string[] = [
  // English
  'order', 'booking', 'reservation', 'ticket', 'account', 'confirmation', 'reference', 'ref', 'pnr', 'invoice',
  'case', 'customer', 'membership', 'tracking',
  // French
  'commande', 'compte', 'billet', 'dossier', 'facture', 'client', 'suivi', 'adherent',
  // Spanish
  'pedido', 'reserva', 'billete', 'cuenta', 'factura', 'referencia', 'localizador', 'cliente', 'expediente',
  'seguimiento', 'socio',
  // Romanian
  'comanda', 'comenzii', 'comenzi', 'rezervare', 'rezervarea', 'rezervarii', 'bilet', 'biletul', 'cont', 'contul',
  'contului', 'facturii', 'referinta', 'clientului', 'dosar', 'dosarul', 'awb',
  // German
  'bestellnummer', 'bestellnr', 'bestell-nr', 'bestellung', 'auftrag', 'auftragsnummer', 'auftragsnr',
  'kundennummer', 'kundennr', 'kunden-nr', 'kundenkonto', 'konto', 'kontonummer', 'buchung', 'buchungsnummer',
  'buchungscode', 'reservierung', 'reservierungsnummer', 'rechnung', 'rechnungsnummer', 'rechnungsnr',
  'ticketnummer', 'vorgangsnummer', 'referenz', 'sendungsnummer', 'bestatigungscode', 'mitgliedsnummer',
];

// Words allowed between the keyword and the code ("order number is 12345", "pedido n.º 98765",
// "comanda cu numărul 12345"). Anything else ends the search, which is what rejects "my account is locked".
const NUMBER_WORDS: readonly string[] = [
  'number', 'no', 'nr', 'nro', 'num', 'numero', 'numarul', 'numar', 'nummer', 'n', 'id', 'code', 'codigo', 'cod',
  'codul', 'ref', 'reference', 'referencia', 'referinta', 'referenz',
];
const FILLER_WORDS: readonly string[] = [
  'is', 'was', 'es', 'est', 'ist', 'este', 'era', 'el', 'le', 'la', 'de', 'du', 'del', 'cu', 'my', 'mon', 'ma',
  'mi', 'mein', 'meine', 'meiner', 'lautet',
];
const MAX_LINK_WORDS = 3;

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'aáàâäăã', e: 'eéèêë', i: 'iíìîï', o: 'oóòôö', u: 'uúùûü', n: 'nñ', c: 'cç', s: 'sșş', t: 'tțţ',
};

function accentTolerant(word: string): string {
  let pattern = '';
  for (const letter of word) {
    const variants = ACCENTS[letter];
    pattern += variants ? `[${variants}]` : letter;
  }
  return pattern;
}

function wordAlternation(words: readonly string[]): string {
  // Longest first, so a word that is a prefix of another ("ref", "reference") is tried last.
  return [...words].sort((a, b) => b.length - a.length).map(accentTolerant).join('|');
}

// Word boundaries are spelled out because `\b` is ASCII-only even with the `u` flag.
const KEYWORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wordAlternation(KEYWORDS)})(?!\\p{L})`, 'giu');
// The patterns below are anchored and applied to a short slice of text after the keyword, rather than made sticky,
// so no shared `lastIndex` is mutated; each slice is one character longer than the longest possible match so the
// trailing boundary checks still see the next character.
// Punctuation between words: "#", ":", "n°", "n.º", "nr.", "=", dashes. One bounded class: no backtracking.
const PUNCTUATION = /^[\s:#.,°º=\-–]{0,8}/u;
const PUNCTUATION_SLICE = 9;
const NUMBER_WORD = new RegExp(`^(?:${wordAlternation(NUMBER_WORDS)})(?!\\p{L})`, 'iu');
const FILLER_WORD = new RegExp(`^(?:${wordAlternation(FILLER_WORDS)})(?!\\p{L})`, 'iu');
const WORD_SLICE = 16;
// A code: letters and digits, with single inner dashes or slashes ("ORD-2024-00123"); longer than 32 is not a code.
const CODE = /^[\p{L}\p{N}](?:[\p{L}\p{N}]|[/-](?=[\p{L}\p{N}])){0,31}(?![\p{L}\p{N}])/u;
const CODE_SLICE = 34;
const ALL_DIGITS = /^\d{3,}$/;
const DIGIT_GROUP = /^ \d{2,8}(?![\p{L}\p{N}])/u;
const DIGIT_GROUP_SLICE = 10;
const MAX_EXTRA_GROUPS = 8;
const DIGIT = /\d/;
const NUMBER_MARKS = /[#°º]/;
const DECIMAL_TAIL = /^[.,]\d/;
const PNR_LIKE = /^(?=[A-Z0-9]*\d)[A-Z0-9]{5,8}$/;
const DATE_LIKE = /^(?:\d{4}[/-]\d{1,2}[/-]\d{1,2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4})$/;
const BARE_YEAR = /^(?:19|20)\d\d$/;

/**
 * The digits a code needs unless it is PNR-like: a text with fewer holds an order number only where a capital
 * stands next to a digit (a PNR of 5–8 capitals and digits, with at most three digits, has both side by side).
 */
export const ORDER_NUMBER_DIGITS = 4;

/**
 * Spans of order/booking/ticket/account codes in `text` (the code only, not its keyword), in text order.
 * A code needs at least 4 digits, or must look like a PNR: 5–8 capitals and digits with at least one digit.
 */
export function findOrderNumbers(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  // KEYWORD walked in place, the way `String.prototype.match` walks a global pattern: its lastIndex starts at 0 and
  // is back at 0 when the call returns. `matchAll` would clone it, and a clone of this long pattern is parsed and
  // compiled again: 3 µs a post, twice what the search itself costs.
  KEYWORD.lastIndex = 0;
  try {
    for (let keyword = KEYWORD.exec(text); keyword; keyword = KEYWORD.exec(text)) {
      const span = codeAfter(text, keyword.index + keyword[0].length);
      // Two keywords in a row ("booking reference ABC123") find the same code once.
      if (span && spans.at(-1)?.start !== span.start) spans.push(span);
    }
  } finally {
    KEYWORD.lastIndex = 0;
  }
  return spans;
}

function codeAfter(text: string, from: number): { start: number; end: number } | undefined {
  let position = from + matchLength(PUNCTUATION, text, from, PUNCTUATION_SLICE);
  let numbered = NUMBER_MARKS.test(text.slice(from, position));
  for (let words = 0; words < MAX_LINK_WORDS; words++) {
    const numberWord = matchLength(NUMBER_WORD, text, position, WORD_SLICE);
    const word = numberWord || matchLength(FILLER_WORD, text, position, WORD_SLICE);
    if (word === 0) break;
    const gap = matchLength(PUNCTUATION, text, position + word, PUNCTUATION_SLICE);
    // A link word must be followed by punctuation or space, except a number word glued to digits ("nr12345").
    if (gap === 0 && !(numberWord > 0 && DIGIT.test(text.charAt(position + word)))) break;
    numbered ||= numberWord > 0 || NUMBER_MARKS.test(text.slice(position + word, position + word + gap));
    position += word + gap;
  }
  const first = CODE.exec(text.slice(position, position + CODE_SLICE))?.[0];
  if (first === undefined) return undefined;
  const end = position + first.length + groupedDigitsLength(first, text, position + first.length);
  const code = text.slice(position, end);
  if (!isCode(code, numbered) || DECIMAL_TAIL.test(text.slice(end, end + 2))) return undefined;
  return { start: position, end };
}

// Long numbers are often typed in groups ("9400 1000 0000 0000 0000 00"); the whole reference is one code. Only a
// first group of 3+ digits starts this, so "compte 06 12 34 56 78" stays a phone number.
function groupedDigitsLength(first: string, text: string, from: number): number {
  if (!ALL_DIGITS.test(first)) return 0;
  let length = 0;
  for (let groups = 0; groups < MAX_EXTRA_GROUPS; groups++) {
    const next = matchLength(DIGIT_GROUP, text, from + length, DIGIT_GROUP_SLICE);
    if (next === 0) break;
    length += next;
  }
  return length;
}

function isCode(code: string, numbered: boolean): boolean {
  if (DATE_LIKE.test(code)) return false;
  // "order 2024" is more often a year than an order; "order #2024" or "order no. 2024" is an order.
  if (BARE_YEAR.test(code) && !numbered) return false;
  let digits = 0;
  for (const character of code) if (character >= '0' && character <= '9') digits++;
  return digits >= ORDER_NUMBER_DIGITS || PNR_LIKE.test(code);
}

function matchLength(pattern: RegExp, text: string, position: number, sliceLength: number): number {
  return pattern.exec(text.slice(position, position + sliceLength))?.[0].length ?? 0;
}
