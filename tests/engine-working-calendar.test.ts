// The working calendar (each local day's shift worked out once, wall clocks read from Intl's string) gives exactly
// the answers of the day-by-day implementation it replaced, kept below as the oracle: across DST changes in Paris,
// New York, Sydney, Santiago (a change at midnight) and Lord Howe (a half-hour change), in Kolkata (none), for
// overnight shifts, closed days and odd hours, for a calendar made per call and for one kept across many calls.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  WorkingCalendar,
  addBusinessMinutes,
  businessMinutesBetween,
  isWithinBusinessHours,
  localParts,
  nextBusinessOpening,
  type WorkingTime,
} from '../packages/engine/src/time/business-hours.ts';
import { nextBusinessHoursChange, nextWaitingCheck, type WaitingThresholds } from '../packages/engine/src/compiler/time-thresholds.ts';
import { WEEKDAYS, type Weekday } from '../packages/engine/src/mention/settings-schema.ts';

// ---------------------------------------------------------------------------------------------------------------
// The oracle: the day-by-day implementation as it was (Intl parts read for every wall clock, shifts recomputed on
// every call, the closing searched minute by minute when the wall-clock guess fails).

const MINUTE = 60_000;
const DAY = 86_400_000;
const MINUTES_PER_DAY = 1_440;
const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

class OracleError extends Error {}

function formatterFor(timezone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    throw new OracleError(`Unknown time zone "${timezone}"`);
  }
}

function oracleClock(timezone: string) {
  const format = formatterFor(timezone);
  const wallTime = (time: number): number => {
    const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
    for (const part of format.formatToParts(time)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
    const whole = Date.UTC(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
    return whole + (((time % 1000) + 1000) % 1000);
  };
  const instantOf = (wall: number): number => {
    const before = wall - wallTime(wall - DAY) + (wall - DAY);
    const after = wall - wallTime(wall + DAY) + (wall + DAY);
    const candidates = [before, after].filter((time) => wallTime(time) === wall);
    return candidates.length > 0 ? Math.min(...candidates) : before;
  };
  return { wallTime, instantOf };
}

type OracleClock = ReturnType<typeof oracleClock>;

function instant(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new OracleError('Invalid date');
  return time;
}

function weekdayOf(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] ?? 'mon';
}

function clockMinutes(time: string, field: string): number {
  const match = CLOCK_TIME.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes <= MINUTES_PER_DAY)) throw new OracleError(`Business hours ${field} must be a time of day as HH:MM, got "${time}"`);
  return minutes;
}

function weeklySchedule(working: WorkingTime) {
  const { days, start, end } = working.businessHours;
  const openMinute = clockMinutes(start, 'start');
  const endMinute = clockMinutes(end, 'end');
  if (days.length === 0 || openMinute === endMinute || openMinute === MINUTES_PER_DAY) return undefined;
  return { days: new Set(days), openMinute, closeMinute: endMinute > openMinute ? endMinute : endMinute + MINUTES_PER_DAY };
}

type Schedule = NonNullable<ReturnType<typeof weeklySchedule>>;

function* shifts(clock: OracleClock, week: Schedule, firstDay: number, lastDay: number) {
  for (let day = firstDay; day <= lastDay; day++) {
    if (!week.days.has(weekdayOf(day))) continue;
    const open = clock.instantOf(day * DAY + week.openMinute * MINUTE);
    const close = clock.instantOf(day * DAY + week.closeMinute * MINUTE);
    if (close > open) yield { open, close };
  }
}

