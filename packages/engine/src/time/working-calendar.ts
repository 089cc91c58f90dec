// When a team works, as instants: each local day's shift worked out once, then read by every business-time answer.
//
// Hours are wall-clock times: "09:00"–"18:00" means 09:00 to 18:00 local time on each listed day, whatever the UTC
// offset that day. `end` before `start` is an overnight shift ("22:00"–"06:00" open from 22:00 on each listed day
// until 06:00 the next morning); `start` equal to `end` means closed; "24:00" is accepted as the end of the day.
// A local time skipped by a DST change is read as the same time after the change (02:30 → 03:30), and a repeated
// one as its first occurrence, as Temporal's "compatible" disambiguation does.

import { EngineError } from '../errors.ts';
import { WEEKDAYS, type Weekday } from '../mention/settings-schema.ts';
import { clockReading, zoneClock, type ZoneClock } from './zone-clock.ts';

/** The part of the workspace settings that says when the team works. */
export interface WorkingTime {
  timezone: string;
  businessHours: { days: readonly Weekday[]; start: string; end: string };
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;
const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
// A weekly schedule always opens within a week; a few days more cover DST shifts and overnight shifts.
const OPENING_SEARCH_DAYS = 9;
// A weekly schedule always closes within a week; two more days cover DST and overnight shifts.
const CLOSING_SEARCH_MINUTES = 9 * MINUTES_PER_DAY;
// About 7 years of 9-hour days: far beyond any response target, and it keeps the day-by-day walk short.
const MAX_BUSINESS_MINUTES = 1_000_000;
// A calendar remembers this many days and wall-clock readings, then starts again (a long-running host's calendar
// moves on with time; the days it forgets are rarely asked about again).
const MEMO_LIMIT = 4_096;

interface WeeklySchedule {
  readonly days: ReadonlySet<Weekday>;
  readonly openMinute: number;
  readonly closeMinute: number; // past MINUTES_PER_DAY for an overnight shift
}

interface Shift {
  readonly open: number; // epoch ms
  readonly close: number;
}

/**
 * Business-time arithmetic over one workspace's working time, remembering each local day's shift and the wall-clock
 * readings it made: a host asking about many tickets under the same settings pays for the time-zone lookups of a day
 * once. It is a `WorkingTime` itself, so it can be passed wherever settings are; a plain `WorkingTime` works too,
 * with a calendar made for the one call. Answers are exactly those the day-by-day definitions give.
 *
 * @example
 * const calendar = new WorkingCalendar(settings); // once per settings, kept by the host
 * nextWaitingCheck(thresholds, { createdAt, now, working: calendar });
 */
export class WorkingCalendar implements WorkingTime {
  readonly timezone: string;
  readonly businessHours: WorkingTime['businessHours'];
  /** Worked out on first use, so that a bad zone or bad hours fail where the day-by-day functions always failed. */
  private scheduleMemo: WeeklySchedule | null | undefined;
  private clockMemo: ZoneClock | undefined;
  /** Local day (days since 1970-01-01) → its shift, or null when the team does not work that day. */
  private readonly shifts = new Map<number, Shift | null>();
  /** Instant → wall-clock reading (the DST probes of neighbouring days coincide, and hosts ask about `now` twice). */
  private readonly walls = new Map<number, number>();

  constructor(working: WorkingTime) {
    this.timezone = working.timezone;
    this.businessHours = working.businessHours;
  }

  /** True when `at` falls within business hours: the opening minute counts, the closing minute does not. */
  isOpen(at: number): boolean {
    if (!this.schedule) return false;
    const time = checked(at);
    const today = this.localDay(time);
    // Yesterday's overnight shift may still be running.
    for (let day = today - 1; day <= today; day++) {
      const shift = this.shiftOn(day);
      if (shift && shift.open <= time && time < shift.close) return true;
    }
    return false;
  }

  /** Business minutes in [from, to), in whole minutes; 0 when `to` is not after `from`. */
  businessMinutesBetween(from: number, to: number): number {
    const start = checked(from);
    const end = checked(to);
    if (!this.schedule || end <= start) return 0;
    const lastDay = this.localDay(end);
    let total = 0;
    for (let day = this.localDay(start) - 1; day <= lastDay; day++) {
      const shift = this.shiftOn(day);
      if (shift) total += Math.max(0, Math.min(end, shift.close) - Math.max(start, shift.open));
    }
    return Math.floor(total / MINUTE);
  }

  /** `at` itself when open, else the next opening; undefined when the schedule is never open. */
  nextOpening(at: number): number | undefined {
    if (!this.schedule) return undefined;
    const time = checked(at);
    const today = this.localDay(time);
    for (let day = today - 1; day <= today + OPENING_SEARCH_DAYS; day++) {
      const shift = this.shiftOn(day);
      if (shift && time < shift.close) return Math.max(time, shift.open);
    }
    return undefined;
  }

