// Durations in workflows: parsing the forms people write, formatting for summaries, and the schema.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DurationSchema, formatDuration, parseDuration } from '../packages/engine/src/time/duration.ts';
import { EngineError } from '../packages/engine/src/errors.ts';

describe('parseDuration', () => {
  it.each([
    ['15m', 15],
    ['90 min', 90],
    ['45 minutes', 45],
    ['2h', 120],
    ['2 hours', 120],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['3d', 4_320],
    ['1 day', 1_440],
    ['1w', 10_080],
    ['1w 2d', 12_960],
    ['1d2h3m', 1_563],
    ['0m', 0],
    ['  4H ', 240],
    ['PT15M', 15],
    ['pt15m', 15],
    ['P3D', 4_320],
    ['P1DT2H', 1_560],
    ['PT1H30M', 90],
    ['PT36H', 2_160],
    ['P2W', 20_160],
  ])('%s → %d minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([
    '',
    '   ',
    '15',
    '1.5h',
    '1,5h',
    '-5m',
    '+5m',
    '30m1h',
    '1h1h',
    '1h  30m',
    '15 mins ago',
    'soon',
    'P',
    'PT',
    'P1DT',
    'P1M',
    'P1Y',
    'PT30S',
    'PT1.5H',
    'T15M',
    `${'1'.repeat(80)}m`,
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0m'],
    [15, '15m'],
    [60, '1h'],
    [90, '1h 30m'],
    [120, '2h'],
    [1_440, '1d'],
    [4_320, '3d'],
    [1_500, '1d 1h'],
    [12_960, '1w 2d'],
    [10_080 + 61, '1w 1h 1m'],
  ])('%d → %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('rounds to the minute and keeps the sign of an overdue time', () => {
    expect(formatDuration(14.6)).toBe('15m');
    expect(formatDuration(0.4)).toBe('0m');
    expect(formatDuration(-90)).toBe('-1h 30m');
  });

  it('throws INVALID_INPUT for a non-finite number', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(EngineError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(EngineError);
  });

  it('formats what parseDuration reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (minutes) => {
        expect(parseDuration(formatDuration(minutes))).toBe(minutes);
      }),
    );
  });
});

describe('DurationSchema', () => {
  it('accepts durations and keeps the text', () => {
    expect(DurationSchema.parse('4h')).toBe('4h');
    expect(DurationSchema.safeParse('P1DT2H').success).toBe(true);
  });

  it('rejects anything else with a helpful message', () => {
    const result = DurationSchema.safeParse('four hours');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('a duration such as "15m", "4h" or "3d"');
    expect(DurationSchema.safeParse(15).success).toBe(false);
  });
});
