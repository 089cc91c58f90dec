// Rule packs installed in the workspace: preview, import (all or nothing), upgrade that keeps the team's edits,
// parameters set at import and changed later, and export.
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import {
  RuleEngine,
  compilePack,
  compileWorkflow,
  diffWorkflows,
  resolvePackParameters,
  type CompiledWorkflow,
  type Decision,
  type Graph,
  type Mention,
  type Pack,
  type PackProblem,
  type WorkflowDiff,
} from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { decisions, mentions, packs, workflowVersions, workflows } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import type { SettingsStore } from './settings-store.ts';
import type { WorkflowStore } from './workflow-store.ts';
import { compareVersions } from './semver.ts';
import { audited, type Audit, type Changed } from './event-log.ts';

export type PackStatus = 'new' | 'same' | 'upgrade';
export type WorkflowPlan = 'add' | 'replace' | 'unchanged' | 'keep_local';

export interface PackPreview {
  pack: { id: string; name: string; version: string; installedVersion: string | null; status: PackStatus };
  parameters: Record<string, unknown>;
  workflows: { id: string; name: string; plan: WorkflowPlan; diff?: WorkflowDiff }[];
  /** Workflows an earlier version of the pack had and this one does not: left in place. */
  retired: string[];
  effect: { mentions: number; changed: number; examples: { mentionId: string; before: Pick<Decision, 'queue' | 'priority'>; after: Pick<Decision, 'queue' | 'priority'> }[] };
}

export interface InstalledPack {
  id: string;
  name: string;
  version: string;
  description: string;
  parameters: Record<string, unknown>;
  definitions: Pack['parameters'];
  workflows: string[];
  installedAt: string;
  updatedAt: string;
}

const RECENT_FOR_EFFECT = 200;

function invalidPack(problems: readonly PackProblem[]): ApiError {
  return new ApiError(422, 'validation_failed', `the pack has ${problems.length} problem(s); nothing was imported`, { problems });
}

