// `mentionflow packs import|export|schema`: the CLI against a real listening server, and the pack JSON Schema.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packJsonSchema } from '../packages/engine/src/index.ts';
import { CLI, REFUND_PACK, ROOT, hasStackTrace, readFixture, tempDir, writeFile } from './fixtures/cli/run-cli.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { mention } from './support/mentions.ts';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the last newline. */
  readonly lines: string[];
  /** stderr split into non-empty lines. */
  readonly errors: string[];
}

/** Run the CLI as a child process without blocking: the server answering it lives in this process. */
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
      resolve({
        status,
        stdout,
        stderr,
        lines: stdout.replace(/\n$/, '').split('\n'),
        errors: stderr.split('\n').filter((line) => line.trim() !== ''),
      }),
    );
  });
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A routing pack: authors with many followers go to the VIP queue. */
function influencerPack(version = '1.0.0') {
  return {
    id: 'influencers',
    name: 'Influencers',
    version,
    description: 'Big accounts go to the VIP queue.',
    parameters: { followers: { type: 'number', label: 'Followers', description: 'From how many followers an author is an influencer', default: 10000, min: 0 } },
    workflows: [
      {
        ...workflow(
          'influencer-routing',
          'routing',
          [trigger(), condition('big', [['author.followers', 'greaterThanInclusive', { $param: 'followers' }]]), node('to-vip', 'route', { queue: 'vip', rank: 30 })],
          [edge('start', 'big'), edge('big', 'to-vip', 'yes')],
        ),
        name: 'Influencers to VIP',
      },
    ],
  };
}

async function installedPacks(): Promise<any[]> {
  return (await server.call('GET', '/api/packs')).body.packs;
}

let server: TestServer;
let base: string;
/** What every run sends (MENTIONFLOW_TOKEN) unless the test says otherwise. */
let adminToken: string;
let dir: string;
let refund: string;

beforeEach(async () => {
  server = await startTestServer();
  base = await server.listen();
  adminToken = await server.tokenFor('admin');
  dir = tempDir();
  refund = writeFile(dir, 'refund-limits.json', readFixture('packs/refund-limits.json'));
});

