// Opens the database: an embedded libsql file by default, or a libsql server by URL, through the same code path.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as coreSchema from './schema.ts';
import * as timeSchema from './schema-time.ts';
import * as channelSchema from './schema-channels.ts';
import * as insightSchema from './schema-insights.ts';
import * as simulationSchema from './schema-simulation.ts';

const schema = { ...coreSchema, ...timeSchema, ...channelSchema, ...simulationSchema, ...insightSchema };

export type Db = LibSQLDatabase<typeof coreSchema & typeof timeSchema & typeof channelSchema & typeof simulationSchema & typeof insightSchema>;

export interface Database {
  readonly url: string;
  readonly client: Client;
  readonly db: Db;
  /** True for an embedded file (PRAGMAs apply); false for a libsql server. */
  readonly embedded: boolean;
  /** The durability setting in force on the embedded file. */
  readonly synchronous: SynchronousMode;
  close(): void;
}

/**
 * FULL: a commit survives a power loss (WAL is fsynced on every commit).
 * NORMAL: a commit survives a process crash or kill; the last commits can be lost on power loss.
 */
export type SynchronousMode = 'FULL' | 'NORMAL';

export const DEFAULT_DATABASE_URL = 'file:./data/mentionflow.db';
const MIGRATIONS = resolve(import.meta.dirname, '..', '..', 'drizzle');

function isEmbedded(url: string): boolean {
  return url.startsWith('file:') || url === ':memory:';
}

export interface OpenOptions {
  readonly url?: string;
  readonly synchronous?: SynchronousMode;
  readonly authToken?: string;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? DEFAULT_DATABASE_URL;
  const embedded = isEmbedded(url);
  const synchronous = options.synchronous ?? 'FULL';
  if (embedded && url.startsWith('file:')) mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
  // One connection for the embedded file: PRAGMAs such as `synchronous` are per connection, and with a single
  // connection the settings below hold for every statement. Writes are serialized by the commit queue anyway.
  const client = createClient({ url, ...(options.authToken ? { authToken: options.authToken } : {}), ...(embedded ? { concurrency: 1 } : {}) });
  if (embedded) await applyPragmas(client, synchronous);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  if (embedded) await applyPragmas(client, synchronous);
  return { url, client, db, embedded, synchronous, close: () => client.close() };
}

async function applyPragmas(client: Client, synchronous: SynchronousMode): Promise<void> {
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute(`PRAGMA synchronous = ${synchronous}`);
  await client.execute('PRAGMA busy_timeout = 5000');
  await client.execute('PRAGMA foreign_keys = ON');
}

/** Reads back the durability settings of the connection in use (for /api/health and tests). */
export async function readPragmas(database: Database): Promise<{ journalMode: string; synchronous: string } | null> {
  if (!database.embedded) return null;
  const journal = await database.client.execute('PRAGMA journal_mode');
  const sync = await database.client.execute('PRAGMA synchronous');
  const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
  return { journalMode: String(journal.rows[0]?.[0]), synchronous: names[Number(sync.rows[0]?.[0])] ?? String(sync.rows[0]?.[0]) };
}
