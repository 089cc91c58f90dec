// The product's own start: the real entry point on an empty directory serves the editor and the demo workspace,
// and a second start on the same data loads nothing again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureEditorBuilt } from './browser-harness.ts';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'mentionflow-start-'));

function start(): Promise<{ child: ChildProcess; base: string; output: () => string }> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'apps/server/src/index.ts')], {
    cwd: dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'data', 'mentionflow.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no "listening" line in 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.includes('"listening"')) continue;
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${JSON.parse(line).port}`, output: () => output });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  await ensureEditorBuilt();
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADMIN = { email: 'first@example.test', name: 'First Admin', password: 'a long first password' };

/** A fetch that carries the session cookie (and, for changes, its CSRF token) like the editor does. */
function signedIn(cookie: string, csrfToken: string) {
  return (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), cookie, 'x-csrf-token': csrfToken } });
}

async function session(response: Response): Promise<typeof fetch> {
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return signedIn(response.headers.get('set-cookie')!.split(';')[0]!, csrfToken) as typeof fetch;
}

describe('starting Mentionflow on an empty directory', () => {
  it('serves the editor and a working demo workspace, loaded once; the first admin comes from a one-time link', async () => {
    const first = await start();
    try {
      const page = await fetch(`${first.base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">|Mentionflow/);
      // No one can do anything before the first admin exists, and there is no default password.
      expect((await fetch(`${first.base}/api/workflows`)).status).toBe(401);
      expect(await (await fetch(`${first.base}/api/auth/setup`)).json()).toEqual({ needed: true });
      const link = /\/setup\?token=([\w-]+)/.exec(first.output());
      expect(link, first.output()).not.toBeNull();
      const json = { 'content-type': 'application/json' };
      const wrong = await fetch(`${first.base}/api/auth/setup`, { method: 'POST', headers: json, body: JSON.stringify({ ...ADMIN, token: 'not-the-token' }) });
      expect(wrong.status).toBe(403);
      const setup = await fetch(`${first.base}/api/auth/setup`, { method: 'POST', headers: json, body: JSON.stringify({ ...ADMIN, token: link![1] }) });
      expect(setup.status).toBe(201);
      const api = await session(setup);
      const again = await fetch(`${first.base}/api/auth/setup`, { method: 'POST', headers: json, body: JSON.stringify({ ...ADMIN, email: 'second@example.test', token: link![1] }) });
      expect(again.status).toBe(409);
      const workflows = (await (await api(`${first.base}/api/workflows`)).json()) as { workflows: { status: string; packId: string | null }[] };
      expect(workflows.workflows.length).toBeGreaterThanOrEqual(8);
      expect(workflows.workflows.every((workflow) => workflow.status === 'published' && workflow.packId)).toBe(true);
      const settings = (await (await api(`${first.base}/api/settings`)).json()) as { brand: { names: string[] } };
      expect(settings.brand.names).toEqual(['Acme Air']);
      const queue = (await (await api(`${first.base}/api/queue`)).json()) as { items: { decision: { queue: string } }[] };
      expect(queue.items.length).toBeGreaterThan(5);
      expect(queue.items.map((item) => item.decision.queue)).toContain('urgent');
      const templates = (await (await api(`${first.base}/api/templates`)).json()) as { templates: unknown[] };
      expect(templates.templates.length).toBeGreaterThan(0);
      const agents = (await (await api(`${first.base}/api/agents`)).json()) as unknown[] | { agents: unknown[] };
      expect(Array.isArray(agents) ? agents.length : agents.agents.length).toBeGreaterThan(0);
    } finally {
      await stop(first.child);
    }
    const second = await start();
    try {
      expect(second.output()).not.toMatch(/setup\?token=/);
      const login = await fetch(`${second.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) });
      expect(login.status).toBe(200);
      const api = await session(login);
      const mentions = await api(`${second.base}/api/mentions/demo-1?channel=x`);
      expect(mentions.status).toBe(200);
      const workflows = (await (await api(`${second.base}/api/workflows`)).json()) as { workflows: { version: number }[] };
      expect(workflows.workflows.every((workflow) => workflow.version === 1)).toBe(true);
    } finally {
      await stop(second.child);
    }
  }, 180_000);
});
