// The published rules in force: one RuleEngine over every workflow's published version, rebuilt when a version
// is published or rolled back or settings change (here, or in another process on the same database).
import { count, max } from 'drizzle-orm';
import { RuleEngine } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { settings, workflowVersions } from '../db/schema.ts';
import type { SettingsStore } from './settings-store.ts';
import type { WorkflowStore } from './workflow-store.ts';
import type { VolumeTracker } from '../ingest/volume-tracker.ts';
import type { Clock } from '../clock.ts';

export interface PublishedRules {
  readonly engine: RuleEngine;
  /** Which published version of each workflow the engine runs: recorded on every decision. */
  readonly versions: Readonly<Record<string, number>>;
}

export class Rulebook {
  private current: Promise<PublishedRules> | undefined;
  private stamp = '';

  constructor(
    private readonly db: Db,
    private readonly workflows: WorkflowStore,
    private readonly settings: SettingsStore,
    private readonly volumes: VolumeTracker,
    private readonly clock: Clock,
  ) {}

  rules(): Promise<PublishedRules> {
    this.current ??= this.load();
    return this.current;
  }

  invalidate(): void {
    this.current = undefined;
    this.settings.invalidate();
  }

  /** Reload when another process published or changed settings. Cheap: one aggregate query. */
  async refreshIfStale(): Promise<void> {
    const stamp = await this.readStamp();
    if (stamp !== this.stamp) this.invalidate();
  }

  private async load(): Promise<PublishedRules> {
    this.stamp = await this.readStamp();
    const compiled = await this.workflows.publishedRules();
    const engine = new RuleEngine({ workflows: compiled, settings: await this.settings.get() });
    await this.volumes.track(engine.volumeQueries(), this.db, this.clock.now());
    const versions: Record<string, number> = {};
    for (const workflow of compiled) if (workflow.version !== undefined) versions[workflow.workflowId] = workflow.version;
    return { engine, versions };
  }

  private async readStamp(): Promise<string> {
    const [versions] = await this.db.select({ total: count(), latest: max(workflowVersions.publishedAt) }).from(workflowVersions);
    const [settingsRow] = await this.db.select({ updatedAt: settings.updatedAt }).from(settings);
    return `${versions?.total}:${versions?.latest}:${settingsRow?.updatedAt ?? 0}`;
  }
}
