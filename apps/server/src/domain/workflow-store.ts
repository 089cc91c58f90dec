// Workflows: drafts with optimistic concurrency, immutable numbered versions, diffs and rollbacks.
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import {
  WorkflowSchema,
  compileWorkflow,
  diffWorkflows,
  type CompiledWorkflow,
  type Graph,
  type Problem,
  type Workflow,
  type WorkflowDiff,
} from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { packs, workflowVersions, workflows } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { audited, type Audit, type Changed } from './event-log.ts';

export type WorkflowStatus = 'draft' | 'published' | 'draft_ahead';

export interface WorkflowSummary {
  id: string;
  name: string;
  kind: Workflow['kind'];
  description: string;
  version: number;
  status: WorkflowStatus;
  publishedVersion: number | null;
  publishedAt: string | null;
  publishedBy: string | null;
  packId: string | null;
  packVersion: string | null;
  locallyModified: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export interface WorkflowDetail extends WorkflowSummary {
  graph: Graph;
  problems: Problem[];
}

export interface VersionSummary {
  version: number;
  name: string;
  note: string;
  publishedAt: string;
  publishedBy: string | null;
  rolledBackFrom: number | null;
}

/** A publish's outcome: the version published before it (null: none) and the new one. */
export interface Published {
  readonly previous: number | null;
  readonly published: VersionSummary;
}

type WorkflowRow = typeof workflows.$inferSelect;
type VersionRow = typeof workflowVersions.$inferSelect;

const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export class WorkflowStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<WorkflowSummary[]> {
    const rows = await this.db.select().from(workflows).orderBy(workflows.kind, workflows.name);
    const published = await this.db.select().from(workflowVersions);
    const byKey = new Map(published.map((row) => [`${row.workflowId}@${row.version}`, row]));
    return rows.map((row) => this.summarize(row, row.publishedVersion ? byKey.get(`${row.id}@${row.publishedVersion}`) : undefined));
  }

  async get(id: string, db: Db = this.db): Promise<WorkflowDetail> {
    const row = await this.row(id, db);
    const published = row.publishedVersion ? await this.versionRow(id, row.publishedVersion, db) : undefined;
    const compiled = compileWorkflow(this.toWorkflow(row), { parameters: await this.parametersOf(row, db) });
    return { ...this.summarize(row, published), graph: row.graph as Graph, problems: [...compiled.problems] };
  }

  async create(input: Workflow, actor?: string, origin?: { packId: string; packVersion: string }, audit?: Audit<WorkflowDetail>): Promise<WorkflowDetail> {
    const now = this.clock.now();
    return audited(this.db, audit, async (tx) => {
      const inserted = await tx
        .insert(workflows)
        .values({
          id: input.id,
          name: input.name,
          kind: input.kind,
          description: input.description,
          graph: input.graph as never,
          draftVersion: 1,
          packId: origin?.packId ?? null,
          packVersion: origin?.packVersion ?? null,
          createdAt: now,
          updatedAt: now,
          updatedBy: actor ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: workflows.id });
      if (inserted.length === 0) throw new ApiError(409, 'conflict', `a workflow with the id “${input.id}” already exists`);
      return this.get(input.id, tx);
    });
  }

  /** Save a draft. `version` is the draft version the editor loaded; a stale one gets 409 and nothing is overwritten. */
  async saveDraft(
    id: string,
    version: number,
    changes: { name?: string; description?: string; graph: Graph },
    actor?: string,
    audit?: Audit<Changed<WorkflowDetail>>,
  ): Promise<WorkflowDetail> {
    const { after } = await audited(this.db, audit, async (tx) => {
      const before = await this.get(id, tx);
      const current = await this.row(id, tx);
      const next = WorkflowSchema.safeParse({ id, kind: current.kind, name: changes.name ?? current.name, description: changes.description ?? current.description, graph: changes.graph });
      if (!next.success) throw new ApiError(422, 'validation_failed', next.error.issues[0]?.message ?? 'invalid workflow');
      const updated = await tx
        .update(workflows)
        .set({
          name: next.data.name,
          description: next.data.description,
          graph: next.data.graph as never,
          draftVersion: version + 1,
          locallyModified: current.packId !== null ? true : current.locallyModified,
          updatedAt: this.clock.now(),
          updatedBy: actor ?? null,
        })
        .where(and(eq(workflows.id, id), eq(workflows.draftVersion, version)))
        .returning({ id: workflows.id });
      if (updated.length === 0) {
        throw new ApiError(409, 'version_conflict', `someone saved this workflow first (you edited version ${version}, the latest is ${current.draftVersion}); reload to see their changes`, {
          yourVersion: version,
          currentVersion: current.draftVersion,
          updatedBy: current.updatedBy,
          updatedAt: iso(current.updatedAt),
        });
      }
      return { before, after: await this.get(id, tx) };
    });
    return after;
  }