const oracle = {
  localParts(at: Date, timezone: string) {
    const wall = oracleClock(timezone).wallTime(instant(at));
    const day = Math.floor(wall / DAY);
    const minuteOfDay = Math.floor((wall - day * DAY) / MINUTE);
    return { weekday: weekdayOf(day), minuteOfDay, date: new Date(day * DAY).toISOString().slice(0, 10), hour: Math.floor(minuteOfDay / 60) };
  },
  isWithin(at: Date, working: WorkingTime): boolean {
    const week = weeklySchedule(working);
    if (!week) return false;
    const time = instant(at);
    const clock = oracleClock(working.timezone);
    const today = Math.floor(clock.wallTime(time) / DAY);
    for (const shift of shifts(clock, week, today - 1, today)) if (shift.open <= time && time < shift.close) return true;
    return false;
  },
  between(from: Date, to: Date, working: WorkingTime): number {
    const start = instant(from);
    const end = instant(to);
    const week = weeklySchedule(working);
    if (!week || end <= start) return 0;
    const clock = oracleClock(working.timezone);
    let total = 0;
    for (const shift of shifts(clock, week, Math.floor(clock.wallTime(start) / DAY) - 1, Math.floor(clock.wallTime(end) / DAY))) {
      total += Math.max(0, Math.min(end, shift.close) - Math.max(start, shift.open));
    }
    return Math.floor(total / MINUTE);
  },
  nextOpening(at: Date, working: WorkingTime): Date | undefined {
    const week = weeklySchedule(working);
    if (!week) return undefined;
    const time = instant(at);
    const clock = oracleClock(working.timezone);
    const today = Math.floor(clock.wallTime(time) / DAY);
    for (const shift of shifts(clock, week, today - 1, today + 9)) if (time < shift.close) return new Date(Math.max(time, shift.open));
    return undefined;
  },
  add(from: Date, minutes: number, working: WorkingTime): Date | undefined {
    if (!(minutes >= 0 && minutes <= 1_000_000)) throw new OracleError(`Business minutes must be between 0 and 1000000, got ${minutes}`);
    const start = instant(from);
    if (minutes === 0) return new Date(start);
    const week = weeklySchedule(working);
    if (!week) return undefined;
    const clock = oracleClock(working.timezone);
    let remaining = minutes * MINUTE;
    for (let day = Math.floor(clock.wallTime(start) / DAY) - 1; ; day++) {
      for (const shift of shifts(clock, week, day, day)) {
        const open = Math.max(start, shift.open);
        if (open >= shift.close) continue;
        if (shift.close - open >= remaining) return new Date(open + remaining);
        remaining -= shift.close - open;
      }
    }
  },
  nextChange(at: Date, working: WorkingTime): Date | undefined {
    if (!oracle.isWithin(at, working)) return oracle.nextOpening(at, working);
    const start = Math.floor(at.getTime() / MINUTE) * MINUTE;
    const clockOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const open = clockOf(working.businessHours.start);
    const close = clockOf(working.businessHours.end);
    const { minuteOfDay } = oracle.localParts(at, working.timezone);
    const toClosing = close > open ? close - minuteOfDay : minuteOfDay >= open ? close + 1_440 - minuteOfDay : close - minuteOfDay;
    const guess = start + toClosing * MINUTE;
    const isOpen = (time: number) => oracle.isWithin(new Date(time), working);
    if (guess > at.getTime() && isOpen(guess - MINUTE) && !isOpen(guess)) return new Date(guess);
    const held = (k: number) => oracle.between(new Date(start), new Date(start + k * MINUTE), working) >= k;
    if (held(9 * 1_440)) return undefined;
    let low = 1;
    let high = 9 * 1_440;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (held(middle)) low = middle + 1;
      else high = middle;
    }
    return new Date(start + (low - 1) * MINUTE);
  },
  nextWaitingCheck(thresholds: WaitingThresholds, clock: { createdAt: Date; now: Date; working: WorkingTime }): Date | undefined {
    const now = clock.now.getTime();
    const created = clock.createdAt.getTime();
    let next = Infinity;
    for (const mark of thresholds.minutes) {
      const at = created + mark * MINUTE;
      if (at > now) {
        next = at;
        break;
      }
    }
    const waited = thresholds.businessMinutes.length > 0 && now >= created ? oracle.between(clock.createdAt, clock.now, clock.working) : 0;
    const mark = thresholds.businessMinutes.find((candidate) => candidate > waited);
    const at = mark === undefined ? undefined : oracle.add(clock.createdAt, mark, clock.working)?.getTime();
    if (at !== undefined && at > now) next = Math.min(next, at);
    if (thresholds.businessHours) {
      const change = oracle.nextChange(clock.now, clock.working);
      if (change) next = Math.min(next, change.getTime());
    }
    return Number.isFinite(next) ? new Date(next) : undefined;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// What is compared: answers, or the message of what was thrown.

function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return value instanceof Date ? value.getTime() : value;
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago', 'Australia/Lord_Howe'] as const;
const FIRST = Date.UTC(2024, 0, 1);
const LAST = Date.UTC(2027, 0, 1);

/** The instants where the zone's UTC offset changes, to the minute, between FIRST and LAST. */
function offsetChanges(timezone: string): number[] {
  const { wallTime } = oracleClock(timezone);
  const offset = (time: number) => wallTime(time) - time;
  const changes: number[] = [];
  for (let time = FIRST; time < LAST; time += 3_600_000) {
    if (offset(time) === offset(time + 3_600_000)) continue;
    let low = time;
    let high = time + 3_600_000;
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offset(middle) === offset(time)) low = middle;
      else high = middle;
    }
    changes.push(high);
  }
  return changes;
}

