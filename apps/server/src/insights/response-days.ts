// The answered tickets of a range for response times, read as packed days (insight_response_days) rather than a row
// per ticket: a 90-day range is a million tickets, and SQLite spends most of a query on per-row work, where it reads
// 90 blobs in a few milliseconds. Each past UTC day of the range is read from its pack, packed first if it has none
// (once, then again after triggers drop it as its tickets change); the partial days at either end, and days not over
// yet, are packed on the fly without being kept.
import type { Client, InStatement } from '@libsql/client';
import type { InsightRange } from './insight-query.ts';
import { DAY } from './local-time.ts';

/**
 * One ticket as the packs hold it: two big-endian unsigned 32-bit integers, (response time in tenths of a minute) × 4
 * + SLA outcome (0 no due time, 1 answered by it, 2 after it), then the ticket's group code. Rounding each time to
 * the 0.1 minute the answer shows changes no percentile: the nearest-rank value of rounded times is the rounded
 * nearest-rank value.
 */
const PACKED = `COALESCE(unhex(group_concat(printf('%08X%08X',
    CAST(round(max(0, answered_at - started_at) / 6000.0) AS INTEGER) * 4 + CASE WHEN answered_at <= due_at THEN 1 WHEN answered_at > due_at THEN 2 ELSE 0 END,
    group_code), '')), x'')`;

/** Bytes per packed ticket. */
export const PACKED_BYTES = 8;

/** The answered tickets whose facts were created in [from, to), packed. */
const packedBetween = (from: string, to: string): string =>
  `SELECT ${PACKED} FROM insight_ticket_facts WHERE created_at >= ${from} AND created_at < ${to} AND answered_at IS NOT NULL`;

/** Packs the days of a JSON list of day numbers and keeps them; returns every day's pack. */
function packDays(days: number[]): InStatement {
  return {
    sql: `INSERT INTO insight_response_days (day, tickets)
          SELECT d.value, (${packedBetween(`d.value * ${DAY}`, `(d.value + 1) * ${DAY}`)}) FROM json_each(?) d WHERE true
          ON CONFLICT (day) DO UPDATE SET tickets = excluded.tickets
          RETURNING tickets`,
    args: [JSON.stringify(days)],
  };
}

/**
 * The answered tickets created in the range (filters aside), as packed chunks of PACKED_BYTES per ticket. A day is
 * kept once it is over by the range's `now`: earlier, every ticket folded into it would drop its pack.
 */
export async function answeredTickets(client: Client, range: InsightRange): Promise<Uint8Array[]> {
  const first = Math.ceil(range.from / DAY);
  const end = Math.min(Math.floor(range.to / DAY), Math.floor(range.now / DAY));
  const chunks: Uint8Array[] = [];
  const raw = async (from: number, to: number) => {
    const row = (await client.execute({ sql: packedBetween('?', '?'), args: [from, to] })).rows[0];
    chunks.push(new Uint8Array(row?.[0] as ArrayBuffer));
  };
  if (first >= end) {
    await raw(range.from, range.to);
    return chunks;
  }
  if (range.from < first * DAY) await raw(range.from, first * DAY);
  const kept = await client.execute({ sql: 'SELECT day, tickets FROM insight_response_days WHERE day >= ? AND day < ?', args: [first, end] });
  const missing = new Set(Array.from({ length: end - first }, (_, index) => first + index));
  for (const row of kept.rows) {
    missing.delete(Number(row.day));
    chunks.push(new Uint8Array(row.tickets as ArrayBuffer));
  }
  if (missing.size > 0) {
    // In one write transaction, so that no change to the facts can commit between reading them and keeping the packs.
    const [packed] = await client.batch([packDays([...missing])], 'write');
    for (const row of packed!.rows) chunks.push(new Uint8Array(row.tickets as ArrayBuffer));
  }
  if (end * DAY < range.to) await raw(end * DAY, range.to);
  return chunks;
}
