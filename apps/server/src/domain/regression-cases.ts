// Regression cases: mentions a workflow must keep deciding as expected. They run against the workflow's draft (with
// every other workflow as published) on demand, and before each publish, which they block unless acknowledged.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Replay, RuleEngine, checkExpectation, replaceWorkflows, type CompiledWorkflow, type Decision, type Mention, type PackExpectation } from '@mentionflow/engine';
import { workflows } from '../db/schema.ts';
import { regressionCases } from '../db/schema-simulation.ts';
import type { Clock } from '../clock.ts';
import type { Services } from '../services.ts';
import { ApiError, notFound, type ApiErrorCode } from '../http/api-error.ts';
import { resolveRules, type ComparisonDeps } from './comparison.ts';
import { audited, type Audit } from './event-log.ts';
import type { Db } from '../db/database.ts';

export interface RegressionCase {
  id: string;
  workflowId: string;
  name: string;
  mention: Mention;
  /** The virtual clock: escalation workflows run at this time too, as in a simulation with `now`. */
  now?: string;
  expect: PackExpectation;
  createdAt: string;
  createdBy: string | null;
}

export interface NewRegressionCase {
  readonly name: string;
  readonly mention: Mention;
  readonly now?: string;
  readonly expect: PackExpectation;
}

export interface CaseResult {
  caseId: string;
  name: string;
  passed: boolean;
  failures: string[];
  decision: Decision;
}

export type FailingCase = Pick<CaseResult, 'caseId' | 'name' | 'failures'>;

/** The API error code for a publish the cases refuse (409). */
const REGRESSION_CASES = 'regression_cases' as ApiErrorCode;

type CaseRow = typeof regressionCases.$inferSelect;

function toCase(row: CaseRow): RegressionCase {
  return {
    id: row.id,
    workflowId: row.workflowId,
    name: row.name,
    mention: row.mention as unknown as Mention,
    ...(row.now !== null ? { now: row.now } : {}),
    expect: row.expect as PackExpectation,
    createdAt: new Date(row.createdAt).toISOString(),
    createdBy: row.createdBy,
  };
}

export class RegressionCases {
  constructor(private readonly deps: ComparisonDeps & { readonly clock: Clock }) {}

  async list(workflowId: string): Promise<RegressionCase[]> {
    await this.requireWorkflow(workflowId);
    return (await this.rows(workflowId)).map(toCase);
  }

  async create(workflowId: string, input: NewRegressionCase, actor?: string, audit?: Audit<RegressionCase>): Promise<RegressionCase> {
    return audited(this.deps.db, audit, async (tx) => {
      await this.requireWorkflow(workflowId, tx);
      const [row] = await tx
        .insert(regressionCases)
        .values({
          id: randomUUID(),
          workflowId,
          name: input.name,
          mention: input.mention as unknown as Record<string, unknown>,
          now: input.now ?? null,
          expect: input.expect as Record<string, unknown>,
          createdAt: this.deps.clock.now(),
          createdBy: actor ?? null,
        })
        .returning();
      return toCase(row!);
    });
  }

  async delete(workflowId: string, caseId: string, audit?: Audit<void>): Promise<void> {
    await audited(this.deps.db, audit, async (tx) => {
      const deleted = await tx
        .delete(regressionCases)
        .where(and(eq(regressionCases.workflowId, workflowId), eq(regressionCases.id, caseId)))
        .returning({ id: regressionCases.id });
      if (deleted.length === 0) throw notFound(`regression case “${caseId}” of workflow “${workflowId}”`);
    });
  }

  /** Every case of the workflow against `draft` (default: its stored draft, compiled) and the other published workflows. */
  async run(workflowId: string, draft?: CompiledWorkflow): Promise<CaseResult[]> {
    await this.requireWorkflow(workflowId);
    const cases = (await this.rows(workflowId)).map(toCase);
    if (cases.length === 0) return [];
    let rules: CompiledWorkflow[];
    if (draft) rules = replaceWorkflows((await this.deps.rulebook.rules()).engine.workflows, [draft]);
    else rules = (await resolveRules({ workflowId }, this.deps)).candidate;
    const engine = new RuleEngine({ workflows: rules, settings: await this.deps.settings.get() });
    return cases.map((found) => {
      // Alone, as a pack test runs: a case carries no stream before it.
      const decision = new Replay(engine, found.now !== undefined ? { now: found.now } : {}).step(found.mention).decision;
      const failures = checkExpectation(found.expect, decision);
      return { caseId: found.id, name: found.name, passed: failures.length === 0, failures, decision };
    });
  }

  /**
   * The publish gate: the cases that fail on the draft about to publish. Any failure refuses the publish (409
   * `regression_cases`) unless the publisher acknowledges them; then they are returned, to be logged.
   */
  async gate(workflowId: string, draft: CompiledWorkflow, acknowledge: boolean): Promise<FailingCase[]> {
    const failing = (await this.run(workflowId, draft)).filter((result) => !result.passed).map(({ caseId, name, failures }) => ({ caseId, name, failures }));
    if (failing.length > 0 && !acknowledge) {
      throw new ApiError(
        409,
        REGRESSION_CASES,
        `${failing.length} regression case(s) of “${workflowId}” fail on this draft; nothing was published. Fix the draft, or publish again with acknowledgeCases: true to accept the change`,
        { failing },
      );
    }
    return failing;
  }

  private rows(workflowId: string): Promise<CaseRow[]> {
    // In the order they were saved (the table keeps SQLite's rowid).
    return this.deps.db.select().from(regressionCases).where(eq(regressionCases.workflowId, workflowId)).orderBy(asc(regressionCases.createdAt), sql`rowid`);
  }

  private async requireWorkflow(id: string, db: Db = this.deps.db): Promise<void> {
    const [row] = await db.select({ id: workflows.id }).from(workflows).where(eq(workflows.id, id));
    if (!row) throw notFound(`workflow “${id}”`);
  }
}

const stores = new WeakMap<Services, RegressionCases>();

/** One per server, shared by the cases routes and the publish route. */
export function regressionCasesFor(services: Services): RegressionCases {
  let store = stores.get(services);
  if (!store) {
    const { database, rulebook, settings, workflows: workflowStore, clock } = services;
    store = new RegressionCases({ db: database.db, rulebook, settings, workflows: workflowStore, clock });
    stores.set(services, store);
  }
  return store;
}
