// Approvals: a request the empowerment rules did not allow waits here for an agent of the required tier (or
// higher) to grant or deny it. Deciding is one conditional UPDATE (still pending), so it happens once. Requests and
// decisions commit with their audit entries.
import { and, asc, eq } from 'drizzle-orm';
import { agentTierRank } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { approvals } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import type { AgentRow } from './agent-store.ts';
import { audited, type Audit } from './event-log.ts';

export const APPROVAL_STATUSES = ['pending', 'granted', 'denied'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export type ApprovalRow = typeof approvals.$inferSelect;

export function approvalView(row: ApprovalRow) {
  return {
    ...row,
    status: row.status as ApprovalStatus,
    createdAt: new Date(row.createdAt).toISOString(),
    decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt).toISOString(),
  };
}
export type Approval = ReturnType<typeof approvalView>;

export interface ApprovalRequest {
  kind: string;
  subject: Record<string, unknown>;
  requiredRole: string;
  reason: string;
  requestedBy: string | null;
}

export class ApprovalStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(request: ApprovalRequest, audit?: Audit<Approval>): Promise<Approval> {
    return audited(this.db, audit, async (tx) => {
      const [row] = await tx
        .insert(approvals)
        .values({ ...request, status: 'pending', createdAt: this.clock.now() })
        .returning();
      return approvalView(row!);
    });
  }

  async list(filter: { status?: ApprovalStatus | undefined; limit: number }): Promise<Approval[]> {
    const rows = await this.db
      .select()
      .from(approvals)
      .where(filter.status ? eq(approvals.status, filter.status) : undefined)
      .orderBy(asc(approvals.id))
      .limit(filter.limit);
    return rows.map(approvalView);
  }

  async get(id: number, db: Db = this.db): Promise<Approval> {
    const [row] = await db.select().from(approvals).where(eq(approvals.id, id));
    if (!row) throw notFound(`approval ${id}`);
    return approvalView(row);
  }

  /** Grant or deny (a pending approval only); the deciding agent's tier must rank at least the required role (403 otherwise). */
  async decide(id: number, decision: 'granted' | 'denied', agent: AgentRow, audit?: Audit<Approval>): Promise<Approval> {
    return audited(this.db, audit, async (tx) => {
      const current = await this.get(id, tx);
      if (agentTierRank(agent.tier) < agentTierRank(current.requiredRole)) {
        throw new ApiError(403, 'forbidden', `approval ${id} needs a ${current.requiredRole} or higher; agent “${agent.id}” is a ${agent.tier}`, {
          approvalId: id,
          requiredRole: current.requiredRole,
          agentId: agent.id,
          agentTier: agent.tier,
        });
      }
      const [row] = await tx
        .update(approvals)
        .set({ status: decision, decidedBy: agent.id, decidedAt: this.clock.now() })
        .where(and(eq(approvals.id, id), eq(approvals.status, 'pending')))
        .returning();
      if (row) return approvalView(row);
      throw new ApiError(409, 'conflict', `approval ${id} was already ${current.status} by “${current.decidedBy}”`, { approvalId: id, status: current.status, decidedBy: current.decidedBy });
    });
  }
}
