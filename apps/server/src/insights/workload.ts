// Work waiting and done: the open backlog per queue now (whatever the range), each agent's open tickets now and
// tickets resolved in the range, and customer satisfaction with the tickets resolved in the range.
import type { Services } from '../services.ts';
import type { InsightRange } from './insight-query.ts';
import type { Workload } from './insight-schemas.ts';
import { codeSql, integersOf, withValues, type TicketLists } from './codes.ts';
import { minutesOf, ticketFilters } from './response-times.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;
const average = (sum: number, count: number): number | null => (count > 0 ? Math.round((sum / count) * 100) / 100 : null);

interface Resolved {
  /** Resolved in the range, per agent id. */
  readonly byAgent: Map<string, number>;
  /** Ratings of tickets resolved in the range, per queue: how many of each (index 1–5). */
  readonly ratings: Map<string, number[]>;
}

/** One pass over the tickets resolved in the range: each one's agent, queue and rating as a code. */
async function resolvedTickets(services: Services, range: InsightRange, agents: readonly string[], queues: readonly string[]): Promise<{ result: Resolved; stale: boolean[] }> {
  const filters = ticketFilters(range);
  const agent = codeSql('t.assignee_id', agents);
  const queue = codeSql('t.queue', queues);
  const perAgent = queues.length * 6;
  // code = (agent + 1) × queues × 6 + queue × 6 + rating, where agent -1 is nobody (-2: not in the list) and rating 0
  // is none.
  const row = (
    await services.database.client.execute({
      sql: `SELECT group_concat((agent + 1) * ${perAgent} + queue * 6 + rating) AS codes, max(queue = -1) AS unknown_queue, max(agent = -2) AS unknown_agent
            FROM (SELECT CASE WHEN t.assignee_id IS NULL THEN -1 ELSE (${agent.sql} - (${agent.sql} = -1)) END AS agent, ${queue.sql} AS queue,
                         CASE WHEN t.rating BETWEEN 1 AND 5 THEN t.rating ELSE 0 END AS rating
                  -- The covering index by resolution (SQLite would otherwise take tickets_resolved_at and read each row).
                  FROM tickets t INDEXED BY tickets_resolved_work
                  WHERE t.resolved_at >= ? AND t.resolved_at < ?${filters.sql})`,
      args: [...agent.args, ...agent.args, ...queue.args, range.from, range.to, ...filters.args],
    })
  ).rows[0]!;
  const byAgent = new Map<string, number>();
  const ratings = new Map<string, number[]>();
  const stale = [row.unknown_agent === 1, row.unknown_queue === 1];
  if (stale.some(Boolean)) return { result: { byAgent, ratings }, stale };
  for (const code of integersOf(row.codes)) {
    const rating = code % 6;
    const queueIndex = ((code - rating) / 6) % queues.length;
    const agentIndex = (code - rating - queueIndex * 6) / perAgent - 1;
    if (agentIndex >= 0) byAgent.set(agents[agentIndex]!, (byAgent.get(agents[agentIndex]!) ?? 0) + 1);
    if (rating === 0) continue;
    const name = queues[queueIndex]!;
    const counts = ratings.get(name) ?? [0, 0, 0, 0, 0, 0];
    counts[rating]!++;
    ratings.set(name, counts);
  }
  return { result: { byAgent, ratings }, stale };
}

export async function workloadInsight(services: Services, range: InsightRange, lists: TicketLists): Promise<Workload> {
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
  const agents = await client.execute('SELECT id, name, capacity, queues FROM agents ORDER BY id');
  const resolved = await withValues(client, [lists.assignees, lists.queues], ([assignees, queues]) => resolvedTickets(services, range, assignees!, queues!));

  const open = new Map(held.rows.map((row) => [String(row.assignee_id), Number(row.open)]));
  // Every agent; with a queue filter, those who serve the queue or hold or resolved tickets in it. Assignees no longer
  // in the agent list still show, under their id.
  const listed = agents.rows
    .map((row) => ({ agentId: String(row.id), name: String(row.name), capacity: Number(row.capacity), queues: JSON.parse(String(row.queues)) as string[] }))
    .filter((agent) => range.queue === undefined || agent.queues.includes(range.queue) || open.has(agent.agentId) || resolved.byAgent.has(agent.agentId));
  const known = new Set(agents.rows.map((row) => String(row.id)));
  const unknown = [...new Set([...open.keys(), ...resolved.byAgent.keys()])].filter((id) => !known.has(id)).sort();

  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let count = 0;
  let sum = 0;
  const byQueue = [...resolved.ratings].sort(([a], [b]) => (a < b ? -1 : 1)).map(([queue, counts]) => {
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
    agents: [
      ...listed.map((agent) => ({ agentId: agent.agentId, name: agent.name, open: open.get(agent.agentId) ?? 0, capacity: agent.capacity, resolvedInRange: resolved.byAgent.get(agent.agentId) ?? 0 })),
      ...unknown.map((agentId) => ({ agentId, name: agentId, open: open.get(agentId) ?? 0, capacity: 0, resolvedInRange: resolved.byAgent.get(agentId) ?? 0 })),
    ],
    satisfaction: { count, average: average(sum, count), distribution, byQueue },
  };
}
