// The targets of the ingest benchmark, startable in this process or as a child process (so that the load
// generator and the server do not share one thread):
//   tsx tests/bench/ingest-server.ts mentionflow <dir> <FULL|NORMAL>   the real server on <dir>/mentionflow.db
//   tsx tests/bench/ingest-server.ts bare                              a bare Hono endpoint, no storage
// Both listen on 127.0.0.1, port 0, and print one JSON line `{"port":…,"synchronous":…}` when ready. The real server
// starts as `npm start` does with MENTIONFLOW_ADMIN_EMAIL/PASSWORD set (BENCH_ADMIN unless the environment names
// another), so the bench can sign in and create the integration token it ingests with.
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createServer } from '../../apps/server/src/server.ts';
import { seedDemoWorkspace } from '../../apps/server/src/demo/seed.ts';
import { readPragmas, type SynchronousMode } from '../../apps/server/src/db/database.ts';
import { jsonLogger } from '../../apps/server/src/log.ts';
import { installDefaultTemplates } from '../../apps/server/src/domain/template-store.ts';
import { installDemoAgents } from '../../apps/server/src/demo/demo-agents.ts';

export interface IngestTarget {
  readonly port: number;
  /** The PRAGMA synchronous read back from the server's connection (Mentionflow only). */
  readonly synchronous?: string;
  close(): Promise<void>;
}

export const RULES_DIR = resolve(import.meta.dirname, '..', '..', 'rules');

/** The first admin of the bench's servers: a throwaway database, so a fixed password is fine. */
export const BENCH_ADMIN = { email: 'bench-admin@example.test', password: 'ingest bench password' } as const;

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((done) => {
    const listener = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      done({ port: info.port, close: () => new Promise<void>((closed) => listener.close(() => closed())) }),
    );
  });
}

/**
 * The real server, as `apps/server/src/index.ts` builds it (default intervals, JSON request log), on a fresh
 * database in `dir`, seeded as `npm start` seeds an empty database: the starter packs from rules/ installed and
 * published, the default reply templates the packs' actions name, and the demo agents. The log goes to
 * `<dir>/server.log` instead of stdout (same formatting cost, no terminal); errors also to stderr.
 */
export async function startMentionflow(dir: string, synchronous: SynchronousMode): Promise<IngestTarget> {
  const log = createWriteStream(join(dir, 'server.log'));
  const logger = jsonLogger((line) => {
    log.write(line + '\n');
    if (line.includes('"level":"error"')) process.stderr.write(line + '\n');
  });
  const server = await createServer({ databaseUrl: `file:${join(dir, 'mentionflow.db')}`, synchronous, logger });
  await seedDemoWorkspace(server.services, RULES_DIR, [installDefaultTemplates, installDemoAgents]);
  // The first admin from the environment, as apps/server/src/index.ts creates it.
  await server.services.access.ensureFirstAdmin({ email: process.env.MENTIONFLOW_ADMIN_EMAIL ?? BENCH_ADMIN.email, password: process.env.MENTIONFLOW_ADMIN_PASSWORD ?? BENCH_ADMIN.password });
  const pragmas = await readPragmas(server.services.database);
  const listener = await listen(server.app.fetch);
  return {
    port: listener.port,
    synchronous: pragmas?.synchronous ?? 'n/a',
    async close() {
      await listener.close();
      await server.close();
      await new Promise((closed) => log.end(closed));
    },
  };
}

/** The baseline: a tiny Hono app that parses the same JSON body and answers 200, without storage. */
export async function startBare(): Promise<IngestTarget> {
  const app = new Hono();
  app.post('/api/mentions', async (c) => {
    const body = await c.req.json<unknown>();
    return c.json({ status: 'ok', items: Array.isArray(body) ? body.length : 1 }, 200);
  });
  return listen(app.fetch);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [kind, dir, synchronous] = process.argv.slice(2);
  const target = kind === 'bare' ? await startBare() : await startMentionflow(dir!, (synchronous ?? 'FULL') as SynchronousMode);
  process.stdout.write(JSON.stringify({ port: target.port, synchronous: target.synchronous ?? null }) + '\n');
  const stop = () => void target.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
