// Work waiting and done: the open backlog per queue now (whatever the range), each agent's open tickets now and
// tickets resolved in the range, and customer satisfaction with the tickets resolved in the range. Each query reads
// one covering index the migration made for it (INDEXED BY: without statistics SQLite may pick an older index).
import type { Services } from '../services.ts';
import type { InsightRange } from './insight-query.ts';
import type { Workload } from './insight-schemas.ts';
import { integersOf, minutesOf, namesOf, ticketFilters } from './ticket-sql.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;
const average = (sum: number, count: number): number | null => (count > 0 ? Math.round((sum / count) * 100) / 100 : null);

/** Tickets resolved in the range per agent: one index seek per agent, counted in index order (no sort). */
async function resolvedByAgent(services: Services, range: InsightRange, agentIds: readonly string[]): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const filters = ticketFilters(range);
  const result = await services.database.client.execute({
    sql: `SELECT t.assignee_id, count(*) AS n FROM tickets t INDEXED BY tickets_resolved_by
          WHERE t.assignee_id IN (${agentIds.map(() => '?').join(', ')}) AND t.resolved_at >= ? AND t.resolved_at < ?${filters.sql}
          GROUP BY 1`,
    args: [...agentIds, range.from, range.to, ...filters.args],
  });
  return new Map(result.rows.map((row) => [String(row.assignee_id), Number(row.n)]));
}

/** Ratings of the tickets resolved in the range, per queue: how many of each (index 1–5), from queue code × 6 + rating. */
async function ratingsByQueue(services: Services, range: InsightRange): Promise<Map<string, number[]>> {
  const { client } = services.database;
  const filters = ticketFilters(range);
  const queues = await namesOf(client, 'queue');
  const row = (
    await client.execute({
      sql: `SELECT group_concat((SELECT code FROM insight_names WHERE kind = 'queue' AND name = t.queue) * 6 + t.rating) AS codes
            FROM tickets t INDEXED BY tickets_rated
            WHERE t.rating IS NOT NULL AND t.rating BETWEEN 1 AND 5 AND t.resolved_at >= ? AND t.resolved_at < ?${filters.sql}`,
      args: [range.from, range.to, ...filters.args],
    })
  ).rows[0];
  const ratings = new Map<string, number[]>();
  const codes = integersOf(row?.codes);
  for (let i = 0; i < codes.length; i++) {
    const rating = codes[i]! % 6;
    const name = queues[(codes[i]! - rating) / 6]!;
    const counts = ratings.get(name) ?? [0, 0, 0, 0, 0, 0];
    counts[rating]!++;
    ratings.set(name, counts);
  }
  return ratings;
}

export async function workloadInsight(services: Services, range: InsightRange): Promise<Workload> {
  const { client } = services.database;
  const filters = ticketFilters(range);
  // Open tickets are few next to the history: a partial index holds them, in queue order.
  const backlog = await client.execute({
    sql: `SELECT t.queue, count(*) AS open, sum(t.first_response_at IS NULL AND t.first_response_due_at < ?) AS overdue, min(t.created_at) AS oldest
          FROM tickets t INDEXED BY tickets_open_work WHERE t.status = 'open'${filters.sql} GROUP BY 1 ORDER BY 1`,
    args: [range.now, ...filters.args],
  });
  const held = await client.execute({
    sql: `SELECT t.assignee_id, count(*) AS open FROM tickets t INDEXED BY tickets_open_work WHERE t.status = 'open' AND t.assignee_id IS NOT NULL${filters.sql} GROUP BY 1`,
    args: filters.args,
  });
  const agents = (await client.execute('SELECT id, name, capacity, queues FROM agents ORDER BY id')).rows.map((row) => ({
    agentId: String(row.id),
    name: String(row.name),
    capacity: Number(row.capacity),
    queues: JSON.parse(String(row.queues)) as string[],
  }));
  // Tickets are only ever assigned to agents, and agents are never deleted: the agent list covers every assignee.
  const resolved = await resolvedByAgent(services, range, agents.map((agent) => agent.agentId));
  const ratings = await ratingsByQueue(services, range);
  const open = new Map(held.rows.map((row) => [String(row.assignee_id), Number(row.open)]));
  // With a queue filter: the agents who serve the queue, or hold or resolved tickets in it.
  const listed = agents.filter((agent) => range.queue === undefined || agent.queues.includes(range.queue) || open.has(agent.agentId) || resolved.has(agent.agentId));

  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let count = 0;
  let sum = 0;
  const byQueue = [...ratings].sort(([a], [b]) => (a < b ? -1 : 1)).map(([queue, counts]) => {
    let queueCount = 0;
    let queueSum = 0;
    for (const rating of RATINGS) {
      distribution[rating] += counts[rating]!;
      queueCount += counts[rating]!;
      queueSum += rating * counts[rating]!;
    }
    count += queueCount;
    sum += queueSum;
    return { queue, count: queueCount, average: average(queueSum, queueCount) };
  });
  return {
    backlog: backlog.rows.map((row) => ({ queue: String(row.queue), open: Number(row.open), overdue: Number(row.overdue ?? 0), oldestMinutes: minutesOf(range.now - Number(row.oldest)) })),
    agents: listed.map((agent) => ({ agentId: agent.agentId, name: agent.name, open: open.get(agent.agentId) ?? 0, capacity: agent.capacity, resolvedInRange: resolved.get(agent.agentId) ?? 0 })),
    satisfaction: { count, average: average(sum, count), distribution, byQueue },
  };
}
