// `mentionflow import`: the CLI against a real listening server — saving a mapping with --mapping, importing CSV and
// NDJSON exports, printing the summary and each rejected row, and its exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir, writeFile } from './fixtures/cli/run-cli.ts';
import { CHANNEL_FIXTURES, count, fixture, publishRefundRouting, storedMention } from './fixtures/channels/channel-helpers.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { settings } from './support/mentions.ts';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: string[];
  readonly errors: string[];
}

/** Runs the CLI as a child process without blocking: the server answering it lives in this process. */
function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const baseEnv = { ...process.env };
    delete baseEnv.MENTIONFLOW_SERVER;
    baseEnv.MENTIONFLOW_TOKEN = adminToken;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...baseEnv, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout, stderr, lines: stdout.split('\n').filter((line) => line !== ''), errors: stderr.split('\n').filter((line) => line.trim() !== '') }),
    );
  });
}

const CSV = path.join(CHANNEL_FIXTURES, 'listening-export.csv');
const MAPPING = path.join(CHANNEL_FIXTURES, 'listening-mapping.json');

let server: TestServer;
let base: string;
/** What every run sends (MENTIONFLOW_TOKEN). */
let adminToken: string;
let dir: string;
beforeEach(async () => {
  server = await startTestServer();
  base = await server.listen();
  adminToken = await server.tokenFor('admin');
  await server.call('PUT', '/api/settings', settings);
  dir = tempDir();
});
afterEach(async () => {
  await server.stop(true);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('mentionflow import', { timeout: 60_000 }, () => {
  it('saves the mapping given with --mapping, imports the CSV, prints the summary and each rejected row, and exits 2', async () => {
    await publishRefundRouting(server);
    const result = await cli(['import', CSV, '--source', 'listening', '--mapping', MAPPING, '--server', base]);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`${CSV}: 4 created, 1 duplicate, 4 rejected (9 rows, csv)`]);
    expect(result.errors[0]).toBe(`saved the mapping of source “listening” from ${MAPPING}`);
    expect(result.errors.slice(1)).toEqual([
      expect.stringMatching(/^line 4: channel \(column “Platform”\): “LinkedIn” is not a channel/),
      expect.stringMatching(/^line 5: createdAt \(column “Date”\): “yesterday” is not a date/),
      'line 9: author.handle (column “Author”): no value',
      'line 10: author.followers (column “Followers”): “lots” is not a number',
    ]);
    expect((await storedMention(server, 'x', 'tw-1001')).decision.queue).toBe('billing');
    const saved = await server.call('GET', '/api/imports/sources/listening');
    expect(saved.body.updatedBy).toBe('token:test admin');
  });

  it('imports with the saved mapping; running it again creates nothing', async () => {
    await server.call('PUT', '/api/imports/sources/listening', JSON.parse(fs.readFileSync(MAPPING, 'utf8')));
    const clean = writeFile(dir, 'clean.csv', fixture('listening-export.csv').split('\n').slice(0, 3).join('\n') + '\n');
    const first = await cli(['import', clean, '--source', 'listening', '--server', base]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.lines).toEqual([`${clean}: 2 created, 0 duplicates, 0 rejected (2 rows, csv)`]);
    const again = await cli(['import', clean, '--source', 'listening'], { MENTIONFLOW_SERVER: base });
    expect(again.status).toBe(0);
    expect(again.lines).toEqual([`${clean}: 0 created, 2 duplicates, 0 rejected (2 rows, csv)`]);
    expect(await count(server, 'mentions')).toBe(2);
  });

  it('imports NDJSON from a .jsonl file, and from any file with --format ndjson', async () => {
    const mapping = path.join(CHANNEL_FIXTURES, 'listening-mapping-ndjson.json');
    const file = writeFile(dir, 'export.jsonl', fixture('listening-export.ndjson'));
    const result = await cli(['import', file, '--source', 'other-tool', '--mapping', mapping, '--server', base]);
    expect(result.status).toBe(2);
    expect(result.lines).toEqual([`${file}: 2 created, 0 duplicates, 3 rejected (5 rows, ndjson)`]);
    expect(result.errors.filter((line) => line.startsWith('line ')).map((line) => line.split(':')[0])).toEqual(['line 3', 'line 4', 'line 6']);
    const noExtension = writeFile(dir, 'export.txt', fixture('listening-export.ndjson'));
    const again = await cli(['import', noExtension, '--source', 'other-tool', '--format', 'ndjson', '--server', base]);
    expect(again.lines[0]).toBe(`${noExtension}: 0 created, 2 duplicates, 3 rejected (5 rows, ndjson)`);
  });

  it('fails (exit 1) for an unknown source, a mapping the server refuses, a missing file or an unreachable server', async () => {
    const unknown = await cli(['import', CSV, '--source', 'nobody', '--server', base]);
    expect(unknown.status).toBe(1);
    expect(unknown.errors).toEqual([`${CSV}: no import source “nobody” on the server at ${base}; give its mapping with --mapping FILE`]);

    const badMapping = writeFile(dir, 'bad-mapping.json', { mapping: { id: 'Mention ID', text: 'Content' } });
    const refused = await cli(['import', CSV, '--source', 'listening', '--mapping', badMapping, '--server', base]);
    expect(refused.status).toBe(1);
    expect(refused.errors).toContain(`${badMapping}: mapping.channel: required: a column, or {"constant": …} for every row`);
    expect(await count(server, 'mentions')).toBe(0);

    const missing = await cli(['import', path.join(dir, 'nope.csv'), '--source', 'listening', '--server', base]);
    expect(missing.status).toBe(1);
    expect(missing.errors[0]).toMatch(/cannot read the export .*nope\.csv.*: no such file or directory/);

    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const down = await cli(['import', CSV, '--source', 'listening', '--server', `http://127.0.0.1:${port}`]);
    expect(down.status).toBe(1);
    expect(down.errors).toEqual([`cannot reach the Mentionflow server at http://127.0.0.1:${port}: connection refused (is the server running?)`]);
  });

  it('reports usage mistakes with the usage line', async () => {
    const noSource = await cli(['import', CSV, '--server', base]);
    expect(noSource.status).toBe(1);
    expect(noSource.errors[0]).toBe('mentionflow import: the option --source NAME is required: it names the mapping that reads the file');
    expect(noSource.errors[1]).toMatch(/^Usage: mentionflow import FILE --source NAME/);
    const badFormat = await cli(['import', CSV, '--source', 'x', '--format', 'xlsx']);
    expect(badFormat.errors[0]).toBe('mentionflow import: --format “xlsx”: use csv or ndjson');
    const help = await cli(['import', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('line N: reason');
    expect((await cli(['--help'])).stdout).toMatch(/^ {2}import {7}import a listening tool’s CSV or NDJSON export/m);
  });
});