afterEach(async () => {
  await server.stop(true);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('mentionflow packs import', { timeout: 60_000 }, () => {
  it('--dry-run prints each workflow’s plan and the effect on recent mentions, and imports nothing', async () => {
    for (const [id, followers] of [['small', 100], ['big', 50_000]] as const) {
      expect((await server.call('POST', '/api/mentions', mention({ id, author: { handle: `@${id}`, followers } }))).status).toBeLessThan(300);
    }
    const file = writeFile(dir, 'influencers.json', influencerPack());
    const result = await cli(['packs', 'import', file, '--dry-run', '--server', base]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.lines[0]).toBe('Would import influencers 1.0.0 (Influencers): new');
    expect(result.lines).toContain('  add         influencer-routing — Influencers to VIP');
    expect(result.lines).toContain('  followers = 10000');
    expect(result.lines).toContain('1 of 2 recent mentions would change');
    expect(result.stdout).toMatch(/^ {2}big: .+ → vip\/.+$/m);
    expect(result.lines.at(-1)).toBe('Dry run: nothing was imported.');
    expect(await installedPacks()).toEqual([]);
  });

  it('imports a pack, and importing it again says same', async () => {
    const first = await cli(['packs', 'import', refund, '--server', base]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.lines).toEqual(['Imported refund-limits 1.0.0 (Refund limits): new', '  add         refund-approval — Large refunds need a supervisor', 'Parameters:', '  agentLimit = 50']);
    expect(await installedPacks()).toEqual([expect.objectContaining({ id: 'refund-limits', version: '1.0.0', parameters: { agentLimit: 50 }, workflows: ['refund-approval'] })]);

    const again = await cli(['packs', 'import', refund, '--server', base]);
    expect(again.status).toBe(0);
    expect(again.lines[0]).toBe('refund-limits 1.0.0 (Refund limits): same — 1.0.0 is already installed, nothing changed');
    expect(again.lines[1]).toBe('  unchanged   refund-approval — Large refunds need a supervisor');
  });

  it('reports an upgrade with what changed in each workflow', async () => {
    await cli(['packs', 'import', writeFile(dir, 'v1.json', influencerPack('1.0.0')), '--server', base]);
    const next = influencerPack('1.1.0');
    next.workflows[0]!.graph.nodes[2]!.data = { queue: 'influencers', rank: 30 };
    const result = await cli(['packs', 'import', writeFile(dir, 'v2.json', next), '--server', base]);
    expect(result.status).toBe(0);
    expect(result.lines[0]).toBe('Imported influencers 1.1.0 (Influencers): upgrade from 1.0.0');
    expect(result.lines[1]).toBe('  replace     influencer-routing — Influencers to VIP (1 node changed)');
    expect((await installedPacks())[0].version).toBe('1.1.0');
  });

  it('takes the server from MENTIONFLOW_SERVER and the token from --token, recording the token as who imported', async () => {
    const opsLead = (await server.services.access.tokens.create({ name: 'ana laptop', role: 'ops_lead' }, 'test')).secret;
    const result = await cli(['packs', 'import', refund, '--token', opsLead], { MENTIONFLOW_SERVER: base, MENTIONFLOW_TOKEN: '' });
    expect(result.status).toBe(0);
    const rows = await server.services.database.client.execute('SELECT published_by FROM workflow_versions');
    expect(rows.rows.map((row) => row.published_by)).toEqual(['token:ana laptop']);

    const badToken = await cli(['packs', 'import', refund, '--server', base, '--token', 'hunter2']);
    expect(badToken.status).toBe(1);
    expect(badToken.errors[0]).toBe('mentionflow packs import: --token is not a Mentionflow API token (they start with mf_)');
  });

  it('says what is missing when the token is absent, unknown or lacks the role', async () => {
    const none = await cli(['packs', 'import', refund, '--server', base], { MENTIONFLOW_TOKEN: '' });
    expect(none.status).toBe(1);
    expect(none.errors.join('\n')).toMatch(/the server needs an API token; pass --token or set MENTIONFLOW_TOKEN/);

    const unknown = await cli(['packs', 'import', refund, '--server', base, '--token', `mf_${'x'.repeat(43)}`]);
    expect(unknown.status).toBe(1);
    expect(unknown.errors.join('\n')).toMatch(/refused the API token \(unknown, revoked or expired\)/);

    const analyst = await cli(['packs', 'import', refund, '--server', base, '--token', await server.tokenFor('analyst')]);
    expect(analyst.status).toBe(1);
    expect(analyst.errors.join('\n')).toMatch(/may not .*needs packs:import/);
    expect((await server.call('GET', '/api/packs')).body.packs).toEqual([]);
  });

  it('prints every problem of an invalid pack as FILE: path: message, exits 1 and imports nothing', async () => {
    const broken = readFixture('packs/refund-limits.json');
    broken.version = 'one';
    const schemaBroken = writeFile(dir, 'schema-broken.json', broken);
    const first = await cli(['packs', 'import', schemaBroken, '--server', base]);
    expect(first.status).toBe(1);
    expect(first.stdout).toBe('');
    expect(first.errors[0]).toBe(`${schemaBroken}: version: a semantic version such as "1.2.0"`);
    expect(first.errors.at(-1)).toBe(`${schemaBroken}: the pack has 1 problem(s); nothing was imported`);

    const pack = readFixture('packs/refund-limits.json');
    pack.workflows[0].graph.nodes[1].data.clauses[0].fact = 'moonPhase';
    pack.workflows[0].graph.nodes[1].data.clauses.push({ fact: 'request.amount', operator: 'greaterThan', value: { $param: 'missing' } });
    const file = writeFile(dir, 'broken.json', pack);
    for (const extra of [[], ['--dry-run']]) {
      const result = await cli(['packs', 'import', file, '--server', base, ...extra]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.errors).toContain(`${file}: workflows[0]: refers to the parameter “missing”, which the pack does not declare`);
      expect(result.errors.some((line) => line.startsWith(`${file}: workflows[0].graph.nodes[1].data.clauses[0]: `))).toBe(true);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    expect(await installedPacks()).toEqual([]);

    const notJson = writeFile(dir, 'garbage.json', '{ nope');
    const garbage = await cli(['packs', 'import', notJson, '--server', base]);
    expect(garbage.status).toBe(1);
    expect(garbage.errors[0]).toMatch(new RegExp(`^${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON: `));
  });

  it('--param sets a parameter (JSON when it parses); a bad value names the option', async () => {
    const result = await cli(['packs', 'import', refund, '--server', base, '--param', 'agentLimit=120']);
    expect(result.status).toBe(0);
    expect(result.lines.slice(-2)).toEqual(['Parameters:', '  agentLimit = 120']);
    expect((await installedPacks())[0].parameters).toEqual({ agentLimit: 120 });

    const prefixed = await cli(['packs', 'import', refund, '--server', base, '--param', 'refund-limits.agentLimit=80']);
    expect(prefixed.status).toBe(0);
    expect(prefixed.lines[0]).toBe('Imported refund-limits 1.0.0 (Refund limits): same — 1.0.0 is already installed; parameters applied');
    expect((await installedPacks())[0].parameters).toEqual({ agentLimit: 80 });

    const text = await cli(['packs', 'import', refund, '--server', base, '--param', 'agentLimit=lots']);
    expect(text.status).toBe(1);
    expect(text.errors[0]).toMatch(/^--param agentLimit: invalid value: /);
    const unknown = await cli(['packs', 'import', refund, '--server', base, '--param', 'nope=1']);
    expect(unknown.status).toBe(1);
    expect(unknown.errors[0]).toBe('--param nope: the pack has no parameter “nope”');
    expect((await installedPacks())[0].parameters).toEqual({ agentLimit: 80 });

    const malformed = await cli(['packs', 'import', refund, '--server', base, '--param', 'agentLimit']);
    expect(malformed.status).toBe(1);
    expect(malformed.errors[0]).toBe('mentionflow packs import: --param “agentLimit”: expected NAME=VALUE, e.g. --param agentLimit=100');
  });

  it('refuses a pack whose workflow ids belong to another pack, naming them', async () => {
    await cli(['packs', 'import', refund, '--server', base]);
    const other = readFixture('packs/refund-limits.json');
    other.id = 'other-refunds';
    const file = writeFile(dir, 'other.json', other);
    const result = await cli(['packs', 'import', file, '--server', base]);
    expect(result.status).toBe(1);
    expect(result.errors).toEqual([`${file}: workflow id(s) “refund-approval” already exist outside this pack; nothing was imported`, '  clashing workflow: refund-approval']);
    expect((await installedPacks()).map((pack) => pack.id)).toEqual(['refund-limits']);
  });

  it('says clearly when the server cannot be reached', async () => {
    const port = await closedPort();
    const result = await cli(['packs', 'import', REFUND_PACK, '--server', `http://127.0.0.1:${port}`]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.errors).toEqual([`cannot reach the Mentionflow server at http://127.0.0.1:${port}: connection refused (is the server running?)`]);
    const exported = await cli(['packs', 'export', 'refund-limits', '--server', `http://127.0.0.1:${port}`]);
    expect(exported.status).toBe(1);
    expect(exported.errors[0]).toMatch(/^cannot reach the Mentionflow server at /);
  });

  it('needs exactly one pack file', async () => {
    const none = await cli(['packs', 'import', '--server', base]);
    expect(none.status).toBe(1);
    expect(none.errors[0]).toBe('mentionflow packs import: which pack? give the pack file, e.g. rules/sla-escalation.json');
  });
});

describe('mentionflow packs export', { timeout: 60_000 }, () => {
  it('writes the installed pack to a file that imports again as the same pack', async () => {
    await cli(['packs', 'import', refund, '--server', base, '--param', 'agentLimit=75']);
    const out = path.join(dir, 'exported.json');
    const result = await cli(['packs', 'export', 'refund-limits', '--server', base, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const expected = (await server.call('GET', '/api/packs/refund-limits/export')).body;
    expect(fs.readFileSync(out, 'utf8')).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(expected.parameters.agentLimit.default).toBe(75);

    const printed = await cli(['packs', 'export', 'refund-limits', '--server', base]);
    expect(printed.stdout).toBe(fs.readFileSync(out, 'utf8'));

    const again = await cli(['packs', 'import', out, '--server', base]);
    expect(again.status).toBe(0);
    expect(again.lines[0]).toMatch(/^refund-limits 1\.0\.0 \(Refund limits\): same/);

    // The file imports into another server as the pack as installed here.
    const elsewhere = await startTestServer();
    try {
      const otherBase = await elsewhere.listen();
      expect((await cli(['packs', 'import', out, '--server', otherBase, '--token', await elsewhere.tokenFor('ops_lead')])).status).toBe(0);
      expect((await elsewhere.call('GET', '/api/packs')).body.packs[0].parameters).toEqual({ agentLimit: 75 });
    } finally {
      await elsewhere.stop(true);
    }
  });

  it('says clearly when no such pack is installed', async () => {
    const result = await cli(['packs', 'export', 'nope', '--server', base]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.errors).toEqual([`no pack “nope” is installed on the server at ${base}`]);
  });
});

describe('mentionflow packs schema', { timeout: 60_000 }, () => {
  it('prints the engine’s pack JSON Schema, which the committed rules/pack.schema.json equals', async () => {
    const expected = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
    const result = await cli(['packs', 'schema']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
    expect(fs.readFileSync(path.join(ROOT, 'rules/pack.schema.json'), 'utf8')).toBe(expected);

    const out = path.join(dir, 'pack.schema.json');
    const written = await cli(['packs', 'schema', '--out', out]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
  });

  it('lists import, export and schema in the help', async () => {
    const result = await cli(['packs', '--help']);
    expect(result.status).toBe(0);
    for (const command of ['test', 'import', 'export', 'schema']) expect(result.stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'));
  });
});
