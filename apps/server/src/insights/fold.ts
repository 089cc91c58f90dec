// Folding: counting what was stored since the last fold into the insight counters, in bulk. Queries fold first, so
// every figure includes every commit made before the request; ingest pays nothing. Each step is one transaction
// that reads its cursors inside it, so processes sharing the database can fold concurrently and count once.
import type { InStatement } from '@libsql/client';
import type { Services } from '../services.ts';
import type { SqlFragment } from '../time/outbox.ts';
import { COUNTERS, slotOf } from './counters.ts';

/** Mentions (and tickets) folded per transaction: ingest commits wait for each, so keep them short. */
export const FOLD_CHUNK = 20_000;

const position = (name: string) => `(SELECT COALESCE((SELECT position FROM insight_cursors WHERE name = '${name}'), 0))`;
const MENTIONS = position('mentions');
const TICKETS = position('tickets');

function advance(name: string, cursor: string, latest: string, chunk: number, now: number): InStatement {
  return {
    sql: `INSERT INTO insight_cursors (name, position, updated_at) VALUES ('${name}', min(${cursor} + ?, (${latest})), ?)
          ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    args: [chunk, now],
  };
}

/** One fold step: the next `chunk` mentions into every counter (in its four groupings), and the next tickets' starts. */
export function foldStatements(now: number, chunk = FOLD_CHUNK): InStatement[] {
  const fresh: SqlFragment = { sql: `m.seq > ${MENTIONS} AND m.seq <= ${MENTIONS} + ?`, args: [chunk] };
  const statements: InStatement[] = COUNTERS.map((counter) => {
    const source = counter.source(fresh);
    const keys = ['slot', ...counter.keys];
    // Counts by channel and/or queue go to the coarser slot when the counter has one.
    const slot = counter.filteredSlot === counter.slot ? 's.slot' : `CASE WHEN g.column1 OR g.column2 THEN ${slotOf('s.slot', counter.filteredSlot)} ELSE s.slot END`;
    return {
      sql: `INSERT INTO ${counter.table} (channel, queue, ${keys.join(', ')}, ${counter.sums.join(', ')})
            SELECT CASE WHEN g.column1 THEN s.channel ELSE '*' END, CASE WHEN g.column2 THEN s.queue ELSE '*' END,
                   ${[slot, ...counter.keys.map((key) => `s.${key}`)].join(', ')}, ${counter.sums.map((sum) => `sum(s.${sum})`).join(', ')}
            FROM (${source.sql}) s CROSS JOIN (VALUES (1, 1), (1, 0), (0, 1), (0, 0)) g
            GROUP BY ${Array.from({ length: keys.length + 2 }, (_, index) => index + 1).join(', ')}
            ON CONFLICT (channel, queue, ${keys.join(', ')}) DO UPDATE SET ${counter.sums.map((sum) => `${sum} = ${sum} + excluded.${sum}`).join(', ')}`,
      args: [...source.args],
    };
  });
  statements.push(
    {
      sql: `INSERT INTO insight_ticket_starts (ticket_id, started_at)
            SELECT t.id, COALESCE((SELECT m.created_at FROM mentions m WHERE m.channel = t.channel AND m.id = t.mention_id), t.created_at)
            FROM tickets t WHERE t.id > ${TICKETS} AND t.id <= ${TICKETS} + ?
            ON CONFLICT (ticket_id) DO NOTHING`,
      args: [chunk],
    },
    advance('mentions', MENTIONS, 'SELECT COALESCE(max(seq), 0) FROM mentions', chunk, now),
    advance('tickets', TICKETS, 'SELECT COALESCE(max(id), 0) FROM tickets', chunk, now),
  );
  return statements;
}

/** Folds on demand: concurrent requests share a fold, and a request never waits on a fold started before it. */
export class InsightFolder {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly services: Pick<Services, 'database' | 'clock' | 'logger'>) {}

  /** Resolves once everything committed before the call is counted. */
  catchUp(): Promise<void> {
    if (!this.running) {
      this.running = this.foldAll().finally(() => (this.running = undefined));
      return this.running;
    }
    // A fold is under way but may have read its cursors before our caller's data was committed: run one more after it.
    this.queued ??= this.running.then(
      () => {
        this.queued = undefined;
        return this.catchUp();
      },
      () => {
        this.queued = undefined;
        return this.catchUp();
      },
    );
    return this.queued;
  }

  private async foldAll(): Promise<void> {
    const { client } = this.services.database;
    const started = performance.now();
    let steps = 0;
    for (;;) {
      const behind = await client.execute(
        `SELECT (SELECT COALESCE(max(seq), 0) FROM mentions) > ${MENTIONS} OR (SELECT COALESCE(max(id), 0) FROM tickets) > ${TICKETS} AS behind`,
      );
      if (!behind.rows[0]?.behind) break;
      await client.batch(foldStatements(this.services.clock.now()), 'write');
      steps++;
    }
    if (steps > 1) this.services.logger.log('info', 'insights_folded', { steps, ms: Math.round(performance.now() - started) });
  }
}
