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

function start(): Promise<{ child: ChildProcess; base: string }> {
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
        resolve({ child, base: `http://127.0.0.1:${JSON.parse(line).port}` });
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

describe('starting Mentionflow on an empty directory', () => {
  it('serves the editor and a working demo workspace, loaded once', async () => {
    const first = await start();
    try {
      const page = await fetch(`${first.base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">|Mentionflow/);
      const workflows = (await (await fetch(`${first.base}/api/workflows`)).json()) as { workflows: { status: string; packId: string | null }[] };
      expect(workflows.workflows.length).toBeGreaterThanOrEqual(8);
      expect(workflows.workflows.every((workflow) => workflow.status === 'published' && workflow.packId)).toBe(true);
      const settings = (await (await fetch(`${first.base}/api/settings`)).json()) as { brand: { names: string[] } };
      expect(settings.brand.names).toEqual(['Acme Air']);
      const queue = (await (await fetch(`${first.base}/api/queue`)).json()) as { items: { decision: { queue: string } }[] };
      expect(queue.items.length).toBeGreaterThan(5);
      expect(queue.items.map((item) => item.decision.queue)).toContain('urgent');
      const templates = (await (await fetch(`${first.base}/api/templates`)).json()) as { templates: unknown[] };
      expect(templates.templates.length).toBeGreaterThan(0);
      const agents = (await (await fetch(`${first.base}/api/agents`)).json()) as unknown[] | { agents: unknown[] };
      expect(Array.isArray(agents) ? agents.length : agents.agents.length).toBeGreaterThan(0);
    } finally {
      await stop(first.child);
    }
    const second = await start();
    try {
      const mentions = await fetch(`${second.base}/api/mentions/demo-1?channel=x`);
      expect(mentions.status).toBe(200);
      const workflows = (await (await fetch(`${second.base}/api/workflows`)).json()) as { workflows: { version: number }[] };
      expect(workflows.workflows.every((workflow) => workflow.version === 1)).toBe(true);
    } finally {
      await stop(second.child);
    }
  }, 180_000);
});
