// Workspace settings: brand, time zone, business hours and response targets. One row, validated by the engine's schema.
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { settings as settingsTable } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { audited, type Audit, type Changed } from './event-log.ts';

const ROW = 1;

export class SettingsStore {
  private cached: { value: Settings; updatedAt: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<Settings> {
    return (await this.read()).value;
  }

  async read(): Promise<{ value: Settings; updatedAt: number }> {
    if (this.cached) return this.cached;
    const [row] = await this.db.select().from(settingsTable).where(eq(settingsTable.id, ROW));
    this.cached = row ? { value: SettingsSchema.parse(row.value), updatedAt: row.updatedAt } : { value: DEFAULT_SETTINGS, updatedAt: 0 };
    return this.cached;
  }

  async exists(): Promise<boolean> {
    const [row] = await this.db.select({ id: settingsTable.id }).from(settingsTable).where(eq(settingsTable.id, ROW));
    return Boolean(row);
  }

  /** Replaces the settings; `audit` sees them as stored before (read in the same transaction) and after. */
  async save(value: Settings, actor?: string, audit?: Audit<Changed<Settings>>): Promise<Settings> {
    const updatedAt = this.clock.now();
    await audited(this.db, audit, async (tx) => {
      const [row] = await tx.select().from(settingsTable).where(eq(settingsTable.id, ROW));
      await tx
        .insert(settingsTable)
        .values({ id: ROW, value, updatedAt, updatedBy: actor ?? null })
        .onConflictDoUpdate({ target: settingsTable.id, set: { value, updatedAt, updatedBy: actor ?? null } });
      return { before: row ? SettingsSchema.parse(row.value) : DEFAULT_SETTINGS, after: value };
    });
    this.cached = { value, updatedAt };
    return value;
  }

  /** Forget the cached row (another process may have changed it). */
  invalidate(): void {
    this.cached = undefined;
  }
}
