// End-to-end harness for the editor: builds apps/editor once when its sources changed, starts the real server on a
// temp database serving that build, and drives Debian's Chromium through playwright-core (one browser per file).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { Role } from '@mentionflow/engine';
import { startTestServer, TEST_PASSWORD, type TestServer } from './support/server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EDITOR = join(ROOT, 'apps', 'editor');
export const EDITOR_DIST = join(EDITOR, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
// Outside the repository, one per checkout: parallel test files of one run share it.
const LOCK = join(tmpdir(), `mentionflow-editor-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}`);

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stats.mtimeMs);
}

function isBuildCurrent(): boolean {
  const index = join(EDITOR_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const sources = [join(EDITOR, 'src'), join(EDITOR, 'index.html'), join(EDITOR, 'vite.config.ts'), join(ROOT, 'packages', 'engine', 'src')];
  return statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime));
}

/** Build the editor unless dist/ is newer than its sources. Test files run in parallel: a lock directory lets one build. */
export async function ensureEditorBuilt(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!isBuildCurrent()) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Someone else is building (or died building: a lock older than 3 minutes is stale).
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build the editor');
      await new Promise((done) => setTimeout(done, 500));
      continue;
    }
    try {
      if (!isBuildCurrent()) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: EDITOR, stdio: 'inherit' });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export interface EditorSession {
  readonly server: TestServer;
  readonly baseUrl: string;
  readonly browser: Browser;
  /**
   * A fresh page (its own cookies) signed in as `<userName>@example.test` (password TEST_PASSWORD), a user created
   * with `role` on first use (and given that role if it had another).
   */
  newPage(userName?: string, role?: Role): Promise<Page>;
  /** JSON over HTTP to the same server: with the test admin's API token, or as `user`'s signed-in browser session. */
  api(method: string, path: string, body?: unknown, user?: string): Promise<{ status: number; body: any }>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startEditorSession(): Promise<EditorSession> {
  await ensureEditorBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer({ editorDir: EDITOR_DIST });
  const baseUrl = await server.listen();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const pages: Page[] = [];
  return {
    server,
    baseUrl,
    browser,
    async newPage(userName = 'lea', role: Role = 'ops_lead') {
      // The user, through the admin API: created on first use, given `role` when it has another.
      const email = `${userName}@example.test`;
      const listed = await server.call('GET', '/api/users');
      const existing = (listed.body.users as { id: number; email: string; role: Role }[]).find((user) => user.email === email);
      const prepared = existing
        ? existing.role === role
          ? undefined
          : await server.call('PATCH', `/api/users/${existing.id}`, { role })
        : await server.call('POST', '/api/users', { email, name: userName, role, password: TEST_PASSWORD });
      if (prepared && prepared.status >= 300) throw new Error(`preparing ${email} (${role}) failed: ${prepared.status} ${JSON.stringify(prepared.body)}`);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: baseUrl });
      // Signed in through the API: the context's request shares its cookie jar with the page.
      const signIn = await context.request.post('/api/auth/login', { data: { email, password: TEST_PASSWORD } });
      if (signIn.status() !== 200) throw new Error(`signing ${email} in failed: ${signIn.status()} ${await signIn.text()}`);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      // Surface page errors in the test output: a crash in React would otherwise look like a missing element.
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      pages.push(page);
      return page;
    },
    async api(method, path, body, user) {
      const credentials = user === undefined ? await server.headersFor('admin') : await server.sessionFor(user);
      const response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { ...credentials, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    },
    async close() {
      for (const page of pages) await page.context().close().catch(() => undefined);
      await browser.close();
      await server.stop(true);
    },
  };
}

/** Wait for a state, not a time: polls until the assertion holds (10 s). */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 100 });

/** The visible text of everything a locator matches, without waiting (for use inside `eventually`). */
export const textOf = async (locator: Locator): Promise<string> => (await locator.allInnerTexts()).join('\n');

/** An input's value, or undefined while it is not on the page. */
export const valueOf = (locator: Locator): Promise<string | undefined> => locator.inputValue({ timeout: 500 }).catch(() => undefined);
