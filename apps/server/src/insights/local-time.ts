// Local days and hours in the workspace time zone, for SQL. Between DST changes the UTC offset is constant, so a
// range is a few segments and one CASE over them turns an epoch-ms column into local wall-clock ms; days and hours of
// the week are then plain arithmetic in the GROUP BY.
import type { InValue } from '@libsql/client';
import { WEEKDAYS, localParts, type Weekday } from '@mentionflow/engine';
import type { SqlFragment } from '../time/outbox.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The counters' slot: every zone's offset is a multiple of 15 minutes, so a slot lies within one local hour. */
export const QUARTER = 15 * MINUTE;

interface Segment {
  /** The offset holds for instants before this one (the last segment: forever). */
  readonly until: number;
  readonly offset: number;
}

const floorMinute = (at: number): number => at - (((at % MINUTE) + MINUTE) % MINUTE);

/** The zone's UTC offset (ms) at `at`. */
function offsetAt(at: number, timezone: string): number {
  const minute = floorMinute(at);
  const parts = localParts(new Date(minute), timezone);
  return Date.parse(`${parts.date}T00:00:00Z`) + parts.minuteOfDay * MINUTE - minute;
}

/** The local calendar over one range [from, to): day labels, weekdays, and SQL for local wall-clock time. */
export class LocalCalendar {
  private readonly segments: Segment[] = [];

  constructor(
    readonly timezone: string,
    readonly from: number,
    readonly to: number,
  ) {
    // Offsets change at most once a day: probe daily, and find each change to the minute.
    let offset = offsetAt(from, timezone);
    const last = floorMinute(to - 1);
    for (let probe = floorMinute(from); probe < last; probe += DAY) {
      const next = Math.min(probe + DAY, last);
      const later = offsetAt(next, timezone);
      if (later === offset) continue;
      let low = probe;
      let high = next;
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
        if (offsetAt(middle, timezone) === offset) low = middle;
        else high = middle;
      }
      this.segments.push({ until: high, offset });
      offset = later;
    }
    this.segments.push({ until: Number.POSITIVE_INFINITY, offset });
  }

  /** Local wall-clock time of an instant, as epoch ms of the same wall time in UTC. */
  wall(at: number): number {
    return at + this.segments.find((segment) => at < segment.until)!.offset;
  }

  /** Every local date the range touches, in order. */
  days(): string[] {
    const first = Math.floor(this.wall(this.from) / DAY);
    const last = Math.floor(this.wall(this.to - 1) / DAY);
    const days: string[] = [];
    for (let day = first; day <= last; day++) days.push(dayLabel(day));
    return days;
  }

  /** SQL for the local wall-clock ms of `column` (an epoch-ms expression). */
  wallSql(column: string): SqlFragment {
    if (this.segments.length === 1) return { sql: `(${column} + ?)`, args: [this.segments[0]!.offset] };
    const args: InValue[] = [];
    const cases = this.segments.slice(0, -1).map((segment) => {
      args.push(segment.until, segment.offset);
      return `WHEN ${column} < ? THEN ?`;
    });
    args.push(this.segments.at(-1)!.offset);
    return { sql: `(${column} + CASE ${cases.join(' ')} ELSE ? END)`, args };
  }

  /** SQL for the local day number (days since 1970-01-01 local) of `column`; see `dayLabel`. */
  daySql(column: string): SqlFragment {
    const wall = this.wallSql(column);
    return { sql: `CAST(${wall.sql} / ${DAY} AS INTEGER)`, args: wall.args };
  }
}

/** YYYY-MM-DD of a local day number. Day numbers of instants before 1970 are not supported (nor needed). */
export function dayLabel(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The weekday of a local day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
}
