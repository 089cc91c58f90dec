// Ticket figures over a range touch hundreds of thousands of rows. A GROUP BY makes SQLite sort every one of them;
// instead a query turns each row's keys (queue, priority, agent…) into one small integer, hands JavaScript a single
// comma-separated list of those codes, and JavaScript counts them in one pass.
import type { Client } from '@libsql/client';
import type { SqlFragment } from '../time/outbox.ts';

/**
 * SQL giving the index of `column`'s value in `values`, or -1 for a value not in the list. The indexes are written
 * into the SQL: bound, a JavaScript number arrives as a REAL, and the codes must stay integers.
 */
export function codeSql(column: string, values: readonly string[]): SqlFragment {
  if (values.length === 0) return { sql: '-1', args: [] };
  return { sql: `(CASE ${column} ${values.map((_, index) => `WHEN ? THEN ${index}`).join(' ')} ELSE -1 END)`, args: [...values] };
}

/** The integers of a `group_concat` (null for no rows), parsed without building a string per number. */
export function integersOf(list: unknown): Float64Array {
  if (list === null || list === undefined) return new Float64Array(0);
  const text = String(list);
  const out = new Float64Array(text.length / 2 + 1);
  let count = 0;
  let value = 0;
  let negative = false;
  for (let index = 0; index <= text.length; index++) {
    const char = index < text.length ? text.charCodeAt(index) : 44;
    if (char === 44) {
      out[count++] = negative ? -value : value;
      value = 0;
      negative = false;
    } else if (char === 45) negative = true;
    else value = value * 10 + (char - 48);
  }
  return out.subarray(0, count);
}

/** Values a column takes (queues, assignees), read once and again after a query met a value it did not know. */
export class ValueList {
  private values: Promise<readonly string[]> | undefined;

  constructor(private readonly load: (client: Client) => Promise<string[]>) {}

  get(client: Client): Promise<readonly string[]> {
    this.values ??= this.load(client).then(
      (values) => [...new Set(values)].sort(),
      (error: unknown) => {
        this.values = undefined;
        throw error;
      },
    );
    return this.values;
  }

  forget(): void {
    this.values = undefined;
  }
}

/** Runs `query` with the lists' values, and again (twice at most) after re-reading the lists it reports stale. */
export async function withValues<T>(
  client: Client,
  lists: readonly ValueList[],
  query: (values: (readonly string[])[]) => Promise<{ result: T; stale: readonly boolean[] }>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const { result, stale } = await query(await Promise.all(lists.map((list) => list.get(client))));
    if (!stale.some(Boolean)) return result;
    if (attempt === 3) throw new Error('values keep appearing that the lists of values do not hold');
    stale.forEach((isStale, index) => isStale && lists[index]!.forget());
  }
}

/** The lists ticket figures code by: queues, and agents (with any assignee no longer among them). */
export interface TicketLists {
  readonly queues: ValueList;
  readonly assignees: ValueList;
}

export function ticketLists(): TicketLists {
  const column = async (client: Client, sql: string) => (await client.execute(sql)).rows.map((row) => String(row[0]));
  return {
    queues: new ValueList((client) => column(client, 'SELECT DISTINCT queue FROM tickets')),
    assignees: new ValueList(async (client) => [
      ...(await column(client, 'SELECT id FROM agents')),
      ...(await column(client, 'SELECT DISTINCT assignee_id FROM tickets WHERE assignee_id IS NOT NULL')),
    ]),
  };
}
