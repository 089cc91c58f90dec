// Dates as listening tools export them, read to ISO 8601. Which forms a source accepts is its `dateFormat`:
//   auto (default)  ISO 8601 with Z or an offset; `2026-03-02 10:00[:00]`, `2026-03-02T10:00` or `2026-03-02`
//                   without an offset, read in the time zone; `03/02/2026 10:00[:00][ AM|PM]`, month first (US).
//   iso             only the ISO forms above (with or without an offset).
//   MM/DD/YYYY      only `03/02/2026[ 10:00[:00][ AM|PM]]`, month first, in the time zone.
//   DD/MM/YYYY      only `02/03/2026[ 10:00[:00]]` (also with “.” or “-”), day first, in the time zone.
//   unix, unix_ms   epoch seconds or milliseconds.
// Wall-clock times are resolved with Intl; a time skipped by a DST change reads as the same time after it.

export const DATE_FORMATS = ['auto', 'iso', 'MM/DD/YYYY', 'DD/MM/YYYY', 'unix', 'unix_ms'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;

/** What a format accepts, for rejection messages. */
export function describeDateFormat(format: DateFormat, timezone: string): string {
  switch (format) {
    case 'auto':
      return `ISO 8601, “YYYY-MM-DD HH:mm[:ss]” (${timezone}) or “MM/DD/YYYY HH:mm” (${timezone})`;
    case 'iso':
      return `ISO 8601, or “YYYY-MM-DD HH:mm[:ss]” (${timezone})`;
    case 'MM/DD/YYYY':
      return `“MM/DD/YYYY HH:mm[:ss]” (${timezone})`;
    case 'DD/MM/YYYY':
      return `“DD/MM/YYYY HH:mm[:ss]” (${timezone})`;
    case 'unix':
      return 'seconds since 1970-01-01 UTC';
    case 'unix_ms':
      return 'milliseconds since 1970-01-01 UTC';
  }
}

/** The instant as ISO 8601 (UTC), or undefined when `value` is not a date in `format`. */
export function parseExportDate(value: unknown, format: DateFormat, timezone: string): string | undefined {
  if (format === 'unix' || format === 'unix_ms') {
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isFinite(number)) return undefined;
    const date = new Date(format === 'unix' ? number * 1000 : number);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (format === 'auto' || format === 'iso') {
    if (ISO_WITH_OFFSET.test(text)) {
      const at = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      return Number.isNaN(at) ? undefined : new Date(at).toISOString();
    }
    const local = ISO_LOCAL.exec(text);
    if (local) return wallTime(timezone, local[1], local[2], local[3], local[4], local[5], local[6], local[7]?.padEnd(3, '0'));
    if (format === 'iso') return undefined;
  }
  const slashed = SLASHED.exec(text);
  if (!slashed) return undefined;
  const [, first, second, year, hour, minute, seconds, meridiem] = slashed;
  const [month, day] = format === 'DD/MM/YYYY' ? [second, first] : [first, second];
  if (meridiem && format === 'DD/MM/YYYY') return undefined;
  let hours = hour === undefined ? 0 : Number(hour);
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (/p/i.test(meridiem) ? 12 : 0);
  }
  return wallTime(timezone, year, month, day, String(hours), minute, seconds, undefined);
}

function wallTime(timezone: string, ...parts: (string | undefined)[]): string | undefined {
  const [year, month, day, hour, minute, second, millis] = parts.map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 April over to 1 May: a date that does not exist is refused instead.
  if (new Date(naive).getUTCDate() !== day) return undefined;
  // The offsets in force a day before and after: a wall time valid under one of them is that instant (the earlier
  // one when both are, as in the repeated hour); in the skipped hour neither is, and the earlier offset moves it on.
  const before = offsetOf(timezone, naive - DAY);
  const after = offsetOf(timezone, naive + DAY);
  const valid = [naive - before, naive - after].filter((instant) => naive - offsetOf(timezone, instant) === instant);
  return new Date(valid.length > 0 ? Math.min(...valid) : naive - before).toISOString();
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `instant`, in milliseconds. */
function offsetOf(timezone: string, instant: number): number {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timezone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return local - Math.floor(instant / 1000) * 1000;
}
