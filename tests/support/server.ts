// Test servers on a real libsql file in a temp dir: in-process (`app.request`) or listening on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createServer, type MentionflowServer, type ServerOptions } from '../../apps/server/src/server.ts';
import { silentLogger } from '../../apps/server/src/log.ts';

export interface TestServer extends MentionflowServer {
  readonly dir: string;
  readonly databaseUrl: string;
  /** JSON request helper over `app.request` (no network). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  /** Starts a real listener on 127.0.0.1 and returns its base URL. */
  listen(): Promise<string>;
  /** Closes the server; the temp dir is kept unless `remove` is set. */
  stop(remove?: boolean): Promise<void>;
}

export function tempDatabase(): { dir: string; databaseUrl: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mentionflow-test-'));
  return { dir, databaseUrl: `file:${join(dir, 'mentionflow.db')}` };
}

export async function startTestServer(options: ServerOptions & { dir?: string } = {}): Promise<TestServer> {
  const location = options.dir ? { dir: options.dir, databaseUrl: `file:${join(options.dir, 'mentionflow.db')}` } : tempDatabase();
  const server = await createServer({ logger: silentLogger, refreshIntervalMs: 0, assignIntervalMs: 0, ...options, databaseUrl: options.databaseUrl ?? location.databaseUrl });
  let listener: ReturnType<typeof serve> | undefined;
  return {
    ...server,
    dir: location.dir,
    databaseUrl: options.databaseUrl ?? location.databaseUrl,
    async call(method, path, body, headers = {}) {
      const response = await server.app.request(path, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    listen() {
      return new Promise((resolve) => {
        listener = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
      });
    },
    async stop(remove = false) {
      await new Promise<void>((resolve) => (listener ? listener.close(() => resolve()) : resolve()));
      await server.close();
      if (remove) rmSync(location.dir, { recursive: true, force: true });
    },
  };
}