export class PackStore {
  constructor(
    private readonly db: Db,
    private readonly workflowStore: WorkflowStore,
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<InstalledPack[]> {
    const rows = await this.db.select().from(packs).orderBy(packs.id);
    const owned = await this.db.select({ id: workflows.id, packId: workflows.packId }).from(workflows);
    return rows.map((row) => this.installed(row, owned.filter((entry) => entry.packId === row.id).map((entry) => entry.id)));
  }

  async get(id: string, db: Db = this.db): Promise<InstalledPack> {
    const [row] = await db.select().from(packs).where(eq(packs.id, id));
    if (!row) throw notFound(`pack “${id}”`);
    const owned = await db.select({ id: workflows.id }).from(workflows).where(eq(workflows.packId, id));
    return this.installed(row, owned.map((entry) => entry.id));
  }

  /** What importing would do, without writing anything. */
  async preview(input: unknown, overrides: Record<string, unknown> = {}): Promise<PackPreview> {
    return (await this.plan(input, overrides)).preview;
  }

  /** Import or upgrade in one transaction (with `audit`); the same id and version again changes nothing. */
  async import(input: unknown, overrides: Record<string, unknown> = {}, actor?: string, audit?: Audit<PackPreview>): Promise<PackPreview> {
    const { preview, pack, parameters } = await this.plan(input, overrides);
    if (preview.pack.status === 'same' && Object.keys(overrides).length === 0) return preview;
    const compiled = pack.workflows.map((workflow) => {
      const result = compileWorkflow(workflow, { parameters });
      if (!result.ok) throw invalidPack(result.problems.map((found) => ({ path: `workflows.${workflow.id}`, message: found.message, code: found.code })));
      return result.workflow;
    });
    const now = this.clock.now();
    return audited(this.db, audit, async (tx) => {
      const statements: any[] = [
        tx
          .insert(packs)
          .values({ id: pack.id, version: pack.version, name: pack.name, manifest: pack as never, parameters, installedAt: now, updatedAt: now })
          .onConflictDoUpdate({ target: packs.id, set: { version: pack.version, name: pack.name, manifest: pack as never, parameters, updatedAt: now } }),
      ];
      const latest = await this.latestVersions(pack.workflows.map((workflow) => workflow.id), tx);
      pack.workflows.forEach((workflow, index) => {
        const plan = preview.workflows.find((entry) => entry.id === workflow.id)!.plan;
        const version = (latest.get(workflow.id) ?? 0) + 1;
        const versionRow = {
          workflowId: workflow.id,
          version,
          name: workflow.name,
          kind: workflow.kind,
          description: workflow.description,
          graph: workflow.graph as never,
          parameters,
          rules: { ...compiled[index]!, version } as never,
          note: `${plan === 'add' ? 'Imported' : 'Upgraded to'} pack ${pack.id} ${pack.version}`,
          publishedAt: now,
          publishedBy: actor ?? null,
        };
        if (plan === 'add') {
          statements.push(
            tx.insert(workflows).values({
              id: workflow.id,
              name: workflow.name,
              kind: workflow.kind,
              description: workflow.description,
              graph: workflow.graph as never,
              draftVersion: 1,
              publishedVersion: version,
              packId: pack.id,
              packVersion: pack.version,
              createdAt: now,
              updatedAt: now,
              updatedBy: actor ?? null,
            }),
            tx.insert(workflowVersions).values(versionRow),
          );
        } else if (plan === 'replace' || (plan === 'unchanged' && Object.keys(overrides).length > 0)) {
          statements.push(
            tx.insert(workflowVersions).values(versionRow),
            tx
              .update(workflows)
              .set({ name: workflow.name, description: workflow.description, graph: workflow.graph as never, publishedVersion: version, packVersion: pack.version, updatedAt: now, updatedBy: actor ?? null })
              .where(eq(workflows.id, workflow.id)),
          );
        } else {
          // keep_local (the team's edits stay theirs) or unchanged: only the pack version they follow moves.
          statements.push(tx.update(workflows).set({ packVersion: pack.version }).where(eq(workflows.id, workflow.id)));
        }
      });
      await tx.batch(statements as [any, ...any[]]);
      return preview;
    });
  }

  /** Change a pack's parameters; every workflow of the pack is republished with the new values (one transaction). */
  async setParameters(id: string, overrides: Record<string, unknown>, actor?: string, audit?: Audit<Changed<InstalledPack>>): Promise<InstalledPack> {
    const { after } = await audited(this.db, audit, async (tx) => {
      const before = await this.get(id, tx);
      const [row] = await tx.select().from(packs).where(eq(packs.id, id));
      const manifest = row!.manifest as unknown as Pack;
      const problems: PackProblem[] = [];
      const parameters = resolvePackParameters(manifest, { ...row!.parameters, ...overrides }, problems);
      if (problems.length > 0) throw invalidPack(problems);
      const owned = await tx.select().from(workflows).where(eq(workflows.packId, id));
      const latest = await this.latestVersions(owned.map((workflow) => workflow.id), tx);
      const now = this.clock.now();
      const statements: any[] = [tx.update(packs).set({ parameters, updatedAt: now }).where(eq(packs.id, id))];
      for (const workflow of owned) {
        const [published] = workflow.publishedVersion
          ? await tx.select().from(workflowVersions).where(and(eq(workflowVersions.workflowId, workflow.id), eq(workflowVersions.version, workflow.publishedVersion)))
          : [];
        const graph = (published?.graph ?? workflow.graph) as Graph;
        const compiled = compileWorkflow({ id: workflow.id, name: workflow.name, kind: workflow.kind, description: workflow.description, graph }, { parameters });
        if (!compiled.ok) throw invalidPack(compiled.problems.map((found) => ({ path: `workflows.${workflow.id}`, message: found.message, code: found.code })));
        const version = (latest.get(workflow.id) ?? 0) + 1;
        statements.push(
          tx.insert(workflowVersions).values({
            workflowId: workflow.id,
            version,
            name: workflow.name,
            kind: workflow.kind,
            description: workflow.description,
            graph: graph as never,
            parameters,
            rules: { ...compiled.workflow, version } as never,
            note: `Parameters of pack ${id} changed`,
            publishedAt: now,
            publishedBy: actor ?? null,
          }),
          tx.update(workflows).set({ publishedVersion: version }).where(eq(workflows.id, workflow.id)),
        );
      }
      await tx.batch(statements as [any, ...any[]]);
      return { before, after: await this.get(id, tx) };
    });
    return after;
  }

  /** The pack as a file: its manifest with the workflows as they are published here and the current parameter values as defaults. */
  async export(id: string): Promise<Pack> {
    const [row] = await this.db.select().from(packs).where(eq(packs.id, id));
    if (!row) throw notFound(`pack “${id}”`);
    const manifest = row.manifest as unknown as Pack;
    const parameters = Object.fromEntries(Object.entries(manifest.parameters).map(([name, definition]) => [name, { ...definition, default: row.parameters[name] ?? definition.default }]));
    const current = await this.db.select().from(workflows).where(eq(workflows.packId, id));
    const published = new Map<string, Graph>();
    for (const workflow of current) {
      if (!workflow.publishedVersion) continue;
      const [version] = await this.db.select({ graph: workflowVersions.graph }).from(workflowVersions).where(and(eq(workflowVersions.workflowId, workflow.id), eq(workflowVersions.version, workflow.publishedVersion)));
      if (version) published.set(workflow.id, version.graph as Graph);
    }
    return {
      ...manifest,
      parameters: parameters as Pack['parameters'],
      workflows: manifest.workflows.map((workflow) => ({ ...workflow, graph: published.get(workflow.id) ?? workflow.graph })),
    };
  }

  private async plan(input: unknown, overrides: Record<string, unknown>): Promise<{ preview: PackPreview; pack: Pack; parameters: Record<string, unknown> }> {
    const compiled = compilePack(input, overrides);
    if (!compiled.ok) throw invalidPack(compiled.problems);
    const { pack, parameters } = compiled;
    const [installed] = await this.db.select().from(packs).where(eq(packs.id, pack.id));
    let status: PackStatus = 'new';
    if (installed) {
      const order = compareVersions(pack.version, installed.version);
      if (order < 0) throw new ApiError(409, 'conflict', `pack “${pack.id}” ${installed.version} is installed; ${pack.version} is older`);
      status = order === 0 ? 'same' : 'upgrade';
    }
    const ids = pack.workflows.map((workflow) => workflow.id);
    const existing = new Map((await this.db.select().from(workflows).where(inArray(workflows.id, ids))).map((row) => [row.id, row]));
    const clashes = [...existing.values()].filter((row) => row.packId !== pack.id);
    if (clashes.length > 0) {
      throw new ApiError(409, 'conflict', `workflow id(s) ${clashes.map((row) => `“${row.id}”`).join(', ')} already exist outside this pack; nothing was imported`, {
        workflows: clashes.map((row) => row.id),
      });
    }
    const plans = pack.workflows.map((workflow) => {
      const row = existing.get(workflow.id);
      if (!row) return { id: workflow.id, name: workflow.name, plan: 'add' as const };
      const diff = diffWorkflows({ name: row.name, description: row.description, graph: row.graph as Graph }, workflow);
      if (row.locallyModified) return { id: workflow.id, name: workflow.name, plan: 'keep_local' as const, diff };
      return { id: workflow.id, name: workflow.name, plan: diff.identical ? ('unchanged' as const) : ('replace' as const), diff };
    });
    const previous = installed ? ((installed.manifest as unknown as Pack).workflows ?? []).map((workflow) => workflow.id) : [];
    const preview: PackPreview = {
      pack: { id: pack.id, name: pack.name, version: pack.version, installedVersion: installed?.version ?? null, status },
      parameters,
      workflows: plans,
      retired: previous.filter((id) => !ids.includes(id)),
      effect: await this.effect(compiled.workflows, plans),
    };
    return { preview, pack, parameters };
  }

  /** Replays recent stored mentions through the published rules with and without the pack's workflows. */
  private async effect(packWorkflows: CompiledWorkflow[], plans: PackPreview['workflows']): Promise<PackPreview['effect']> {
    const current = await this.workflowStore.publishedRules();
    const replaced = new Set(plans.filter((plan) => plan.plan !== 'keep_local').map((plan) => plan.id));
    const next = [...current.filter((workflow) => !replaced.has(workflow.workflowId)), ...packWorkflows.filter((workflow) => replaced.has(workflow.workflowId))];
    const settings = await this.settings.get();
    const before = new RuleEngine({ workflows: current, settings });
    const after = new RuleEngine({ workflows: next, settings });
    const recent = await this.db
      .select({ payload: mentions.payload, context: decisions.context })
      .from(mentions)
      .innerJoin(decisions, and(eq(decisions.channel, mentions.channel), eq(decisions.mentionId, mentions.id), eq(decisions.stage, 'ingest')))
      .orderBy(desc(mentions.seq))
      .limit(RECENT_FOR_EFFECT);
    const examples: PackPreview['effect']['examples'] = [];
    let changed = 0;
    for (const row of recent) {
      const mention = row.payload as unknown as Mention;
      const context = row.context as { now?: string; volumes?: Record<string, number>; openIncidents?: string[] };
      const was = before.decide({ mention, ...context });
      const will = after.decide({ mention, ...context });
      if (was.queue !== will.queue || was.priority !== will.priority || JSON.stringify(was.actions) !== JSON.stringify(will.actions) || JSON.stringify(was.tags) !== JSON.stringify(will.tags)) {
        changed++;
        if (examples.length < 10) examples.push({ mentionId: mention.id, before: { queue: was.queue, priority: was.priority }, after: { queue: will.queue, priority: will.priority } });
      }
    }
    return { mentions: recent.length, changed, examples };
  }

  private async latestVersions(ids: string[], db: Db): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: workflowVersions.workflowId, version: max(workflowVersions.version) })
      .from(workflowVersions)
      .where(inArray(workflowVersions.workflowId, ids))
      .groupBy(workflowVersions.workflowId);
    return new Map(rows.map((row) => [row.id, row.version ?? 0]));
  }

  private installed(row: typeof packs.$inferSelect, owned: string[]): InstalledPack {
    const manifest = row.manifest as unknown as Pack;
    return {
      id: row.id,
      name: row.name,
      version: row.version,
      description: manifest.description,
      parameters: row.parameters,
      definitions: manifest.parameters,
      workflows: owned,
      installedAt: new Date(row.installedAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }
}