  async validate(id: string): Promise<Problem[]> {
    return (await this.get(id)).problems;
  }

  /**
   * Publish the draft as the next immutable version. Only a draft without problems publishes. `check` sees the
   * compiled draft that is about to publish (the regression cases run on it) and may refuse by throwing.
   */
  async publish(id: string, note: string, actor?: string, expectedVersion?: number, check?: (draft: CompiledWorkflow) => Promise<void>, audit?: Audit<Published>): Promise<VersionSummary> {
    const row = await this.row(id);
    if (expectedVersion !== undefined && expectedVersion !== row.draftVersion) {
      throw new ApiError(409, 'version_conflict', `the draft changed since you loaded it (version ${expectedVersion}, now ${row.draftVersion})`);
    }
    const parameters = await this.parametersOf(row);
    const compiled = compileWorkflow(this.toWorkflow(row), { parameters });
    if (!compiled.ok) {
      throw new ApiError(422, 'not_publishable', `the draft has ${compiled.problems.length} problem(s); fix them before publishing`, { problems: compiled.problems });
    }
    // The check reads the database (the other published rules): it runs before the transaction, which holds it.
    await check?.(compiled.workflow);
    const { published } = await audited(this.db, audit, (tx) => this.insertVersion(tx, row, row.graph as Graph, parameters, note, actor, null));
    return published;
  }

  /** The parameter values a workflow's rules bind: its pack's; none for a workflow not stored or not from a pack. */
  async parametersFor(id: string): Promise<Record<string, unknown>> {
    const [row] = await this.db.select().from(workflows).where(eq(workflows.id, id));
    return row ? this.parametersOf(row) : {};
  }

  /** Publish a copy of an old version as the newest one, and make it the draft again (one transaction). */
  async rollback(id: string, version: number, note: string, actor?: string, audit?: Audit<Published>): Promise<VersionSummary> {
    const { published } = await audited(this.db, audit, async (tx) => {
      const row = await this.row(id, tx);
      const old = await this.versionRow(id, version, tx);
      const outcome = await this.insertVersion(tx, { ...row, name: old.name, description: old.description }, old.graph as Graph, old.parameters, note || `Roll back to version ${version}`, actor, version);
      await tx
        .update(workflows)
        .set({ graph: old.graph, name: old.name, description: old.description, draftVersion: row.draftVersion + 1, updatedAt: this.clock.now(), updatedBy: actor ?? null })
        .where(eq(workflows.id, id));
      return outcome;
    });
    return published;
  }

  async versions(id: string): Promise<VersionSummary[]> {
    await this.row(id);
    const rows = await this.db.select().from(workflowVersions).where(eq(workflowVersions.workflowId, id)).orderBy(desc(workflowVersions.version));
    return rows.map(versionSummary);
  }

  async version(id: string, version: number): Promise<VersionSummary & { graph: Graph; description: string; compiled: CompiledWorkflow }> {
    const row = await this.versionRow(id, version);
    return { ...versionSummary(row), graph: row.graph as Graph, description: row.description, compiled: row.rules as CompiledWorkflow };
  }

  /** Diff two versions; `draft` stands for the current draft. */
  async diff(id: string, from: number | 'draft', to: number | 'draft'): Promise<WorkflowDiff> {
    const side = async (which: number | 'draft') => {
      if (which === 'draft') {
        const row = await this.row(id);
        return { name: row.name, description: row.description, graph: row.graph as Graph };
      }
      const row = await this.versionRow(id, which);
      return { name: row.name, description: row.description, graph: row.graph as Graph };
    };
    return diffWorkflows(await side(from), await side(to));
  }

  /** Every published workflow's compiled rules, for the rule book. */
  async publishedRules(): Promise<CompiledWorkflow[]> {
    const rows = await this.db
      .select({ rules: workflowVersions.rules })
      .from(workflows)
      .innerJoin(workflowVersions, and(eq(workflowVersions.workflowId, workflows.id), eq(workflowVersions.version, workflows.publishedVersion)))
      .orderBy(workflows.id);
    return rows.map((row) => row.rules as CompiledWorkflow);
  }

