// `mentionflow packs test`: every pack's own tests, per-pack ✓/✗ lines, and a final `N passed, N failed`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REFUND_PACK, RULES, hasStackTrace, readFixture, runCli, tempDir, writeFile } from './fixtures/cli/run-cli.ts';

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

/** A mention pack built from the fixture outage workflow, with a history-based test. */
function outagePack() {
  return {
    id: 'outage',
    name: 'Outage',
    version: '0.1.0',
    description: 'Three outage mentions in 15 minutes open an incident.',
    workflows: [readFixture('rules/outage.json')],
    tests: [
      {
        name: 'the third outage mention opens the incident',
        history: [
          { id: 'h1', channel: 'x', kind: 'post', text: 'site down', createdAt: '2025-03-03T10:00:00Z', author: { handle: 'a' } },
          { id: 'h2', channel: 'x', kind: 'post', text: 'outage?', createdAt: '2025-03-03T10:05:00Z', author: { handle: 'b' } },
        ],
        mention: { id: 'm', channel: 'x', kind: 'post', text: 'down again', createdAt: '2025-03-03T10:06:00Z', author: { handle: 'c' } },
        expect: { actions: [{ type: 'open_incident', topic: 'outage' }] },
      },
      {
        name: 'a lone outage mention does not',
        mention: { id: 'm', channel: 'x', kind: 'post', text: 'down again', createdAt: '2025-03-03T10:06:00Z', author: { handle: 'c' } },
        expect: { notActions: ['open_incident'] },
      },
    ],
  };
}

describe('mentionflow packs test', () => {
  it('passes a pack whose tests pass', () => {
    const result = runCli(['packs', 'test', REFUND_PACK]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('✓ refund-limits — 3 tests\n3 passed, 0 failed\n');
  });

  it('runs every pack of a directory by name, skipping workflows and *.schema.json', () => {
    const dir = tempDir();
    fs.copyFileSync(REFUND_PACK, path.join(dir, 'b-refund-limits.json'));
    writeFile(dir, 'a-outage.json', outagePack());
    fs.copyFileSync(path.join(RULES, 'routing.json'), path.join(dir, 'c-routing-workflow.json'));
    writeFile(dir, 'pack.schema.json', { type: 'object' });
    const result = runCli(['packs', 'test', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual(['✓ outage — 2 tests', '✓ refund-limits — 3 tests', '5 passed, 0 failed']);
  });

  it('defaults to ./rules', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'rules'));
    fs.copyFileSync(REFUND_PACK, path.join(dir, 'rules', 'refund-limits.json'));
    const result = runCli(['packs', 'test'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(lastLine(result.stdout)).toBe('3 passed, 0 failed');
  });

  it('reports a failing test with what differed, and exits 1', () => {
    const dir = tempDir();
    const pack = readFixture('packs/refund-limits.json');
    pack.tests[1].expect = { allowed: true, requiresApproval: null };
    const file = writeFile(dir, 'refund-limits.json', pack);
    const result = runCli(['packs', 'test', file]);
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      '✗ refund-limits',
      '  ✗ a large refund needs a supervisor',
      '      allowed is false, expected true',
      '      requiresApproval is "supervisor", expected null',
      '2 passed, 1 failed',
    ]);
  });

  it('counts a pack with problems as one failure and lists them as path: message', () => {
    const dir = tempDir();
    const broken = readFixture('packs/refund-limits.json');
    broken.id = 'broken';
    broken.workflows[0].graph.nodes[1].data.clauses[0].value = { $param: 'missing' };
    writeFile(dir, 'broken.json', broken);
    fs.copyFileSync(REFUND_PACK, path.join(dir, 'refund-limits.json'));
    const result = runCli(['packs', 'test', dir]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('✗ broken');
    expect(lines).toContain('  workflows[0]: refers to the parameter “missing”, which the pack does not declare');
    expect(lines).toContain('✓ refund-limits — 3 tests');
    expect(lines.at(-1)).toBe('3 passed, 1 failed');
  });

  it('applies --param to the pack’s tests', () => {
    const result = runCli(['packs', 'test', REFUND_PACK, '--param', 'refund-limits.agentLimit=500']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('  ✗ a large refund needs a supervisor');
    expect(lastLine(result.stdout)).toBe('2 passed, 1 failed');
  });

  it('fails clearly on a path that does not exist, or a file that is not JSON', () => {
    const missing = runCli(['packs', 'test', path.join(FIXTURES, 'no-such-dir')]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.errors).toEqual([`cannot read the rules “${path.join(FIXTURES, 'no-such-dir')}”: no such file or directory`]);
    expect(hasStackTrace(missing.stderr)).toBe(false);

    const noRules = runCli(['packs', 'test'], { cwd: tempDir() });
    expect(noRules.status).toBe(1);
    expect(noRules.stderr).toContain('cannot read the rules “rules”: no such file or directory');

    const file = writeFile(tempDir(), 'garbage.json', '{ nope');
    const garbage = runCli(['packs', 'test', file]);
    expect(garbage.status).toBe(1);
    expect(garbage.stdout).toMatch(/^✗ .*garbage\.json\n {2}not valid JSON: /);
    expect(lastLine(garbage.stdout)).toBe('0 passed, 1 failed');
  });

  it('rejects unknown options and unknown packs commands with the usage', () => {
    const option = runCli(['packs', 'test', '--verbose']);
    expect(option.status).toBe(1);
    expect(option.stderr).toContain('mentionflow packs test: unknown option --verbose');
    expect(option.stderr).toContain('Usage: mentionflow packs test [PATH …]');

    const command = runCli(['packs', 'publish']);
    expect(command.status).toBe(1);
    expect(command.stderr).toContain('mentionflow packs: unknown packs command “publish”');
  });
});
