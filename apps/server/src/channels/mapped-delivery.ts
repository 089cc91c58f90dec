// What a platform mapper makes of one webhook delivery, and the small readers the mappers share. Mappers are pure:
// payload in, mentions out; the routes verify, ingest and answer.
import type { Mention } from '@mentionflow/engine';

export interface IgnoredEvent {
  /** The platform's event type, e.g. `tweet_create_events` or `feed/comment`. */
  readonly type: string;
  readonly id?: string;
  readonly reason: string;
}

export interface MappedDelivery {
  /** Mentions to ingest, keyed by the platform's own ids so redeliveries are duplicates. */
  readonly mentions: Mention[];
  /** Events understood and deliberately skipped: the brand's own posts, echoes, edits, deletions. */
  readonly ignored: IgnoredEvent[];
  /** Event types this mapper does not know: acknowledged and logged, never an error. */
  readonly unhandled: string[];
}

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string, or a number written as one (platform ids arrive as either). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** An epoch time in seconds or milliseconds (told apart by size: 1e12 ms is 2001, 1e12 s is the year 33658). */
export function isoFromEpoch(value: unknown): string | undefined {
  const number = asNumber(value);
  if (number === undefined || number <= 0) return undefined;
  const date = new Date(number < 1e12 ? number * 1000 : number);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
