// Wall clocks of IANA time zones, read through Intl: the local time of an instant, and the instant of a local time.

import { EngineError } from '../errors.ts';

const DAY = 86_400_000;

export interface ZoneClock {
  /** The local wall-clock time of an instant, expressed as if it were UTC (epoch ms). */
  wallTime(time: number): number;
  /**
   * The instant showing a given wall-clock time (as returned by `wallTime`). A local time skipped by a DST change is
   * read as the same time after the change (02:30 → 03:30), a repeated one as its first occurrence.
   */
  instantOf(wall: number): number;
}

interface ZoneFormat {
  readonly format: Intl.DateTimeFormat;
  /** The formatter prints "M/D/YYYY, HH:MM:SS": its string can be read instead of its parts (three times faster). */
  readonly plain: boolean;
}

// Formatters are shared per time zone. This is the engine's one module-level memo, kept on purpose: a formatter is
// immutable once built and answers the same for the same instant, so sharing it changes no result, while building
// one costs 50–500 µs — more than the rest of a business-hours fact, and a scheduler pass asks several times.
const FORMATTERS = new Map<string, ZoneFormat>();
const MAX_FORMATTERS = 64;

// What `format` prints for years 1000–9999 when the formatter lays its fields out as en-US does. Anything else (an
// era, a short year, another layout) is read from `formatToParts`, as every instant once was.
const PLAIN_LAYOUT = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;
const PLAIN_PARTS = 'month,literal:/,day,literal:/,year,literal:, ,hour,literal::,minute,literal::,second';

function formatFor(timezone: string): ZoneFormat {
  let found = FORMATTERS.get(timezone);
  if (found) return found;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new EngineError('INVALID_INPUT', `Unknown time zone "${timezone}"`);
  }
  // The layout is the formatter's pattern, the same for every instant: checked once on a known date.
  const parts = format.formatToParts(Date.UTC(2001, 0, 1, 12)).map((part) => (part.type === 'literal' ? `literal:${part.value}` : part.type));
  found = { format, plain: parts.join(',') === PLAIN_PARTS };
  if (FORMATTERS.size >= MAX_FORMATTERS) FORMATTERS.clear();
  FORMATTERS.set(timezone, found);
  return found;
}

/** The wall clock of `timezone`; throws INVALID_INPUT for an unknown zone. */
export function zoneClock(timezone: string): ZoneClock {
  const { format, plain } = formatFor(timezone);

  const fromParts = (time: number): number => {
    const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
    for (const part of format.formatToParts(time)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    return Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  };

  return clockReading((time) => {
    // The printed string is the parts joined: when it has the plain layout, its numbers are the parts' values.
    const match = plain ? PLAIN_LAYOUT.exec(format.format(time)) : null;
    const wholeSeconds = match
      ? Date.UTC(Number(match[3]), Number(match[1]) - 1, Number(match[2]), Number(match[4]), Number(match[5]), Number(match[6]))
      : fromParts(time);
    return wholeSeconds + (((time % 1000) + 1000) % 1000);
  });
}

/** A clock whose wall-clock readings come from `wallTime` (a zone clock's, or one read through a memo). */
export function clockReading(wallTime: (time: number) => number): ZoneClock {
  const instantOf = (wall: number): number => {
    // Offsets a day either side bracket any single DST change around this wall time.
    const before = wall - wallTime(wall - DAY) + (wall - DAY);
    const after = wall - wallTime(wall + DAY) + (wall + DAY);
    // The same offset both sides (no change nearby): whether or not it shows `wall`, the answer is `before`.
    if (before === after) return before;
    const beforeShows = wallTime(before) === wall;
    const afterShows = wallTime(after) === wall;
    // Repeated hour: the earlier instant. Skipped hour: none match; the offset from before the change moves the
    // time forward by the length of the gap.
    if (beforeShows && afterShows) return Math.min(before, after);
    return afterShows ? after : before;
  };
  return { wallTime, instantOf };
}
