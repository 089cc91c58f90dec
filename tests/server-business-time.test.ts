// The business-hours memo ingest uses for due times and expected responses answers exactly as the engine does, for
// any schedule (overnight shifts, whole days, DST zones) and any order of instants asked about.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessMinutes, localParts, nextBusinessHoursChange, nextBusinessOpening, type WorkingTime } from '../packages/engine/src/index.ts';
import { BusinessTime } from '../apps/server/src/domain/business-time.ts';

const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const clockTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const working: fc.Arbitrary<WorkingTime> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    days: fc.subarray([...DAYS], { minLength: 1 }),
    start: fc.integer({ min: 0, max: 23 * 4 + 3 }).map((quarter) => quarter * 15),
    length: fc.integer({ min: 1, max: 24 * 4 }).map((quarters) => quarters * 15),
  })
  .map(({ timezone, days, start, length }) => ({
    timezone,
    businessHours: { days, start: clockTime(start), end: start + length === 1440 ? '24:00' : clockTime((start + length) % 1440) },
  }))
  .filter((candidate) => candidate.businessHours.start !== candidate.businessHours.end);

// Around the 2026 spring DST changes (US 8 March, EU 29 March, Lord Howe 5 April), with instants up to 3 days apart,
// many of them a few seconds from a quarter hour, where shifts open and close.
const base = fc.constantFrom(Date.parse('2026-03-06T16:59:30Z'), Date.parse('2026-03-27T21:00:00Z'), Date.parse('2026-04-03T10:00:00Z'), Date.parse('2026-10-23T12:00:00Z'));
const nearQuarter = fc.tuple(fc.integer({ min: -3 * 96, max: 3 * 96 }), fc.integer({ min: -3_000, max: 3_000 })).map(([quarters, ms]) => quarters * 900_000 + ms);
const offsets = fc.array(fc.oneof(fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), fc.integer({ min: -120_000, max: 120_000 }), nearQuarter), { minLength: 1, maxLength: 40 });

describe('business time, memoized', () => {
  it('gives the engine’s due times, openings and local parts for every instant', () => {
    fc.assert(
      fc.property(working, base, offsets, fc.constantFrom(15, 60, 240, 1440), (schedule, start, steps, minutes) => {
        const memo = new BusinessTime(schedule);
        // After the first instant, the edges of what its answer covers: its shift's end, and the instant whose due
        // time would reach the end of the shift that due time falls in.
        const first = start + steps[0]!;
        const due = addBusinessMinutes(new Date(first), minutes, schedule)!.getTime();
        const edges = [nextBusinessHoursChange(new Date(first), schedule)?.getTime(), nextBusinessHoursChange(new Date(due), schedule)?.getTime()].flatMap((edge, index) =>
          edge === undefined ? [] : [-1, 0, 1].map((delta) => (index === 0 ? edge : first + edge - due) + delta - start),
        );
        for (const step of [steps[0]!, ...edges, ...steps.slice(1)]) {
          const time = start + step;
          expect(memo.addMinutes(time, minutes), `due ${new Date(time).toISOString()}`).toBe(addBusinessMinutes(new Date(time), minutes, schedule)?.getTime());
          expect(memo.nextOpening(time), `opening ${new Date(time).toISOString()}`).toBe(nextBusinessOpening(new Date(time), schedule)?.getTime());
          expect(memo.localParts(time)).toEqual(localParts(new Date(time), schedule.timezone));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers instants of one shift from one computation', () => {
    const schedule: WorkingTime = { timezone: 'Europe/Paris', businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' } };
    const memo = new BusinessTime(schedule);
    const tuesday = Date.parse('2026-03-03T09:00:00Z'); // 10:00 in Paris
    expect(memo.addMinutes(tuesday, 240)).toBe(Date.parse('2026-03-03T13:00:00Z'));
    expect(memo.addMinutes(tuesday + 90_000, 240)).toBe(Date.parse('2026-03-03T13:01:30Z'));
    // 60 business minutes from Friday 17:30 is Monday 09:30; from any later Friday-evening instant too.
    expect(memo.addMinutes(Date.parse('2026-03-06T16:30:00Z'), 60)).toBe(Date.parse('2026-03-09T08:30:00Z'));
    expect(memo.addMinutes(Date.parse('2026-03-06T20:00:00Z'), 60)).toBe(Date.parse('2026-03-09T09:00:00Z'));
  });
});