  /** The compiled rules of exactly these versions (to explain a decision with the rules that made it). */
  async compiledVersions(versions: Readonly<Record<string, number>>): Promise<CompiledWorkflow[]> {
    const wanted = Object.entries(versions);
    if (wanted.length === 0) return [];
    const rows = await this.db
      .select({ workflowId: workflowVersions.workflowId, version: workflowVersions.version, rules: workflowVersions.rules })
      .from(workflowVersions)
      .where(inArray(workflowVersions.workflowId, wanted.map(([id]) => id)));
    return rows
      .filter((row) => versions[row.workflowId] === row.version)
      .sort((a, b) => (a.workflowId < b.workflowId ? -1 : 1))
      .map((row) => row.rules as CompiledWorkflow);
  }

  /** Inserts the next version and points the workflow at it, inside the caller's transaction `tx`. */
  private async insertVersion(tx: Db, row: WorkflowRow, graph: Graph, parameters: Record<string, unknown>, note: string, actor: string | undefined, rolledBackFrom: number | null): Promise<Published> {
    const compiled = compileWorkflow({ id: row.id, name: row.name, kind: row.kind, description: row.description, graph }, { parameters });
    if (!compiled.ok) throw new ApiError(422, 'not_publishable', 'this version no longer compiles', { problems: compiled.problems });
    const [latest] = await tx.select({ value: max(workflowVersions.version) }).from(workflowVersions).where(eq(workflowVersions.workflowId, row.id));
    const [current] = await tx.select({ publishedVersion: workflows.publishedVersion }).from(workflows).where(eq(workflows.id, row.id));
    const version = (latest?.value ?? 0) + 1;
    const publishedAt = this.clock.now();
    const rules: CompiledWorkflow = { ...compiled.workflow, version };
    await tx.insert(workflowVersions).values({
      workflowId: row.id,
      version,
      name: row.name,
      kind: row.kind,
      description: row.description,
      graph: graph as never,
      parameters,
      rules,
      note,
      publishedAt,
      publishedBy: actor ?? null,
      rolledBackFrom,
    });
    await tx.update(workflows).set({ publishedVersion: version }).where(eq(workflows.id, row.id));
    return { previous: current?.publishedVersion ?? null, published: versionSummary(await this.versionRow(row.id, version, tx)) };
  }

  private summarize(row: WorkflowRow, published: VersionRow | undefined): WorkflowSummary {
    const ahead = published ? !diffWorkflows(published as never, { name: row.name, description: row.description, graph: row.graph as Graph }).identical : false;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind as Workflow['kind'],
      description: row.description,
      version: row.draftVersion,
      status: !published ? 'draft' : ahead ? 'draft_ahead' : 'published',
      publishedVersion: row.publishedVersion,
      publishedAt: iso(published?.publishedAt),
      publishedBy: published?.publishedBy ?? null,
      packId: row.packId,
      packVersion: row.packVersion,
      locallyModified: row.locallyModified,
      updatedAt: iso(row.updatedAt)!,
      updatedBy: row.updatedBy,
    };
  }

  private toWorkflow(row: WorkflowRow): unknown {
    return { id: row.id, name: row.name, kind: row.kind, description: row.description, graph: row.graph };
  }

  /** Pack workflows bind the pack's parameter values; others have none. */
  private async parametersOf(row: WorkflowRow, db: Db = this.db): Promise<Record<string, unknown>> {
    if (!row.packId) return {};
    const [pack] = await db.select({ parameters: packs.parameters }).from(packs).where(eq(packs.id, row.packId));
    return pack?.parameters ?? {};
  }

  private async row(id: string, db: Db = this.db): Promise<WorkflowRow> {
    const [row] = await db.select().from(workflows).where(eq(workflows.id, id));
    if (!row) throw notFound(`workflow “${id}”`);
    return row;
  }

  private async versionRow(id: string, version: number, db: Db = this.db): Promise<VersionRow> {
    const [row] = await db.select().from(workflowVersions).where(and(eq(workflowVersions.workflowId, id), eq(workflowVersions.version, version)));
    if (!row) throw notFound(`version ${version} of workflow “${id}”`);
    return row;
  }
}

function versionSummary(row: VersionRow): VersionSummary {
  return {
    version: row.version,
    name: row.name,
    note: row.note,
    publishedAt: iso(row.publishedAt)!,
    publishedBy: row.publishedBy,
    rolledBackFrom: row.rolledBackFrom,
  };
}
