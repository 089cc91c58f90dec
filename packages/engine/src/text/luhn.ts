// Payment card numbers in free text: 13–19 digits, written as one block or in space/dash groups,
// that pass the Luhn checksum. A 16-digit number failing the checksum is an order or tracking number, not a card.

/** No card number has fewer digits: a text with fewer cannot hold one. */
export const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;

// Maximal runs of digit groups joined by ONE space or dash. Each repetition must consume a separator and a digit,
// so the pattern cannot backtrack combinatorially; the lookbehind stops matches starting inside "AF1234"-like words.
const DIGIT_RUN = /(?<![\p{L}\p{N}])\d+(?:[ -]\d+)*/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when a string of ASCII digits passes the Luhn (mod 10) checksum. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

interface DigitGroup {
  start: number;
  end: number;
  separator: string; // the character before the group, '' for the first
}

/**
 * Spans of payment card numbers in `text`, in text order. A run of digit groups counts when, as a whole, it has
 * 13–19 digits and passes Luhn; a run may also end in one short extra group ("4111 1111 1111 1111 123", a CVV
 * or expiry typed after the number), which is then left out of the span.
 */
export function findCardNumbers(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const end = run.index + run[0].length;
    // "4111111111111111abc" is a code, not a card.
    if (LETTER_OR_DIGIT.test(text.charAt(end))) continue;
    const groups = digitGroups(run[0], run.index);
    const last = groups.length - 1;
    if (isCard(text, groups, last)) {
      spans.push({ start: run.index, end });
    } else if (last >= 1 && isTrailingExtra(groups[last]) && isCard(text, groups, last - 1)) {
      spans.push({ start: run.index, end: groups[last - 1]?.end ?? end });
    }
  }
  return spans;
}

function digitGroups(run: string, offset: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let start = 0;
  for (let index = 0; index <= run.length; index++) {
    const code = index < run.length ? run.charCodeAt(index) : -1;
    if (code >= 48 && code <= 57) continue;
    groups.push({ start: offset + start, end: offset + index, separator: start === 0 ? '' : run.charAt(start - 1) });
    start = index + 1;
  }
  return groups;
}

function isTrailingExtra(group: DigitGroup | undefined): boolean {
  const length = group ? group.end - group.start : 0;
  return length >= 2 && length <= 4;
}

// Groups 0..last form a card when they are a single block or groups of 3–8 digits with one kind of separator
// (lists like "1 2 3 4 …" are not cards), do not start with 0 (no issuer does, and it rules out "0000 0000 …"),
// and pass Luhn.
function isCard(text: string, groups: readonly DigitGroup[], last: number): boolean {
  const first = groups[0];
  const final = groups[last];
  if (!first || !final) return false;
  const separator = groups[1]?.separator;
  let digits = '';
  for (let index = 0; index <= last; index++) {
    const group = groups[index];
    if (!group) return false;
    const length = group.end - group.start;
    if (last > 0 && (length < 3 || length > 8)) return false;
    if (index > 0 && group.separator !== separator) return false;
    digits += text.slice(group.start, group.end);
    if (digits.length > MAX_CARD_DIGITS) return false;
  }
  return digits.length >= MIN_CARD_DIGITS && !digits.startsWith('0') && passesLuhn(digits);
}