const CHANGES: ReadonlyMap<string, readonly number[]> = new Map(ZONES.map((zone) => [zone, offsetChanges(zone)]));

const clockTime = fc.oneof(
  fc.constantFrom('00:00', '00:30', '01:00', '02:00', '02:30', '03:00', '09:00', '17:00', '18:00', '22:00', '23:30', '24:00'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`),
);

const workingTime: fc.Arbitrary<WorkingTime> = fc.record({
  timezone: fc.constantFrom(...ZONES),
  businessHours: fc.record({
    days: fc.oneof(fc.constant([...WEEKDAYS.slice(0, 5)]), fc.constant([...WEEKDAYS]), fc.subarray([...WEEKDAYS])),
    start: clockTime,
    end: clockTime,
  }),
});

/** Near one of the zone's offset changes (within three days), or anywhere in 2024–2026; whole minutes or not. */
function instantIn(timezone: string): fc.Arbitrary<number> {
  const changes = CHANGES.get(timezone) ?? [];
  const anywhere = fc.integer({ min: FIRST, max: LAST });
  const near = changes.length === 0 ? anywhere : fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * 1_440, max: 3 * 1_440 }), fc.constantFrom(0, 0, 0, 1, 59_999, 30_000)).map(([change, minutes, ms]) => change + minutes * MINUTE + ms);
  return fc.oneof(near, near, anywhere);
}

const scenario = workingTime.chain((working) =>
  fc.record({
    working: fc.constant(working),
    from: instantIn(working.timezone),
    span: fc.integer({ min: -2 * DAY, max: 12 * DAY }),
    minutes: fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 20_000 })),
  }),
);

// Calendars kept across runs, so answers read from days remembered by earlier questions are checked too.
const kept = new Map<string, WorkingCalendar>();
function keptCalendar(working: WorkingTime): WorkingCalendar {
  const key = JSON.stringify(working);
  let calendar = kept.get(key);
  if (!calendar) {
    calendar = new WorkingCalendar(working);
    kept.set(key, calendar);
  }
  return calendar;
}

describe('the working calendar gives the day-by-day answers', () => {
  it('for opening hours, business minutes, openings and due times', () => {
    fc.assert(
      fc.property(scenario, ({ working, from, span, minutes }) => {
        const at = new Date(from);
        const to = new Date(from + span);
        for (const given of [working, keptCalendar(working)]) {
          expect(outcome(() => isWithinBusinessHours(at, given))).toEqual(outcome(() => oracle.isWithin(at, working)));
          expect(outcome(() => businessMinutesBetween(at, to, given))).toEqual(outcome(() => oracle.between(at, to, working)));
          expect(outcome(() => nextBusinessOpening(at, given))).toEqual(outcome(() => oracle.nextOpening(at, working)));
          expect(outcome(() => addBusinessMinutes(at, minutes, given))).toEqual(outcome(() => oracle.add(at, minutes, working)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('for the next change of opening hours (the closing searched for when DST moves it)', () => {
    fc.assert(
      fc.property(scenario, ({ working, from }) => {
        const at = new Date(from);
        const expected = outcome(() => oracle.nextChange(at, working));
        expect(outcome(() => nextBusinessHoursChange(at, working))).toEqual(expected);
        expect(outcome(() => nextBusinessHoursChange(at, keptCalendar(working)))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('for the next waiting check of a ticket', () => {
    const thresholds = fc.record({
      minutes: fc.uniqueArray(fc.integer({ min: 1, max: 3_000 }), { maxLength: 4 }).map((marks) => marks.sort((a, b) => a - b)),
      businessMinutes: fc.uniqueArray(fc.integer({ min: 1, max: 6_000 }), { maxLength: 6 }).map((marks) => marks.sort((a, b) => a - b)),
      businessHours: fc.boolean(),
      exact: fc.constant(true),
    });
    fc.assert(
      fc.property(scenario, thresholds, ({ working, from, span }, found) => {
        const clock = { createdAt: new Date(from), now: new Date(from + Math.abs(span)), working };
        const expected = outcome(() => oracle.nextWaitingCheck(found, clock));
        expect(outcome(() => nextWaitingCheck(found, clock))).toEqual(expected);
        expect(outcome(() => nextWaitingCheck(found, { ...clock, working: keptCalendar(working) }))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('for a host checking new tickets as now moves across DST changes, with one calendar', () => {
    const found: WaitingThresholds = { minutes: [16, 31], businessMinutes: [61, 121, 241, 481, 1441, 2881], businessHours: true, exact: true };
    const schedules: WorkingTime['businessHours'][] = [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '22:00', end: '06:00' },
      { days: ['sat', 'sun'], start: '02:30', end: '24:00' },
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' },
    ];
    for (const timezone of ZONES) {
      const change = CHANGES.get(timezone)?.[2] ?? Date.UTC(2025, 5, 1);
      for (const businessHours of schedules) {
        const working: WorkingTime = { timezone, businessHours };
        const calendar = new WorkingCalendar(working);
        for (let now = change - 3 * DAY; now < change + 3 * DAY; now += 97 * MINUTE + 7_000) {
          const clock = { createdAt: new Date(now - 90_000), now: new Date(now), working };
          expect(nextWaitingCheck(found, { ...clock, working: calendar })?.getTime()).toBe(oracle.nextWaitingCheck(found, clock)?.getTime());
        }
      }
    }
  });

  it('fails where the day-by-day functions failed, with the same messages', () => {
    const bad: WorkingTime[] = [
      { timezone: 'Mars/Olympus', businessHours: { days: ['mon'], start: '09:00', end: '17:00' } },
      { timezone: 'Europe/Paris', businessHours: { days: ['mon'], start: '9am', end: '17:00' } },
      { timezone: 'Mars/Olympus', businessHours: { days: [], start: '09:00', end: '17:00' } },
    ];
    const at = new Date('2026-03-02T10:00:00Z');
    for (const working of bad) {
      for (const [from, to] of [[at, new Date(at.getTime() + DAY)], [at, at], [new Date(Number.NaN), at]] as const) {
        expect(outcome(() => isWithinBusinessHours(from, working))).toEqual(outcome(() => oracle.isWithin(from, working)));
        expect(outcome(() => businessMinutesBetween(from, to, working))).toEqual(outcome(() => oracle.between(from, to, working)));
        expect(outcome(() => nextBusinessOpening(from, working))).toEqual(outcome(() => oracle.nextOpening(from, working)));
        expect(outcome(() => addBusinessMinutes(from, 0, working))).toEqual(outcome(() => oracle.add(from, 0, working)));
        expect(outcome(() => addBusinessMinutes(from, 30, working))).toEqual(outcome(() => oracle.add(from, 30, working)));
        expect(outcome(() => addBusinessMinutes(from, -1, working))).toEqual(outcome(() => oracle.add(from, -1, working)));
        expect(outcome(() => nextBusinessHoursChange(from, working))).toEqual(outcome(() => oracle.nextChange(from, working)));
      }
    }
  });
});

describe('wall clocks read from the formatted string', () => {
  it('give the local parts that Intl’s parts give, in every zone and far from today', () => {
    const zone = fc.constantFrom(...ZONES, 'UTC', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Apia');
    const time = fc.oneof(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: Date.UTC(-50, 0, 1), max: Date.UTC(1100, 0, 1) }));
    fc.assert(
      fc.property(zone, time, (timezone, at) => {
        expect(outcome(() => localParts(new Date(at), timezone))).toEqual(outcome(() => oracle.localParts(new Date(at), timezone)));
      }),
      { numRuns: 2_000 },
    );
  });
});
