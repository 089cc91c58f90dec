// Business hours in the workspace's time zone: is the team working now, how much working time has passed, when a
// response is due. All instants are passed in; wall-clock times are resolved with Intl, so DST changes are exact.
// The arithmetic lives in `WorkingCalendar` (working-calendar.ts, where the hours are defined); these functions make
// one for the call, or use the one passed as `working`, which remembers its days across calls.

import { WEEKDAYS, type Weekday } from '../mention/settings-schema.ts';
import { EngineError } from '../errors.ts';
import { calendarOf, type WorkingTime } from './working-calendar.ts';
import { zoneClock } from './zone-clock.ts';

export { WorkingCalendar, type WorkingTime } from './working-calendar.ts';

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

/** Weekday, minute of the day, local date and hour of `at` in `timezone`. */
export function localParts(at: Date, timezone: string): LocalParts {
  const wall = zoneClock(timezone).wallTime(instant(at));
  const day = Math.floor(wall / DAY);
  const minuteOfDay = Math.floor((wall - day * DAY) / MINUTE);
  return {
    // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
    weekday: WEEKDAYS[(((day + 3) % 7) + 7) % 7] ?? 'mon',
    minuteOfDay,
    date: new Date(day * DAY).toISOString().slice(0, 10),
    hour: Math.floor(minuteOfDay / 60),
  };
}

/** True when `at` falls within business hours: the opening minute counts, the closing minute does not. */
export function isWithinBusinessHours(at: Date, working: WorkingTime): boolean {
  return calendarOf(working).isOpen(at.getTime());
}

/** Business minutes in [from, to), in whole minutes; 0 when `to` is not after `from`. Walks day by day. */
export function businessMinutesBetween(from: Date, to: Date, working: WorkingTime): number {
  return calendarOf(working).businessMinutesBetween(from.getTime(), to.getTime());
}

/** `at` itself when open, else the next opening; undefined when the schedule is never open. */
export function nextBusinessOpening(at: Date, working: WorkingTime): Date | undefined {
  return dateOf(calendarOf(working).nextOpening(at.getTime()));
}

/**
 * The earliest instant by which `minutes` business minutes have elapsed since `from` (a due time): Friday 17:30
 * plus 60 with 09:00–18:00 hours is Monday 09:30. `from` itself for 0; undefined when the schedule is never open.
 */
export function addBusinessMinutes(from: Date, minutes: number, working: WorkingTime): Date | undefined {
  return dateOf(calendarOf(working).addBusinessMinutes(from.getTime(), minutes));
}

function dateOf(time: number | undefined): Date | undefined {
  return time === undefined ? undefined : new Date(time);
}

function instant(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new EngineError('INVALID_INPUT', 'Invalid date');
  return time;
}
