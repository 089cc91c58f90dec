// What every insights endpoint is asked: a range [from, to), optional channel and queue filters, and JSON or CSV.
import type { Context } from 'hono';
import { z } from 'zod';
import { ChannelSchema, QueueNameSchema } from '@mentionflow/engine';
import { readQuery } from '../http/read-body.ts';
import { ApiError } from '../http/api-error.ts';

const DAY = 86_400_000;
export const DEFAULT_RANGE_DAYS = 30;
/** One query never reads more than this: the counters stay cheap, raw edges stay small. */
export const MAX_RANGE_DAYS = 400;

const instant = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with a time zone, e.g. 2026-10-01T00:00:00Z' });

export const InsightQuerySchema = z.strictObject({
  from: instant.optional().describe('Start of the range, inclusive (default: 30 days before `to`)'),
  to: instant.optional().describe('End of the range, exclusive (default: now, by the server clock)'),
  channel: ChannelSchema.optional().describe('Only this channel'),
  queue: QueueNameSchema.optional().describe('Only this queue (for mentions: the queue their ingest decision routed them to)'),
  format: z.enum(['json', 'csv']).default('json').describe('`csv` downloads the same figures flattened, one row per item'),
});

export interface InsightFilter {
  readonly channel?: string | undefined;
  readonly queue?: string | undefined;
}

/** A resolved query: epoch-ms bounds, the filters, the clock's now. */
export interface InsightRange extends InsightFilter {
  readonly from: number;
  readonly to: number;
  readonly now: number;
}

/** Reads and checks the query (400 naming the parameter), filling the default range from `now`. */
export function readInsightQuery(c: Context, now: number): { range: InsightRange; format: 'json' | 'csv' } {
  const query = readQuery(c, InsightQuerySchema);
  const to = query.to !== undefined ? Date.parse(query.to) : now;
  const from = query.from !== undefined ? Date.parse(query.from) : to - DEFAULT_RANGE_DAYS * DAY;
  if (!(from < to)) throw badParameter(query.from !== undefined ? 'from' : 'to', 'the range must start before it ends (`from` < `to`)');
  if (to - from > MAX_RANGE_DAYS * DAY) throw badParameter('from', `the range may span at most ${MAX_RANGE_DAYS} days`);
  return { range: { from, to, now, channel: query.channel, queue: query.queue }, format: query.format };
}

function badParameter(field: string, message: string): ApiError {
  return new ApiError(400, 'bad_request', `${field}: ${message}`, [{ field, message }]);
}
