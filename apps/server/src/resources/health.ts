// /api/health: is the database reachable, with which durability settings, and which versions run.
import { Hono } from 'hono';
import type { Services } from '../services.ts';
import { readPragmas } from '../db/database.ts';

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@').replace(/([?&]authToken=)[^&]+/, '$1***');
}

export function healthRoutes(services: Services): Hono {
  const app = new Hono();
  services.docs.describe({ method: 'get', path: '/health', summary: 'Database reachability and versions', tag: 'Health', errors: [503] });
  app.get('/', async (c) => {
    const started = performance.now();
    try {
      await services.database.client.execute('SELECT 1');
      const pragmas = await readPragmas(services.database);
      const { versions } = await services.rulebook.rules();
      return c.json({
        status: 'ok',
        database: {
          reachable: true,
          url: redact(services.database.url),
          embedded: services.database.embedded,
          ...(pragmas ?? {}),
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
        versions: { mentionflow: services.version, node: process.version },
        publishedWorkflows: versions,
      });
    } catch (error) {
      return c.json({ status: 'unavailable', database: { reachable: false, error: (error as Error).message }, versions: { mentionflow: services.version, node: process.version } }, 503);
    }
  });
  return app;
}
