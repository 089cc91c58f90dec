// Folding: counting what was stored since the last fold into the insight counters, in bulk. Queries fold first, so
// every figure includes every commit made before the request; ingest pays nothing. Each step is one transaction
// that reads its cursors inside it, so processes sharing the database can fold concurrently and count once. Rows are
// taken in the order they were inserted (mentions.seq, decisions.rowid, tickets.id grow in commit order). Rows that
// change once counted (an escalation decision replaced as its ticket escalates further; a ticket answered, re-routed
// or re-prioritized) are followed by triggers (migration 0005_insights) that fire on UPDATE only: ingest, which only
// INSERTs, carries none.
import type { InStatement } from '@libsql/client';
import type { Services } from '../services.ts';
import type { SqlFragment } from '../time/outbox.ts';
import { COUNTERS, ESCALATION_HITS, slotOf, type Counter } from './counters.ts';
import { CHANNEL_UNIT } from './ticket-sql.ts';

/** Mentions (decisions, tickets) folded per transaction: ingest commits wait for each, so keep them short. */
export const FOLD_CHUNK = 20_000;

const position = (name: string) => `(SELECT COALESCE((SELECT position FROM insight_cursors WHERE name = '${name}'), 0))`;
const MENTIONS = position('mentions');
const ESCALATIONS = position('escalations');
const TICKETS = position('tickets');

/** Whether anything was stored past a cursor. */
const BEHIND = `SELECT (SELECT COALESCE(max(seq), 0) FROM mentions) > ${MENTIONS} OR (SELECT COALESCE(max(rowid), 0) FROM decisions) > ${ESCALATIONS}
                OR (SELECT COALESCE(max(id), 0) FROM tickets) > ${TICKETS} AS behind`;

function advance(name: string, cursor: string, latest: string, chunk: number, now: number): InStatement {
  return {
    sql: `INSERT INTO insight_cursors (name, position, updated_at) VALUES ('${name}', min(${cursor} + ?, (${latest})), ?)
          ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    args: [chunk, now],
  };
}

/** (by channel, by queue): the four groupings, of which a counter without counts by channel or queue alone keeps two. */
const GROUPINGS = [[true, true], [true, false], [false, true], [false, false]] as const;

/**
 * Adds the source rows `where` selects to a counter, in each of its groupings. The source is read once, into a
 * materialized CTE at its own grain, and each grouping sums those few rows: mentions and decisions are read, and their
 * JSON parsed, once per counter rather than once per grouping.
 */
function addTo(counter: Counter, where: SqlFragment): InStatement {
  const source = counter.source(where);
  const keys = ['slot', ...counter.keys];
  // Counts by channel and/or queue go to the coarser slot when the counter has one.
  const filteredSlot = counter.filteredSlot === counter.slot ? 'slot' : slotOf('slot', counter.filteredSlot);
  const grouping = ([channel, queue]: readonly [boolean, boolean]): string => {
    const columns = [channel ? 'channel' : "'*'", queue ? 'queue' : "'*'", channel || queue ? filteredSlot : 'slot', ...counter.keys];
    // Kept at the source's own slot, counts by channel and queue are the source's rows, one per key (Counter.source).
    if (channel && queue && filteredSlot === 'slot') return `SELECT ${columns.join(', ')}, ${counter.sums.join(', ')} FROM s`;
    const groupBy = columns.flatMap((column, index) => (column === "'*'" ? [] : [index + 1]));
    return `SELECT ${columns.join(', ')}, ${counter.sums.map((sum) => `sum(${sum})`).join(', ')} FROM s GROUP BY ${groupBy.join(', ')}`;
  };
  const groupings = GROUPINGS.filter(([channel, queue]) => counter.byChannelOrQueue || channel === queue);
  // `WHERE true` tells SQLite's parser that ON CONFLICT starts the upsert clause, not a join constraint.
  return {
    sql: `WITH s AS MATERIALIZED (${source.sql})
          INSERT INTO ${counter.table} (channel, queue, ${keys.join(', ')}, ${counter.sums.join(', ')})
          SELECT * FROM (${groupings.map(grouping).join(' UNION ALL ')}) WHERE true
          ON CONFLICT (channel, queue, ${keys.join(', ')}) DO UPDATE SET ${counter.sums.map((sum) => `${sum} = ${sum} + excluded.${sum}`).join(', ')}`,
    args: [...source.args],
  };
}

/** Channel and queue names (a code each, in order of first appearance), then the facts of the tickets `where` selects. */
function ticketStatements(where: SqlFragment): InStatement[] {
  const priority = 'CAST(substr(t.priority, 2) AS INTEGER) - 1';
  return [
    {
      sql: `INSERT INTO insight_names (kind, name, code)
            SELECT kind, name, (SELECT count(*) FROM insight_names n WHERE n.kind = fresh.kind) + row_number() OVER (PARTITION BY kind ORDER BY name) - 1
            FROM (SELECT 'channel' AS kind, t.channel AS name FROM tickets t WHERE ${where.sql} UNION SELECT 'queue', t.queue FROM tickets t WHERE ${where.sql}) fresh
            WHERE NOT EXISTS (SELECT 1 FROM insight_names n WHERE n.kind = fresh.kind AND n.name = fresh.name)`,
      args: [...where.args, ...where.args],
    },
    {
      sql: `INSERT INTO insight_ticket_facts (ticket_id, created_at, group_code, started_at, answered_at, due_at)
            SELECT t.id, t.created_at,
                   (SELECT code FROM insight_names WHERE kind = 'channel' AND name = t.channel) * ${CHANNEL_UNIT} + (SELECT code FROM insight_names WHERE kind = 'queue' AND name = t.queue) * 4 + ${priority},
                   COALESCE((SELECT m.created_at FROM mentions m WHERE m.channel = t.channel AND m.id = t.mention_id), t.created_at), t.first_response_at, t.first_response_due_at
            FROM tickets t WHERE ${where.sql}
            ON CONFLICT (ticket_id) DO NOTHING`,
      args: [...where.args],
    },
  ];
}

/**
 * One fold step: the next `chunk` mentions into the mention, tag and rule counters, the next `chunk` decisions'
 * escalation firings, and the facts of the next `chunk` tickets.
 */
export function foldStatements(now: number, chunk = FOLD_CHUNK): InStatement[] {
  const after = (column: string, cursor: string): SqlFragment => ({ sql: `${column} > ${cursor} AND ${column} <= ${cursor} + ?`, args: [chunk] });
  return [
    ...COUNTERS.map((counter) => addTo(counter, after('m.seq', MENTIONS))),
    addTo(ESCALATION_HITS, after('d.rowid', ESCALATIONS)),
    ...ticketStatements(after('t.id', TICKETS)),
    advance('mentions', MENTIONS, 'SELECT COALESCE(max(seq), 0) FROM mentions', chunk, now),
    advance('escalations', ESCALATIONS, 'SELECT COALESCE(max(rowid), 0) FROM decisions', chunk, now),
    advance('tickets', TICKETS, 'SELECT COALESCE(max(id), 0) FROM tickets', chunk, now),
  ];
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
    // Each step ends by asking again, inside its transaction: a fold that caught up costs one read before it.
    let behind = (await client.execute(BEHIND)).rows[0]?.behind;
    while (behind) {
      const results = await client.batch([...foldStatements(this.services.clock.now()), BEHIND], 'write');
      behind = results.at(-1)?.rows[0]?.behind;
      steps++;
    }
    if (steps > 1) this.services.logger.log('info', 'insights_folded', { steps, ms: Math.round(performance.now() - started) });
  }
}
