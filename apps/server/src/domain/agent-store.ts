// The agents who answer tickets: tier (what they may approve), skills, languages, the queues they serve, how many
// open tickets they can hold at once, and their rating. Their load is counted from the tickets they hold.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { AgentTier } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { agents, tickets } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { audited, type Audit } from './event-log.ts';

export type AgentRow = typeof agents.$inferSelect;

export interface AgentInput {
  id: string;
  name: string;
  tier: AgentTier;
  skills: string[];
  languages: string[];
  queues: string[];
  capacity: number;
  rating: number;
  active: boolean;
}

export type AgentChanges = Partial<Omit<AgentInput, 'id'>>;

/** An agent with how many open tickets they hold now. */
export interface Agent extends Omit<AgentRow, 'createdAt' | 'tier'> {
  tier: AgentTier;
  createdAt: string;
  load: number;
}

const unique = (values: readonly string[]) => [...new Set(values)];

/** Language codes compare by their primary subtag, lower-case ("fr-CA" speaks "fr"). */
export const primaryLanguage = (code: string): string => code.toLowerCase().split('-')[0]!;

export class AgentStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(filter: { active?: boolean | undefined; queue?: string | undefined } = {}): Promise<Agent[]> {
    const rows = await this.db
      .select()
      .from(agents)
      .where(filter.active === undefined ? undefined : eq(agents.active, filter.active))
      .orderBy(asc(agents.id));
    const chosen = filter.queue ? rows.filter((row) => row.queues.includes(filter.queue!)) : rows;
    const loads = await this.loads(chosen.map((row) => row.id));
    return chosen.map((row) => this.view(row, loads.get(row.id) ?? 0));
  }

  async find(id: string): Promise<AgentRow | undefined> {
    const [row] = await this.db.select().from(agents).where(eq(agents.id, id));
    return row;
  }

  /** The agent, or 404 naming the id. */
  async require(id: string): Promise<AgentRow> {
    const row = await this.find(id);
    if (!row) throw notFound(`agent “${id}”`);
    return row;
  }

  /** The agent, who must be active to take or answer tickets (409 otherwise). */
  async requireActive(id: string): Promise<AgentRow> {
    const row = await this.require(id);
    if (!row.active) throw new ApiError(409, 'conflict', `agent “${id}” is inactive`, { agentId: id, active: false });
    return row;
  }

  async get(id: string): Promise<Agent> {
    const row = await this.require(id);
    return this.view(row, (await this.loads([id])).get(id) ?? 0);
  }

  async create(input: AgentInput, audit?: Audit<Agent>): Promise<Agent> {
    return audited(this.db, audit, async (tx) => {
      const [row] = await tx
        .insert(agents)
        .values({ ...this.normalize(input), createdAt: this.clock.now() })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new ApiError(409, 'conflict', `an agent with the id “${input.id}” already exists`, { agentId: input.id });
      return this.view(row, 0);
    });
  }

  async update(id: string, changes: AgentChanges, audit?: Audit<Agent>): Promise<Agent> {
    return audited(this.db, audit, async (tx) => {
      const [row] = await tx.update(agents).set(this.normalize(changes)).where(eq(agents.id, id)).returning();
      if (!row) throw notFound(`agent “${id}”`);
      return this.view(row, (await this.loads([id], tx)).get(id) ?? 0);
    });
  }

  /** Open tickets held by each agent. */
  async loads(ids?: readonly string[], db: Db = this.db): Promise<Map<string, number>> {
    if (ids && ids.length === 0) return new Map();
    const rows = await db
      .select({ agentId: tickets.assigneeId, open: count() })
      .from(tickets)
      .where(and(eq(tickets.status, 'open'), ids ? inArray(tickets.assigneeId, [...ids]) : undefined))
      .groupBy(tickets.assigneeId);
    return new Map(rows.filter((row) => row.agentId !== null).map((row) => [row.agentId!, row.open]));
  }

  private normalize<T extends AgentChanges>(input: T): T {
    return {
      ...input,
      ...(input.skills ? { skills: unique(input.skills) } : {}),
      ...(input.queues ? { queues: unique(input.queues) } : {}),
      ...(input.languages ? { languages: unique(input.languages.map((code) => code.toLowerCase())) } : {}),
    };
  }

  private view(row: AgentRow, load: number): Agent {
    return { ...row, tier: row.tier as AgentTier, createdAt: new Date(row.createdAt).toISOString(), load };
  }
}
