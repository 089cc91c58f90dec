// Starts Mentionflow on Node: `PORT` (default 8787), `DATABASE_URL` (default the embedded file ./data/mentionflow.db).
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createServer } from './server.ts';
import { seedDemoWorkspace } from './demo/seed.ts';
import { installDemoAgents } from './demo/demo-agents.ts';
import { installDefaultTemplates } from './domain/template-store.ts';
import type { SynchronousMode } from './db/database.ts';

const port = Number(process.env.PORT ?? 8787);
const synchronous = (process.env.MENTIONFLOW_SYNCHRONOUS?.toUpperCase() ?? 'FULL') as SynchronousMode;
if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
  console.error(`MENTIONFLOW_SYNCHRONOUS must be FULL or NORMAL (got "${process.env.MENTIONFLOW_SYNCHRONOUS}")`);
  process.exit(1);
}
const server = await createServer({
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.DATABASE_AUTH_TOKEN ? { databaseAuthToken: process.env.DATABASE_AUTH_TOKEN } : {}),
  synchronous,
  editorDir: resolve(import.meta.dirname, '..', '..', 'editor', 'dist'),
});
if (process.env.MENTIONFLOW_DEMO !== 'off') await seedDemoWorkspace(server.services, resolve(import.meta.dirname, '..', '..', '..', 'rules'), [installDefaultTemplates, installDemoAgents]);

const listener = serve({ fetch: server.app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  server.services.logger.log('info', 'listening', { port: info.port, url: `http://localhost:${info.port}/`, database: server.services.database.url });
});

async function shutdown(signal: string): Promise<void> {
  server.services.logger.log('info', 'shutting_down', { signal });
  listener.close();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
