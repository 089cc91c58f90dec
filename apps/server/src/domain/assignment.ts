// Assignment: who takes an unassigned open ticket. The queue's policy is the least loaded active agent who serves
// the ticket's queue, speaks its language (any, when unknown or when no active agent of the queue speaks it),
// has the skills its tags ask for and has room
// (open tickets < capacity); a strongly negative mention goes to the best-rated such agent instead. Ties go to
// the lowest id. Each assignment is a conditional UPDATE (still unassigned, agent still under capacity), so an
// assigner in another process, or an agent claiming at the same moment, never double-assigns a ticket.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import type { Services } from '../services.ts';
import { agents, tickets } from '../db/schema.ts';
import { AgentStore, primaryLanguage } from './agent-store.ts';

/** At or below this sentiment a mention is "strongly negative" and goes to the best-rated agent. */
export const NEGATIVE_SENTIMENT = -0.5;
/** How many waiting tickets one run considers (the most urgent first); the next run takes the rest. */
export const ASSIGN_BATCH = 500;

export interface Candidate {
  readonly id: string;
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly queues: readonly string[];
  readonly capacity: number;
  readonly rating: number;
  load: number;
}

export interface WaitingTicket {
  readonly id: number;
  readonly queue: string;
  readonly priority: string;
  readonly language: string | null;
  readonly sentiment: number | null;
  readonly tags: readonly string[];
}

export type AssignmentRule = 'least_loaded' | 'best_rated';

export interface Assignment {
  ticketId: number;
  agentId: string;
  queue: string;
  priority: string;
  rule: AssignmentRule;
}

/**
 * Skills are named like tags: a ticket needs every one of its tags that some active agent lists as a skill
 * (a ticket tagged `refund`, when someone has the skill `refund`, waits for an agent who has it).
 */
export function requiredSkills(ticket: WaitingTicket, knownSkills: ReadonlySet<string>): string[] {
  return ticket.tags.filter((tag) => knownSkills.has(tag));
}

const speaks = (agent: Candidate, language: string): boolean => agent.languages.some((code) => primaryLanguage(code) === primaryLanguage(language));

/** `language`: the language the agent must speak, or null when any will do. */
export function qualifies(agent: Candidate, ticket: WaitingTicket, skills: readonly string[], language: string | null): boolean {
  if (agent.load >= agent.capacity) return false;
  if (!agent.queues.includes(ticket.queue)) return false;
  if (language && !speaks(agent, language)) return false;
  return skills.every((skill) => agent.skills.includes(skill));
}