  /**
   * The earliest instant by which `minutes` business minutes have elapsed since `from` (a due time): Friday 17:30
   * plus 60 with 09:00–18:00 hours is Monday 09:30. `from` itself for 0; undefined when the schedule is never open.
   */
  addBusinessMinutes(from: number, minutes: number): number | undefined {
    if (!(minutes >= 0 && minutes <= MAX_BUSINESS_MINUTES)) {
      const message = `Business minutes must be between 0 and ${MAX_BUSINESS_MINUTES}, got ${minutes}`;
      throw new EngineError('INVALID_INPUT', message);
    }
    const start = checked(from);
    if (minutes === 0) return start;
    if (!this.schedule) return undefined;
    let remaining = minutes * MINUTE;
    // Every week holds business time, so `remaining` reaches 0 within MAX_BUSINESS_MINUTES worth of weeks.
    for (let day = this.localDay(start) - 1; ; day++) {
      const shift = this.shiftOn(day);
      if (!shift) continue;
      const open = Math.max(start, shift.open);
      if (open >= shift.close) continue;
      if (shift.close - open >= remaining) return open + remaining;
      remaining -= shift.close - open;
    }
  }

  /** The next opening when closed, the closing of the current shift when open; undefined when that never happens. */
  nextChange(at: number): number | undefined {
    if (!this.isOpen(at)) return this.nextOpening(at);
    // Shifts open and close on whole local minutes. The wall clock says when today's shift ends; a DST change inside
    // the shift moves that instant, so the guess is checked and, if wrong, the closing is searched for.
    const start = Math.floor(at / MINUTE) * MINUTE;
    const guess = start + this.minutesToClosing(at) * MINUTE;
    if (guess > at && this.isOpen(guess - MINUTE) && !this.isOpen(guess)) return guess;
    return this.searchClosing(start);
  }

  /** The weekly schedule; undefined when the team never works. Throws INVALID_INPUT for hours not HH:MM. */
  private get schedule(): WeeklySchedule | undefined {
    if (this.scheduleMemo === undefined) this.scheduleMemo = weeklySchedule(this.businessHours) ?? null;
    return this.scheduleMemo ?? undefined;
  }

  /** Throws INVALID_INPUT for an unknown time zone. */
  private get clock(): ZoneClock {
    if (!this.clockMemo) {
      const { wallTime } = zoneClock(this.timezone);
      const walls = this.walls;
      this.clockMemo = clockReading((time) => {
        let wall = walls.get(time);
        if (wall === undefined) {
          if (walls.size >= MEMO_LIMIT) walls.clear();
          wall = wallTime(time);
          walls.set(time, wall);
        }
        return wall;
      });
    }
    return this.clockMemo;
  }

  /** The local day of an instant, in days since 1970-01-01. */
  private localDay(time: number): number {
    return Math.floor(this.clock.wallTime(time) / DAY);
  }

  private shiftOn(day: number): Shift | null {
    let shift = this.shifts.get(day);
    if (shift === undefined) {
      shift = null;
      const schedule = this.schedule;
      if (schedule?.days.has(weekdayOf(day))) {
        const open = this.clock.instantOf(day * DAY + schedule.openMinute * MINUTE);
        const close = this.clock.instantOf(day * DAY + schedule.closeMinute * MINUTE);
        if (close > open) shift = { open, close };
      }
      if (this.shifts.size >= MEMO_LIMIT) this.shifts.clear();
      this.shifts.set(day, shift);
    }
    return shift;
  }

  private minutesToClosing(at: number): number {
    const clock = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const open = clock(this.businessHours.start);
    const close = clock(this.businessHours.end);
    const wall = this.clock.wallTime(at);
    const minuteOfDay = Math.floor((wall - Math.floor(wall / DAY) * DAY) / MINUTE);
    if (close > open) return close - minuteOfDay;
    return minuteOfDay >= open ? close + MINUTES_PER_DAY - minuteOfDay : close - minuteOfDay;
  }

  // From the minute `start`, the shift is open for K whole minutes, where K + 1 is the first k whose k minutes hold
  // fewer than k business minutes (monotone in k).
  private searchClosing(start: number): number | undefined {
    const held = (k: number) => this.businessMinutesBetween(start, start + k * MINUTE) >= k;
    if (held(CLOSING_SEARCH_MINUTES)) return undefined;
    let low = 1;
    let high = CLOSING_SEARCH_MINUTES;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (held(middle)) low = middle + 1;
      else high = middle;
    }
    return start + (low - 1) * MINUTE;
  }
}

/** `working` when it is a calendar already, else a calendar for one call. */
export function calendarOf(working: WorkingTime): WorkingCalendar {
  return working instanceof WorkingCalendar ? working : new WorkingCalendar(working);
}

// Undefined when the team never works: no days, or a zero-length day.
function weeklySchedule({ days, start, end }: WorkingTime['businessHours']): WeeklySchedule | undefined {
  const openMinute = clockMinutes(start, 'start');
  const endMinute = clockMinutes(end, 'end');
  if (days.length === 0 || openMinute === endMinute || openMinute === MINUTES_PER_DAY) return undefined;
  const closeMinute = endMinute > openMinute ? endMinute : endMinute + MINUTES_PER_DAY;
  return { days: new Set(days), openMinute, closeMinute };
}

function clockMinutes(time: string, field: 'start' | 'end'): number {
  const match = CLOCK_TIME.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes <= MINUTES_PER_DAY)) {
    throw new EngineError('INVALID_INPUT', `Business hours ${field} must be a time of day as HH:MM, got "${time}"`);
  }
  return minutes;
}

function weekdayOf(day: number): Weekday {
  // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] ?? 'mon';
}

function checked(time: number): number {
  if (Number.isNaN(time)) throw new EngineError('INVALID_INPUT', 'Invalid date');
  return time;
}
