// Test servers on a real libsql file in a temp dir: in-process (`app.request`) or listening on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createServer, type MentionflowServer, type ServerOptions } from '../../apps/server/src/server.ts';
import { silentLogger } from '../../apps/server/src/log.ts';
import type { Role } from '@mentionflow/engine';

/** The admin every test server starts with, and the password test users get. */
export const TEST_ADMIN = { email: 'admin@example.test', name: 'Test Admin', password: 'correct horse battery staple' } as const;
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestServer extends MentionflowServer {
  readonly dir: string;
  readonly databaseUrl: string;
  /** JSON request helper over `app.request` (no network); sends the test admin's API token unless `headers` carry
   *  their own `authorization` or `cookie` (pass `{ authorization: '' }` to send none). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  /** `app.request` as the test admin (for raw bodies and streamed answers `call` doesn't suit). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** An API token for a role (one per role and server, created on first use). */
  tokenFor(role: Role): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for a role. */
  headersFor(role: Role): Promise<Record<string, string>>;
  /** A user with this role (email `<name>@example.test`, password TEST_PASSWORD), created on first use. */
  userFor(name: string, role: Role): Promise<{ email: string; password: string }>;
  /** Signs `name` in through /api/auth/login (creating the user with `role` on first use) and returns the headers a
   *  browser would send: the session cookie and the CSRF token. Their actor is `<name>@example.test`. The session is
   *  reused unless `fresh` (after a change that ends sessions: role, password, agent link). */
  sessionFor(name: string, role?: Role, fresh?: boolean): Promise<Record<string, string>>;
  /** Starts a real listener on 127.0.0.1 and returns its base URL. */
  listen(): Promise<string>;
  /** Closes the server; the temp dir is kept unless `remove` is set. */
  stop(remove?: boolean): Promise<void>;
}

const listening = new Map<string, () => Promise<Record<string, string>>>();

/** The test admin's headers for a server started with `listen()`, by its base URL (for helpers that only get the URL). */
export function adminHeadersAt(base: string): Promise<Record<string, string>> {
  const headers = listening.get(base);
  if (!headers) throw new Error(`no test server listens at ${base}`);
  return headers();
}

export function tempDatabase(): { dir: string; databaseUrl: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mentionflow-test-'));
  return { dir, databaseUrl: `file:${join(dir, 'mentionflow.db')}` };
}

export async function startTestServer(options: ServerOptions & { dir?: string } = {}): Promise<TestServer> {
  const location = options.dir ? { dir: options.dir, databaseUrl: `file:${join(options.dir, 'mentionflow.db')}` } : tempDatabase();
  const server = await createServer({ logger: silentLogger, refreshIntervalMs: 0, assignIntervalMs: 0, ...options, databaseUrl: options.databaseUrl ?? location.databaseUrl });
  let listener: ReturnType<typeof serve> | undefined;
  const { access } = server.services;
  if (await access.setupNeeded()) await access.users.create({ ...TEST_ADMIN, role: 'admin' }, 'test');
  const tokens = new Map<Role, Promise<string>>();
  const tokenFor = (role: Role): Promise<string> => {
    let token = tokens.get(role);
    if (!token) {
      token = access.tokens.create({ name: `test ${role}`, role, rateLimitPerMinute: 10_000_000 }, 'test').then((created) => created.secret);
      tokens.set(role, token);
    }
    return token;
  };
  const headersFor = async (role: Role): Promise<Record<string, string>> => ({ authorization: `Bearer ${await tokenFor(role)}` });
  const people = new Map<string, Promise<{ email: string; password: string }>>();
  const sessions = new Map<string, Promise<Record<string, string>>>();
  const result: TestServer = {
    ...server,
    tokenFor,
    headersFor,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization') && !headers.has('cookie')) headers.set('authorization', (await headersFor('admin')).authorization!);
      return server.app.request(path, { ...init, headers });
    },
    userFor(name, role) {
      let person = people.get(name);
      if (!person) {
        const email = `${name}@example.test`;
        person = access.users
          .byEmail(email)
          .then(async (existing) => existing ?? (await access.users.create({ email, name, role, password: TEST_PASSWORD }, 'test')))
          .then(() => ({ email, password: TEST_PASSWORD }));
        people.set(name, person);
      }
      return person;
    },
    sessionFor(name, role = 'ops_lead', fresh = false) {
      let session = fresh ? undefined : sessions.get(name);
      if (!session) {
        session = result.userFor(name, role).then(async (person) => {
          const response = await server.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person) });
          if (response.status !== 200) throw new Error(`signing ${name} in failed: ${response.status} ${await response.text()}`);
          const { csrfToken } = (await response.json()) as { csrfToken: string };
          const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
          return { cookie, 'x-csrf-token': csrfToken };
        });
        sessions.set(name, session);
      }
      return session;
    },
    dir: location.dir,
    databaseUrl: options.databaseUrl ?? location.databaseUrl,
    async call(method, path, body, given = {}) {
      const ownCredentials = Object.keys(given).some((name) => ['authorization', 'cookie'].includes(name.toLowerCase()));
      const headers: Record<string, string> = Object.fromEntries(Object.entries(ownCredentials ? given : { ...(await headersFor('admin')), ...given }).filter(([, value]) => value !== ''));
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
        listener = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
          const base = `http://127.0.0.1:${info.port}`;
          listening.set(base, () => headersFor('admin'));
          resolve(base);
        });
      });
    },
    async stop(remove = false) {
      await new Promise<void>((resolve) => (listener ? listener.close(() => resolve()) : resolve()));
      await server.close();
      if (remove) rmSync(location.dir, { recursive: true, force: true });
    },
  };
  return result;
}