/** The agent the policy picks for a ticket, or undefined when nobody qualifies now. */
export function chooseAgent(ticket: WaitingTicket, candidates: readonly Candidate[], knownSkills: ReadonlySet<string>): { agent: Candidate; rule: AssignmentRule } | undefined {
  const skills = requiredSkills(ticket, knownSkills);
  // A language nobody serving the queue speaks (or a misdetected one) would wait forever: then anyone may take it.
  const language = ticket.language && candidates.some((agent) => agent.queues.includes(ticket.queue) && speaks(agent, ticket.language!)) ? ticket.language : null;
  const eligible = candidates.filter((agent) => qualifies(agent, ticket, skills, language));
  const byId = (a: Candidate, b: Candidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (ticket.sentiment !== null && ticket.sentiment <= NEGATIVE_SENTIMENT) {
    const [agent] = eligible.sort((a, b) => b.rating - a.rating || byId(a, b));
    return agent ? { agent, rule: 'best_rated' } : undefined;
  }
  const [agent] = eligible.sort((a, b) => a.load - b.load || byId(a, b));
  return agent ? { agent, rule: 'least_loaded' } : undefined;
}

export class Assigner {
  private readonly agents: AgentStore;

  constructor(private readonly services: Pick<Services, 'database' | 'clock' | 'commits'>) {
    this.agents = new AgentStore(services.database.db, services.clock);
  }

  /** Assign every unassigned open ticket someone can take now; answers the assignments made. */
  async assignAll(): Promise<Assignment[]> {
    const { db } = this.services.database;
    const rows = await db.select().from(agents).where(eq(agents.active, true)).orderBy(asc(agents.id));
    if (rows.length === 0) return [];
    const loads = await this.agents.loads(rows.map((row) => row.id));
    const candidates: Candidate[] = rows.map((row) => ({ ...row, load: loads.get(row.id) ?? 0 }));
    if (!candidates.some((agent) => agent.load < agent.capacity)) return [];
    const waiting = await db
      .select({ id: tickets.id, queue: tickets.queue, priority: tickets.priority, language: tickets.language, sentiment: tickets.sentiment, tags: tickets.tags })
      .from(tickets)
      .where(and(eq(tickets.status, 'open'), isNull(tickets.assigneeId)))
      .orderBy(asc(tickets.priority), asc(sql`COALESCE(${tickets.firstResponseDueAt}, ${Number.MAX_SAFE_INTEGER})`), asc(tickets.id))
      .limit(ASSIGN_BATCH);
    const knownSkills = new Set(candidates.flatMap((agent) => agent.skills));
    const planned: Assignment[] = [];
    for (const ticket of waiting) {
      const chosen = chooseAgent(ticket, candidates, knownSkills);
      if (!chosen) continue;
      chosen.agent.load += 1;
      planned.push({ ticketId: ticket.id, agentId: chosen.agent.id, queue: ticket.queue, priority: ticket.priority, rule: chosen.rule });
    }
    if (planned.length === 0) return [];
    const now = this.services.clock.now();
    const capacity = new Map(candidates.map((agent) => [agent.id, agent.capacity]));
    const statements: InStatement[] = planned.map((assignment) => ({
      sql: `UPDATE tickets SET assignee_id = ?, claimed_at = ?, updated_at = ?
            WHERE id = ? AND status = 'open' AND assignee_id IS NULL
              AND (SELECT count(*) FROM tickets held WHERE held.assignee_id = ? AND held.status = 'open') < ?`,
      args: [assignment.agentId, now, now, assignment.ticketId, assignment.agentId, capacity.get(assignment.agentId)!],
    }));
    const results = await this.services.commits.submit(statements);
    // A ticket claimed meanwhile, or an agent filled by another process, is skipped; the next run looks again.
    return planned.filter((_, index) => results[index]?.rowsAffected === 1);
  }
}

export interface RunningAssigner {
  /** Runs one pass now (waits for a pass already running first). */
  runOnce(): Promise<Assignment[]>;
  /** Stops the timer and waits for a pass in progress, so the database can close. */
  stop(): Promise<void>;
}

/**
 * Assigns new tickets shortly after ingest commits them: a pass every `intervalMs` (unref'ed, so it never keeps
 * the process alive; 0 turns the timer off). Passes never overlap; two processes may both run one safely.
 */
export function startAssigner(services: Pick<Services, 'database' | 'clock' | 'commits' | 'logger'>, options: { intervalMs?: number } = {}): RunningAssigner {
  const assigner = new Assigner(services);
  const intervalMs = options.intervalMs ?? 1000;
  let running: Promise<Assignment[]> | undefined;
  let stopped = false;

  const pass = (): Promise<Assignment[]> => {
    running ??= assigner
      .assignAll()
      .then((made) => {
        if (made.length > 0) services.logger.log('info', 'tickets_assigned', { count: made.length, assignments: made.slice(0, 50) });
        return made;
      })
      .finally(() => (running = undefined));
    return running;
  };

  const timer =
    intervalMs > 0
      ? setInterval(() => {
          if (stopped || running) return;
          pass().catch((error) => services.logger.log('warn', 'assignment_failed', { error: (error as Error).message }));
        }, intervalMs)
      : undefined;
  timer?.unref();

  return {
    async runOnce() {
      if (running) await running.catch(() => undefined);
      return pass();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
