// Business hours in the workspace's time zone: is the team working now, how much working time has passed, when a
// response is due. All instants are passed in; wall-clock times are resolved with Intl, so DST changes are exact.
//
// Hours are wall-clock times: "09:00"–"18:00" means 09:00 to 18:00 local time on each listed day, whatever the UTC
// offset that day. `end` before `start` is an overnight shift ("22:00"–"06:00" open from 22:00 on each listed day
// until 06:00 the next morning); `start` equal to `end` means closed; "24:00" is accepted as the end of the day.
// A local time skipped by a DST change is read as the same time after the change (02:30 → 03:30), and a repeated
// one as its first occurrence, as Temporal's "compatible" disambiguation does.

import { EngineError } from '../errors.ts';
import { WEEKDAYS, type Weekday } from '../mention/settings-schema.ts';

/** The part of the workspace settings that says when the team works. */
export interface WorkingTime {
  timezone: string;
  businessHours: { days: readonly Weekday[]; start: string; end: string };
}

/** Wall-clock view of an instant in a time zone. */
export interface LocalParts {
  weekday: Weekday;
  minuteOfDay: number;
  /** YYYY-MM-DD, local. */
  date: string;
  hour: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;
const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
// A weekly schedule always opens within a week; a few days more cover DST shifts and overnight shifts.
const OPENING_SEARCH_DAYS = 9;
// About 7 years of 9-hour days: far beyond any response target, and it keeps the day-by-day walk short.
const MAX_BUSINESS_MINUTES = 1_000_000;

/** Weekday, minute of the day, local date and hour of `at` in `timezone`. */
export function localParts(at: Date, timezone: string): LocalParts {
  const wall = zoneClock(timezone).wallTime(instant(at));
  const day = Math.floor(wall / DAY);
  const minuteOfDay = Math.floor((wall - day * DAY) / MINUTE);
  return {
    weekday: weekdayOf(day),
    minuteOfDay,
    date: new Date(day * DAY).toISOString().slice(0, 10),
    hour: Math.floor(minuteOfDay / 60),
  };
}

/** True when `at` falls within business hours: the opening minute counts, the closing minute does not. */
export function isWithinBusinessHours(at: Date, working: WorkingTime): boolean {
  const week = weeklySchedule(working);
  if (!week) return false;
  const time = instant(at);
  const clock = zoneClock(working.timezone);
  const today = Math.floor(clock.wallTime(time) / DAY);
  // Yesterday's overnight shift may still be running.
  for (const shift of shifts(clock, week, today - 1, today)) {
    if (shift.open <= time && time < shift.close) return true;
  }
  return false;
}

/** Business minutes in [from, to), in whole minutes; 0 when `to` is not after `from`. Walks day by day. */
export function businessMinutesBetween(from: Date, to: Date, working: WorkingTime): number {
  const start = instant(from);
  const end = instant(to);
  const week = weeklySchedule(working);
  if (!week || end <= start) return 0;
  const clock = zoneClock(working.timezone);
  const firstDay = Math.floor(clock.wallTime(start) / DAY) - 1;
  const lastDay = Math.floor(clock.wallTime(end) / DAY);
  let total = 0;
  for (const shift of shifts(clock, week, firstDay, lastDay)) {
    total += Math.max(0, Math.min(end, shift.close) - Math.max(start, shift.open));
  }
  return Math.floor(total / MINUTE);
}

/** `at` itself when open, else the next opening; undefined when the schedule is never open. */
export function nextBusinessOpening(at: Date, working: WorkingTime): Date | undefined {
  const week = weeklySchedule(working);
  if (!week) return undefined;
  const time = instant(at);
  const clock = zoneClock(working.timezone);
  const today = Math.floor(clock.wallTime(time) / DAY);
  for (const shift of shifts(clock, week, today - 1, today + OPENING_SEARCH_DAYS)) {
    if (time < shift.close) return new Date(Math.max(time, shift.open));
  }
  return undefined;
}

/**
 * The earliest instant by which `minutes` business minutes have elapsed since `from` (a due time): Friday 17:30
 * plus 60 with 09:00–18:00 hours is Monday 09:30. `from` itself for 0; undefined when the schedule is never open.
 */
export function addBusinessMinutes(from: Date, minutes: number, working: WorkingTime): Date | undefined {
  if (!(minutes >= 0 && minutes <= MAX_BUSINESS_MINUTES)) {
    const message = `Business minutes must be between 0 and ${MAX_BUSINESS_MINUTES}, got ${minutes}`;
    throw new EngineError('INVALID_INPUT', message);
  }
  const start = instant(from);
  if (minutes === 0) return new Date(start);
  const week = weeklySchedule(working);
  if (!week) return undefined;
  const clock = zoneClock(working.timezone);
  let remaining = minutes * MINUTE;
  // Every week holds business time, so `remaining` reaches 0 within MAX_BUSINESS_MINUTES worth of weeks.
  for (let day = Math.floor(clock.wallTime(start) / DAY) - 1; ; day++) {
    for (const shift of shifts(clock, week, day, day)) {
      const open = Math.max(start, shift.open);
      if (open >= shift.close) continue;
      if (shift.close - open >= remaining) return new Date(open + remaining);
      remaining -= shift.close - open;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

interface WeeklySchedule {
  days: ReadonlySet<Weekday>;
  openMinute: number;
  closeMinute: number; // past MINUTES_PER_DAY for an overnight shift
}

interface Shift {
  open: number; // epoch ms
  close: number;
}

// Undefined when the team never works: no days, or a zero-length day.
function weeklySchedule(working: WorkingTime): WeeklySchedule | undefined {
  const { days, start, end } = working.businessHours;
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

// The shifts starting on local days firstDay..lastDay (days since 1970-01-01), in order.
function* shifts(clock: ZoneClock, week: WeeklySchedule, firstDay: number, lastDay: number): Generator<Shift> {
  for (let day = firstDay; day <= lastDay; day++) {
    if (!week.days.has(weekdayOf(day))) continue;
    const open = clock.instantOf(day * DAY + week.openMinute * MINUTE);
    const close = clock.instantOf(day * DAY + week.closeMinute * MINUTE);
    if (close > open) yield { open, close };
  }
}

function weekdayOf(day: number): Weekday {
  // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] ?? 'mon';
}

function instant(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new EngineError('INVALID_INPUT', 'Invalid date');
  return time;
}

// ---------------------------------------------------------------------------------------------------------------
// Time zone arithmetic

interface ZoneClock {
  /** The local wall-clock time of an instant, expressed as if it were UTC (epoch ms). */
  wallTime(time: number): number;
  /** The instant showing a given wall-clock time (as returned by `wallTime`). */
  instantOf(wall: number): number;
}

// Formatters are shared per time zone. This is the engine's one module-level memo, kept on purpose: a formatter is
// immutable once built and answers the same for the same instant, so sharing it changes no result, while building
// one costs 50–500 µs — more than the rest of a business-hours fact, and a scheduler pass asks several times.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 64;

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let format = FORMATTERS.get(timezone);
  if (format) return format;
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
  if (FORMATTERS.size >= MAX_FORMATTERS) FORMATTERS.clear();
  FORMATTERS.set(timezone, format);
  return format;
}

function zoneClock(timezone: string): ZoneClock {
  const format = formatterFor(timezone);

  const wallTime = (time: number): number => {
    const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
    for (const part of format.formatToParts(time)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wholeSeconds = Date.UTC(
      fields.year ?? 1970,
      (fields.month ?? 1) - 1,
      fields.day ?? 1,
      fields.hour ?? 0,
      fields.minute ?? 0,
      fields.second ?? 0,
    );
    return wholeSeconds + (((time % 1000) + 1000) % 1000);
  };

  const instantOf = (wall: number): number => {
    // Offsets a day either side bracket any single DST change around this wall time.
    const before = wall - wallTime(wall - DAY) + (wall - DAY);
    const after = wall - wallTime(wall + DAY) + (wall + DAY);
    const candidates = [before, after].filter((time) => wallTime(time) === wall);
    // Repeated hour: the earlier instant. Skipped hour: none match; the offset from before the change moves the
    // time forward by the length of the gap.
    return candidates.length > 0 ? Math.min(...candidates) : before;
  };

  return { wallTime, instantOf };
}
