// Serves the built editor: static assets, and index.html for every other path (client-side routing).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function editorRoutes(distDir: string): Hono {
  const app = new Hono();
  app.get('*', async (c) => {
    const index = join(distDir, 'index.html');
    if (!existsSync(index)) {
      return c.html('<!doctype html><title>Mentionflow</title><p>The editor is not built yet: run <code>npm run build</code>, or start with <code>npm start</code>, which builds it.</p>', 503);
    }
    const requested = normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '');
    const file = join(distDir, requested);
    if (file.startsWith(distDir) && extname(file) && existsSync(file)) {
      const cache = requested.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(await readFile(file), 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    }
    return c.html(await readFile(index, 'utf8'));
  });
  return app;
}
