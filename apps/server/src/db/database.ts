// Opens the database: an embedded libsql file by default, or a libsql server by URL, through the same code path.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { expandConfig } from '@libsql/core/config';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as coreSchema from './schema.ts';
import * as timeSchema from './schema-time.ts';
import * as channelSchema from './schema-channels.ts';
import * as insightSchema from './schema-insights.ts';
import * as simulationSchema from './schema-simulation.ts';
import { NativeClient } from './native-client.ts';

const schema = { ...coreSchema, ...timeSchema, ...channelSchema, ...simulationSchema, ...insightSchema };

export type Db = LibSQLDatabase<typeof coreSchema & typeof timeSchema & typeof channelSchema & typeof simulationSchema & typeof insightSchema> & { $client: Client };

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
  // One client for the embedded file, keeping its prepared statements (native-client.ts). PRAGMAs such as
  // `synchronous` are per connection: its connection and, under load, its write thread's (which runs the group
  // commits) both open with the ones below. A libsql server is reached through @libsql/client.
  const client: Client = embedded
    ? new NativeClient(embeddedPath(url), { pragmas: pragmasFor(synchronous) })
    : createClient({ url, ...(options.authToken ? { authToken: options.authToken } : {}) });
  if (embedded) await applyPragmas(client, synchronous);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  if (embedded) await applyPragmas(client, synchronous);
  return { url, client, db, embedded, synchronous, close: () => client.close() };
}

/** The `Db`s `writeTransaction` made, each bound to its transaction: a transaction started on one joins it. */
const transactions = new WeakSet<Db>();

/**
 * Runs `work` in one write transaction: every query made through the `Db` it is given (drizzle's, `batch`, and raw
 * statements through its `$client`) is part of it; it commits when `work` resolves and rolls back when it throws.
 * Given a transaction's `Db`, `work` joins that transaction. On the embedded file the connection belongs to the
 * transaction until it ends, so queries made meanwhile through any other `Db` wait for it: `work` uses only `tx`.
 * @example await writeTransaction(db, async (tx) => { const [row] = await tx.select().from(users)…; await tx.update(users)… })
 */
export async function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (transactions.has(db)) return work(db);
  const transaction = await db.$client.transaction('write');
  try {
    // A libsql transaction answers execute and batch as a client does: drizzle runs over it unchanged.
    const tx: Db = drizzle(transaction as unknown as Client, { schema });
    transactions.add(tx);
    const result = await work(tx);
    await transaction.commit();
    return result;
  } finally {
    transaction.close();
  }
}

/** The file (with its query parameters) or `:memory:` a URL names, read as @libsql/client reads it. */
function embeddedPath(url: string): string {
  const config = expandConfig({ url }, true);
  return url === ':memory:' || config.path.startsWith(':memory:') ? `file:${config.path}` : config.path;
}

function pragmasFor(synchronous: SynchronousMode): string[] {
  return ['PRAGMA journal_mode = WAL', `PRAGMA synchronous = ${synchronous}`, 'PRAGMA busy_timeout = 5000', 'PRAGMA foreign_keys = ON', 'PRAGMA cache_size = -65536'];
}

async function applyPragmas(client: Client, synchronous: SynchronousMode): Promise<void> {
  for (const pragma of pragmasFor(synchronous)) await client.execute(pragma);
}

/** Reads back the durability settings of the connection in use (for /api/health and tests). */
export async function readPragmas(database: Database): Promise<{ journalMode: string; synchronous: string } | null> {
  if (!database.embedded) return null;
  const journal = await database.client.execute('PRAGMA journal_mode');
  const sync = await database.client.execute('PRAGMA synchronous');
  const names = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
  return { journalMode: String(journal.rows[0]?.[0]), synchronous: names[Number(sync.rows[0]?.[0])] ?? String(sync.rows[0]?.[0]) };
}
