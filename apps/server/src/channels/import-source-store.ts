// Saved import sources (`import_sources`): one mapping per listening tool, read back through its schema.
import { asc, eq } from 'drizzle-orm';
import type { Services } from '../services.ts';
import { importSources } from '../db/schema-channels.ts';
import { ImportSourceSchema, type ImportSource } from './import-mapping.ts';
import { audited, type Audit } from '../domain/event-log.ts';

export interface StoredImportSource extends ImportSource {
  readonly name: string;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

/** Source names: short, readable in a URL and on a command line. */
export const SOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/;

export class ImportSourceStore {
  constructor(private readonly services: Services) {}

  async get(name: string): Promise<StoredImportSource | undefined> {
    const [row] = await this.services.database.db.select().from(importSources).where(eq(importSources.name, name));
    return row ? toStored(row) : undefined;
  }

  async list(): Promise<StoredImportSource[]> {
    const rows = await this.services.database.db.select().from(importSources).orderBy(asc(importSources.name));
    return rows.map(toStored);
  }

  async save(name: string, source: ImportSource, actor?: string, audit?: Audit<{ created: boolean }>): Promise<{ source: StoredImportSource; created: boolean }> {
    const at = this.services.clock.now();
    const config = source as unknown as Record<string, unknown>;
    const { created } = await audited(this.services.database.db, audit, async (tx) => {
      const [existing] = await tx.select({ name: importSources.name }).from(importSources).where(eq(importSources.name, name));
      await tx
        .insert(importSources)
        .values({ name, config, createdAt: at, updatedAt: at, updatedBy: actor ?? null })
        .onConflictDoUpdate({ target: importSources.name, set: { config, updatedAt: at, updatedBy: actor ?? null } });
      return { created: existing === undefined };
    });
    return { source: { ...source, name, updatedAt: new Date(at).toISOString(), updatedBy: actor ?? null }, created };
  }
}

function toStored(row: typeof importSources.$inferSelect): StoredImportSource {
  return { ...ImportSourceSchema.parse(row.config), name: row.name, updatedAt: new Date(row.updatedAt).toISOString(), updatedBy: row.updatedBy };
}
