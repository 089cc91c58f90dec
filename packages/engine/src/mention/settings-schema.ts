// Workspace settings the engine reads: who the brand is and when the team works.
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const BusinessHoursSchema = z.strictObject({
  days: z.array(WeekdaySchema).max(7),
  start: clockTime,
  end: clockTime,
});

/** First-response targets in minutes per priority: tickets get their due time from these. */
export const ResponseTargetsSchema = z.strictObject({
  P1: z.number().int().min(1).max(100_000),
  P2: z.number().int().min(1).max(100_000),
  P3: z.number().int().min(1).max(100_000),
  P4: z.number().int().min(1).max(100_000),
});

export const DEFAULT_RESPONSE_TARGETS = { P1: 15, P2: 60, P3: 240, P4: 1440 } as const;

export const SettingsSchema = z.strictObject({
  brand: z.strictObject({
    names: z.array(z.string().min(1).max(100)).max(50),
    handles: z.array(z.string().min(1).max(100)).max(50),
    hashtags: z.array(z.string().min(1).max(100)).max(50),
  }),
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as "Europe/Paris"'),
  businessHours: BusinessHoursSchema,
  defaultLanguage: z.string().regex(/^[a-z]{2,3}$/).default('en'),
  responseTargets: ResponseTargetsSchema.default({ ...DEFAULT_RESPONSE_TARGETS }),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

/** Settings used when a host supplies none: no brand, UTC, Monday–Friday 09:00–17:00. */
export const DEFAULT_SETTINGS: Settings = {
  brand: { names: [], handles: [], hashtags: [] },
  timezone: 'UTC',
  businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
  defaultLanguage: 'en',
  responseTargets: { ...DEFAULT_RESPONSE_TARGETS },
};
