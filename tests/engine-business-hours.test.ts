// Business hours in the workspace's time zone, including DST changes in Paris and New York and overnight shifts.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWithinBusinessHours,
  localParts,
  nextBusinessOpening,
  type WorkingTime,
} from '../packages/engine/src/time/business-hours.ts';
import { EngineError } from '../packages/engine/src/errors.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const paris: WorkingTime = { timezone: 'Europe/Paris', businessHours: { days: [...WEEKDAYS], start: '09:00', end: '18:00' } };
const newYork: WorkingTime = {
  timezone: 'America/New_York',
  businessHours: { days: [...WEEKDAYS], start: '09:00', end: '17:00' },
};

// 2024-05-17 is a Friday; Paris is on UTC+2 (CEST) then.
const at = (iso: string) => new Date(iso);

describe('localParts', () => {
  it('gives the local weekday, date, hour and minute of the day', () => {
    expect(localParts(at('2024-05-17T19:30:00+02:00'), 'Europe/Paris')).toEqual({
      weekday: 'fri',
      minuteOfDay: 19 * 60 + 30,
      date: '2024-05-17',
      hour: 19,
    });
    expect(localParts(at('2024-05-17T19:30:00+02:00'), 'America/New_York')).toEqual({
      weekday: 'fri',
      minuteOfDay: 13 * 60 + 30,
      date: '2024-05-17',
      hour: 13,
    });
  });

  it('crosses midnight with the zone, not with UTC', () => {
    expect(localParts(at('2024-12-31T23:30:00Z'), 'Europe/Paris')).toMatchObject({
      weekday: 'wed',
      date: '2025-01-01',
      hour: 0,
      minuteOfDay: 30,
    });
    expect(localParts(at('2024-01-01T03:00:00Z'), 'America/New_York')).toMatchObject({ weekday: 'sun', date: '2023-12-31' });
  });

  it('throws INVALID_INPUT for an unknown zone or an invalid date', () => {
    expect(() => localParts(at('2024-05-17T12:00:00Z'), 'Mars/Olympus')).toThrow(EngineError);
    expect(() => localParts(new Date(Number.NaN), 'UTC')).toThrow(EngineError);
  });
});

describe('isWithinBusinessHours', () => {
  it('opens at the start minute and closes at the end minute', () => {
    expect(isWithinBusinessHours(at('2024-05-17T08:59:59+02:00'), paris)).toBe(false);
    expect(isWithinBusinessHours(at('2024-05-17T09:00:00+02:00'), paris)).toBe(true);
    expect(isWithinBusinessHours(at('2024-05-17T17:59:59+02:00'), paris)).toBe(true);
    expect(isWithinBusinessHours(at('2024-05-17T18:00:00+02:00'), paris)).toBe(false);
  });

  it('is closed on days not listed', () => {
    expect(isWithinBusinessHours(at('2024-05-18T12:00:00+02:00'), paris)).toBe(false);
    expect(isWithinBusinessHours(at('2024-05-19T12:00:00+02:00'), paris)).toBe(false);
  });

  it('follows the local clock across DST changes', () => {
    // Paris: CET (UTC+1) until 2024-03-31, CEST (UTC+2) until 2024-10-27.
    expect(isWithinBusinessHours(at('2024-03-29T08:00:00Z'), paris)).toBe(true); // Fri 09:00 CET
    expect(isWithinBusinessHours(at('2024-04-01T06:59:00Z'), paris)).toBe(false); // Mon 08:59 CEST
    expect(isWithinBusinessHours(at('2024-04-01T07:00:00Z'), paris)).toBe(true); // Mon 09:00 CEST
    expect(isWithinBusinessHours(at('2024-10-28T07:30:00Z'), paris)).toBe(false); // Mon 08:30 CET
    expect(isWithinBusinessHours(at('2024-10-28T08:00:00Z'), paris)).toBe(true); // Mon 09:00 CET
    // New York: EST (UTC−5) until 2024-03-10, EDT (UTC−4) after.
    expect(isWithinBusinessHours(at('2024-03-08T14:00:00Z'), newYork)).toBe(true); // Fri 09:00 EST
    expect(isWithinBusinessHours(at('2024-03-11T12:59:00Z'), newYork)).toBe(false); // Mon 08:59 EDT
    expect(isWithinBusinessHours(at('2024-03-11T13:00:00Z'), newYork)).toBe(true); // Mon 09:00 EDT
    expect(isWithinBusinessHours(at('2024-03-11T21:00:00Z'), newYork)).toBe(false); // Mon 17:00 EDT
  });

  it('is never open with no days, or with start equal to end', () => {
    const noDays: WorkingTime = { ...paris, businessHours: { ...paris.businessHours, days: [] } };
    const closed: WorkingTime = { ...paris, businessHours: { ...paris.businessHours, start: '09:00', end: '09:00' } };
    expect(isWithinBusinessHours(at('2024-05-17T12:00:00+02:00'), noDays)).toBe(false);
    expect(isWithinBusinessHours(at('2024-05-17T12:00:00+02:00'), closed)).toBe(false);
  });

  it('throws INVALID_INPUT for a malformed time of day', () => {
    const malformed: WorkingTime = { ...paris, businessHours: { ...paris.businessHours, start: '9:00' } };
    expect(() => isWithinBusinessHours(at('2024-05-17T12:00:00Z'), malformed)).toThrow(EngineError);
  });
});

