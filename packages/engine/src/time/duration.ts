// Durations as people write them in workflows ("15m", "1h30m", "3d", "PT15M"), held as whole minutes.
// Months and years are refused: their length varies, and response targets are never that long.
import { z } from 'zod';
import { EngineError } from '../errors.ts';

const MINUTES_PER = { w: 10_080, d: 1_440, h: 60, m: 1 } as const;
type Unit = keyof typeof MINUTES_PER;
const UNITS: readonly Unit[] = ['w', 'd', 'h', 'm'];

// Inputs are short; the cap keeps even the optional spaces below from costing anything on hostile input.
const MAX_LENGTH = 64;
// Units largest first, each at most once, optionally spaced: "90 min", "1h30m", "1w 2d", "2 hours".
const COMPACT = new RegExp(
  [
    String.raw`^(?:(\d{1,9}) ?(?:w|wks?|weeks?)(?: |(?=\d)|$))?`,
    String.raw`(?:(\d{1,9}) ?(?:d|days?)(?: |(?=\d)|$))?`,
    String.raw`(?:(\d{1,9}) ?(?:h|hrs?|hours?)(?: |(?=\d)|$))?`,
    String.raw`(?:(\d{1,9}) ?(?:m|mins?|minutes?))?$`,
  ].join(''),
);
// ISO 8601 without years, months or seconds: "PT15M", "P3D", "P1DT2H", "P2W".
const ISO = /^p(?:(\d{1,9})w)?(?:(\d{1,9})d)?(?:t(?=\d)(?:(\d{1,9})h)?(?:(\d{1,9})m)?)?$/;

/** Minutes in "15m", "90 min", "2h", "1h30m", "3d", "1w" or ISO "PT15M", "P1DT2H"; undefined if invalid. */
export function parseDuration(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (input.length === 0 || input.length > MAX_LENGTH) return undefined;
  const match = COMPACT.exec(input) ?? ISO.exec(input);
  if (!match) return undefined;
  const amounts = match.slice(1, 5);
  if (amounts.every((amount) => amount === undefined)) return undefined;
  return UNITS.reduce((total, unit, index) => total + Number(amounts[index] ?? 0) * MINUTES_PER[unit], 0);
}

/** Compact form for summaries: 15 → "15m", 90 → "1h 30m", 12960 → "1w 2d". Rounds to the minute. */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) throw new EngineError('INVALID_INPUT', `Not a duration: ${minutes} minutes`);
  const whole = Math.round(Math.abs(minutes));
  if (whole === 0) return '0m';
  let left = whole;
  const parts: string[] = [];
  for (const unit of UNITS) {
    const amount = Math.floor(left / MINUTES_PER[unit]);
    left -= amount * MINUTES_PER[unit];
    if (amount > 0) parts.push(`${amount}${unit}`);
  }
  // Negative durations appear in summaries as "overdue by": keep the sign rather than hide it.
  return (minutes < 0 ? '-' : '') + parts.join(' ');
}

/** A string `parseDuration` accepts. */
export const DurationSchema = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, 'a duration such as "15m", "4h" or "3d"');
