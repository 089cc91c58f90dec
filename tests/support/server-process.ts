// The real server as its own process (`node --import tsx apps/server/src/index.ts`, as `npm start` runs it) on a
// database file in a temp dir, for tests and benches that kill it with SIGKILL or watch its memory from outside.
// The child is node itself, not the tsx CLI wrapper, so its pid is the server's: a SIGKILL reaches the process that
// holds the database, and /proc/<pid> describes the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'apps/server/src/index.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** The first admin, created by the server on its first start from the environment. */
export const ADMIN = { email: 'admin@example.test', password: 'crash-and-soak-admin-password' };

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  readonly pid: number;
  readonly dir: string;
  /** `<dir>/mentionflow.db`, for reading the rows directly. */
  readonly file: string;
  /** Log lines at level error (internal errors), as printed. */
  readonly errors: readonly string[];
  /** SIGKILL: no shutdown, no flush. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own shutdown (drains the commit queue). */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** An existing data directory (a restart); default a new temp dir. */
  readonly dir?: string;
  /** Extra environment, e.g. MENTIONFLOW_SYNCHRONOUS. */
  readonly env?: Record<string, string>;
  /** Extra node flags, e.g. --trace-gc. */
  readonly nodeArgs?: readonly string[];
  /** Sees every line the server prints on stdout (its JSON log, and V8's traces when asked for). */
  readonly onLine?: (line: string) => void;
}

/** Starts the server on 127.0.0.1 with an ephemeral port and resolves once it logs "listening". */
export function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'mentionflow-process-'));
  const file = join(dir, 'mentionflow.db');
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', TSX, ENTRY], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${file}`,
      MENTIONFLOW_ADMIN_EMAIL: ADMIN.email,
      MENTIONFLOW_ADMIN_PASSWORD: ADMIN.password,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // The server logs one line per request: read every line (a full pipe would block it), keep the last few for
  // a failed start and every error line.
  const recent: string[] = [];
  const errors: string[] = [];
  const keep = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    if (line.includes('"level":"error"') && errors.length < 200) errors.push(line);
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  const lines = createInterface({ input: child.stdout! });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`no "listening" line in 60 s:\n${recent.join('\n')}`));
    }, 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code ?? signal}) before listening:\n${recent.join('\n')}`));
    });
    lines.on('line', (line) => {
      keep(line);
      options.onLine?.(line);
      if (!line.includes('"event":"listening"')) return;
      clearTimeout(timer);
      const end = (signal: NodeJS.Signals) => async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      };
      done({ base: `http://127.0.0.1:${JSON.parse(line).port}`, pid: child.pid!, dir, file, errors, kill: end('SIGKILL'), stop: end('SIGTERM') });
    });
  });
}

/**
 * What /proc says of a process (Linux): resident memory, CPU time so far, and how long its main thread has waited
 * for a CPU while runnable (on a shared machine, the time other processes took from it); undefined elsewhere or once
 * it is gone.
 */
export function processStats(pid: number): { rssBytes: number; cpuSeconds: number; runWaitSeconds: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime, in clock ticks of 1/100 s (USER_HZ on every common Linux build).
    const ticks = Number(fields[11]) + Number(fields[12]);
    // schedstat: time on a CPU, time waiting on a run queue (ns), time slices.
    const waited = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
    return rss ? { rssBytes: Number(rss[1]) * 1024, cpuSeconds: ticks / 100, runWaitSeconds: waited } : undefined;
  } catch {
    return undefined;
  }
}

export interface Reply {
  readonly status: number;
  readonly text: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/**
 * A keep-alive HTTP client for loopback, lighter than fetch for load generators. Idle sockets are dropped after 4 s,
 * before the server's 5 s keep-alive timeout, so a request is never written to a socket the server is closing.
 */
export function httpClient(maxSockets = 64): { send(base: string, method: string, path: string, body?: string, headers?: Record<string, string>): Promise<Reply>; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets, timeout: 4_000 });
  return {
    send(base, method, path, body, headers = {}) {
      return new Promise((done, fail) => {
        const url = new URL(path, base);
        const outgoing = request(
          { agent, method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }), ...headers } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
            response.on('error', fail);
          },
        );
        outgoing.on('error', fail);
        outgoing.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** Request headers for ingest (an integration token) and for reading mentions back (an analyst token). */
export interface AccessHeaders {
  readonly ingest: Record<string, string>;
  readonly read: Record<string, string>;
}

/**
 * Signs in as the first admin and creates two API tokens (access contract: POST /api/auth/login, then POST
 * /api/tokens with the session cookie and its CSRF token).
 */
export async function signIn(base: string): Promise<AccessHeaders> {
  const client = httpClient(1);
  try {
    const login = await client.send(base, 'POST', '/api/auth/login', JSON.stringify(ADMIN));
    if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${login.text}`);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const session = cookies.map((cookie) => cookie.split(';')[0]!).find((pair) => pair.startsWith('mentionflow_session='));
    if (!session) throw new Error(`sign-in set no mentionflow_session cookie (${cookies.join(' | ')})`);
    const { csrfToken } = JSON.parse(login.text) as { csrfToken: string };
    const token = async (role: string): Promise<Record<string, string>> => {
      const created = await client.send(base, 'POST', '/api/tokens', JSON.stringify({ name: `load ${role} ${Date.now()}`, role, rateLimitPerMinute: 1_000_000 }), { cookie: session, 'x-csrf-token': csrfToken });
      if (created.status !== 201) throw new Error(`creating a ${role} token answered ${created.status}: ${created.text}`);
      return { authorization: `Bearer ${(JSON.parse(created.text) as { secret: string }).secret}` };
    };
    return { ingest: await token('integration'), read: await token('analyst') };
  } finally {
    client.close();
  }
}
