// Starts Mentionflow on Node: `PORT` (default 8787), `DATABASE_URL` (default the embedded file ./data/mentionflow.db).
// The first start creates the admin named by MENTIONFLOW_ADMIN_EMAIL and MENTIONFLOW_ADMIN_PASSWORD, or prints a
// one-time setup link; there is no default password.
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createServer } from './server.ts';
import { seedDemoWorkspace } from './demo/seed.ts';
import { installDemoAgents } from './demo/demo-agents.ts';
import { installDefaultTemplates } from './domain/template-store.ts';
import type { SynchronousMode } from './db/database.ts';
import { NewUserSchema } from './access/user-store.ts';
import { fieldIssues } from './http/read-body.ts';

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

const { MENTIONFLOW_ADMIN_EMAIL: adminEmail, MENTIONFLOW_ADMIN_PASSWORD: adminPassword, MENTIONFLOW_ADMIN_NAME: adminName } = process.env;
if (adminEmail || adminPassword) {
  const checked = NewUserSchema.safeParse({ email: adminEmail ?? '', name: adminName?.trim() || 'Admin', role: 'admin', password: adminPassword ?? '' });
  if (!checked.success) {
    const names: Record<string, string> = { email: 'MENTIONFLOW_ADMIN_EMAIL', password: 'MENTIONFLOW_ADMIN_PASSWORD', name: 'MENTIONFLOW_ADMIN_NAME' };
    for (const issue of fieldIssues(checked.error)) console.error(`${names[issue.field] ?? issue.field}: ${issue.message}`);
    await server.close();
    process.exit(1);
  }
}
const firstAdmin = await server.services.access.ensureFirstAdmin({ email: adminEmail, password: adminPassword, name: adminName });

const listener = serve({ fetch: server.app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) => {
  const base = `http://localhost:${info.port}`;
  if (firstAdmin.kind === 'created') server.services.logger.log('info', 'first_admin_created', { email: firstAdmin.email });
  if (firstAdmin.kind === 'setup_link') {
    const url = `${base}/setup?token=${firstAdmin.token}`;
    server.services.logger.log('warn', 'first_admin_needed', { expiresAt: new Date(firstAdmin.expiresAt).toISOString(), hint: 'open the setup link printed on the console' });
    console.log(`\nNo one can sign in yet. Open this one-time link within 24 hours to create the first admin:\n  ${url}\n`);
  }
  server.services.logger.log('info', 'listening', { port: info.port, url: `${base}/`, database: server.services.database.url });
});

async function shutdown(signal: string): Promise<void> {
  server.services.logger.log('info', 'shutting_down', { signal });
  listener.close();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