describe('businessMinutesBetween', () => {
  const arrival = at('2024-05-17T19:30:00+02:00'); // a P3 arriving Friday 19:30

  it('counts nothing outside business hours and resumes on Monday', () => {
    expect(businessMinutesBetween(arrival, at('2024-05-17T21:00:00+02:00'), paris)).toBe(0);
    expect(businessMinutesBetween(arrival, at('2024-05-20T09:30:00+02:00'), paris)).toBe(30);
  });

  it('is 0 when `to` is not after `from`', () => {
    expect(businessMinutesBetween(at('2024-05-17T12:00:00+02:00'), at('2024-05-17T12:00:00+02:00'), paris)).toBe(0);
    expect(businessMinutesBetween(at('2024-05-17T12:00:00+02:00'), at('2024-05-17T10:00:00+02:00'), paris)).toBe(0);
  });

  it('counts partial days at both ends', () => {
    expect(businessMinutesBetween(at('2024-05-16T17:00:00+02:00'), at('2024-05-17T10:15:00+02:00'), paris)).toBe(135);
  });

  it('counts a span across the spring and autumn DST changes in Paris', () => {
    // Friday 17:00 CET → Monday 10:00 CEST: one hour on Friday, one on Monday.
    expect(businessMinutesBetween(at('2024-03-29T16:00:00Z'), at('2024-04-01T08:00:00Z'), paris)).toBe(120);
    // Friday 17:00 CEST → Monday 10:00 CET.
    expect(businessMinutesBetween(at('2024-10-25T15:00:00Z'), at('2024-10-28T09:00:00Z'), paris)).toBe(120);
  });

  it('counts the real length of a day whose clock skips or repeats an hour', () => {
    const sundays: WorkingTime = { timezone: 'Europe/Paris', businessHours: { days: ['sun'], start: '00:00', end: '24:00' } };
    expect(businessMinutesBetween(at('2024-03-30T12:00:00Z'), at('2024-04-01T12:00:00Z'), sundays)).toBe(23 * 60);
    expect(businessMinutesBetween(at('2024-10-26T12:00:00Z'), at('2024-10-28T12:00:00Z'), sundays)).toBe(25 * 60);
    // 01:00–04:00 on the spring-forward night lasts two hours: 02:00–03:00 never happens.
    const night: WorkingTime = { timezone: 'Europe/Paris', businessHours: { days: ['sun'], start: '01:00', end: '04:00' } };
    expect(businessMinutesBetween(at('2024-03-30T12:00:00Z'), at('2024-04-01T12:00:00Z'), night)).toBe(120);
  });

  it('counts New York hours across the spring DST change', () => {
    // Friday 12:00 EST → Monday 12:00 EDT: five hours, then three.
    expect(businessMinutesBetween(at('2024-03-08T17:00:00Z'), at('2024-03-11T16:00:00Z'), newYork)).toBe(480);
  });

  it('handles spans of a year, day by day', () => {
    // 2024-01-01 and 2024-12-30 are Mondays: 52 weeks of 45 hours.
    expect(businessMinutesBetween(at('2024-01-01T00:00:00+01:00'), at('2024-12-30T00:00:00+01:00'), paris)).toBe(
      52 * 45 * 60,
    );
  });

  it('counts whole minutes only', () => {
    expect(businessMinutesBetween(at('2024-05-17T09:00:00+02:00'), at('2024-05-17T09:00:59+02:00'), paris)).toBe(0);
    expect(businessMinutesBetween(at('2024-05-17T09:00:30+02:00'), at('2024-05-17T09:02:00+02:00'), paris)).toBe(1);
  });

  it('adds up over consecutive spans', () => {
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2025, 0, 1) / 60_000 });
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [first, middle, last] = [a, b, c].sort((x, y) => x - y).map((minute) => new Date(minute * 60_000));
        if (!first || !middle || !last) return;
        expect(businessMinutesBetween(first, last, newYork)).toBe(
          businessMinutesBetween(first, middle, newYork) + businessMinutesBetween(middle, last, newYork),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('overnight shifts', () => {
  const nights: WorkingTime = { timezone: 'Europe/Paris', businessHours: { days: [...WEEKDAYS], start: '22:00', end: '06:00' } };

  it('runs from the listed day into the next morning', () => {
    expect(isWithinBusinessHours(at('2024-05-17T23:00:00+02:00'), nights)).toBe(true); // Friday night
    expect(isWithinBusinessHours(at('2024-05-18T05:59:00+02:00'), nights)).toBe(true); // Saturday morning
    expect(isWithinBusinessHours(at('2024-05-18T06:00:00+02:00'), nights)).toBe(false);
    expect(isWithinBusinessHours(at('2024-05-20T03:00:00+02:00'), nights)).toBe(false); // Sunday night is off
    expect(isWithinBusinessHours(at('2024-05-20T21:59:00+02:00'), nights)).toBe(false);
  });

  it('counts and adds across midnight', () => {
    expect(businessMinutesBetween(at('2024-05-17T21:00:00+02:00'), at('2024-05-18T07:00:00+02:00'), nights)).toBe(480);
    expect(addBusinessMinutes(at('2024-05-18T05:00:00+02:00'), 120, nights)).toEqual(at('2024-05-20T23:00:00+02:00'));
  });
});

describe('nextBusinessOpening', () => {
  it('is the instant itself when open', () => {
    const open = at('2024-05-17T10:00:00+02:00');
    expect(nextBusinessOpening(open, paris)).toEqual(open);
  });

  it('is the next opening when closed', () => {
    expect(nextBusinessOpening(at('2024-05-17T19:30:00+02:00'), paris)).toEqual(at('2024-05-20T09:00:00+02:00'));
    expect(nextBusinessOpening(at('2024-05-17T18:00:00+02:00'), paris)).toEqual(at('2024-05-20T09:00:00+02:00'));
    expect(nextBusinessOpening(at('2024-05-15T07:00:00+02:00'), paris)).toEqual(at('2024-05-15T09:00:00+02:00'));
    // Saturday in Paris before the spring change → Monday 09:00 CEST.
    expect(nextBusinessOpening(at('2024-03-30T12:00:00Z'), paris)).toEqual(at('2024-04-01T07:00:00Z'));
  });

  it('is undefined when no business days are configured', () => {
    const noDays: WorkingTime = { ...paris, businessHours: { ...paris.businessHours, days: [] } };
    expect(nextBusinessOpening(at('2024-05-17T19:30:00+02:00'), noDays)).toBeUndefined();
  });
});

describe('addBusinessMinutes', () => {
  it('carries over the weekend', () => {
    expect(addBusinessMinutes(at('2024-05-17T17:30:00+02:00'), 60, paris)).toEqual(at('2024-05-20T09:30:00+02:00'));
  });

  it('starts counting at the next opening when closed', () => {
    expect(addBusinessMinutes(at('2024-05-17T19:30:00+02:00'), 30, paris)).toEqual(at('2024-05-20T09:30:00+02:00'));
  });

  it('returns the earliest instant: closing time rather than next morning', () => {
    expect(addBusinessMinutes(at('2024-05-17T17:00:00+02:00'), 60, paris)).toEqual(at('2024-05-17T18:00:00+02:00'));
  });

  it('returns `from` for zero minutes and undefined when never open', () => {
    const from = at('2024-05-18T12:00:00+02:00');
    expect(addBusinessMinutes(from, 0, paris)).toEqual(from);
    const noDays: WorkingTime = { ...paris, businessHours: { ...paris.businessHours, days: [] } };
    expect(addBusinessMinutes(from, 60, noDays)).toBeUndefined();
  });

  it('crosses the DST change on local time', () => {
    // Friday 17:00 CET + 4 business hours → Monday 12:00 CEST.
    expect(addBusinessMinutes(at('2024-03-29T16:00:00Z'), 240, paris)).toEqual(at('2024-04-01T10:00:00Z'));
  });

  it('spans weeks', () => {
    // Monday 09:00 + 10 weeks of 45 hours → Monday 09:00, 10 weeks later: the last minute closes Friday 18:00.
    expect(addBusinessMinutes(at('2024-01-08T09:00:00+01:00'), 10 * 45 * 60, paris)).toEqual(
      at('2024-03-15T18:00:00+01:00'),
    );
  });

  it('throws INVALID_INPUT for negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(at('2024-05-17T12:00:00Z'), -1, paris)).toThrow(EngineError);
    expect(() => addBusinessMinutes(at('2024-05-17T12:00:00Z'), Number.NaN, paris)).toThrow(EngineError);
  });

  it('is the inverse of businessMinutesBetween', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2025, 0, 1) / 60_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom(paris, newYork),
        (minute, minutes, working) => {
          const from = new Date(minute * 60_000);
          const due = addBusinessMinutes(from, minutes, working);
          expect(due).toBeDefined();
          if (!due) return;
          expect(businessMinutesBetween(from, due, working)).toBe(minutes);
          // Earliest: a minute before the due time, one business minute is still missing.
          expect(businessMinutesBetween(from, new Date(due.getTime() - 60_000), working)).toBe(minutes - 1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
