// `mentionflow simulate`: batches of mentions through one replay, decisions in input order, bad lines reported by number.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, hasStackTrace, mention, ndjson, readFixture, runCli, tempDir, writeFile } from './fixtures/cli/run-cli.ts';

const T = (minute: number) => `2025-03-03T10:${String(minute).padStart(2, '0')}:00Z`;

function simulate(dir: string, file: string, content: unknown, ...args: string[]) {
  return runCli(['simulate', '--mentions', writeFile(dir, file, content), '--packs', RULES, ...args]);
}

function actionTypes(decision: Record<string, any>): string[] {
  return decision.actions.map((action: { type: string }) => action.type);
}

describe('mentionflow simulate: input formats', () => {
  const mentions = [
    mention('m1', 'I want a refund for order 123', T(5)),
    mention('m2', 'Bonjour, je veux un remboursement', T(0), { author: { handle: 'claire', followers: 12 } }),
    mention('m3', 'Love the new app', T(3)),
  ];

  it('reads NDJSON and prints one decision per line, in input order even when createdAt order differs', () => {
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(mentions));
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    const decisions = result.records;
    expect(decisions.map((decision) => decision.mentionId)).toEqual(['m1', 'm2', 'm3']);
    expect(decisions.map((decision) => [decision.queue, decision.priority])).toEqual([
      ['billing', 'P2'],
      ['billing', 'P2'],
      ['general', 'P3'],
    ]);
    expect(decisions[0]!.fired.map((fired: { ruleId: string }) => fired.ruleId)).toContain('refund-routing:to-billing');
  });

  it('reads a JSON array (by extension and by content)', () => {
    const dir = tempDir();
    for (const name of ['mentions.json', 'mentions.txt']) {
      const result = simulate(dir, name, JSON.stringify(mentions, null, 2));
      expect(result.status).toBe(0);
      expect(result.records.map((decision) => [decision.mentionId, decision.queue])).toEqual([
        ['m1', 'billing'],
        ['m2', 'billing'],
        ['m3', 'general'],
      ]);
    }
  });

  it('reads CSV with dotted headers into nested fields, numbers coerced', () => {
    const csv = [
      'id,channel,kind,text,createdAt,author.handle,author.followers,author.verified',
      `c1,x,post,"Refund please, it broke",${T(2)},ann,1200,true`,
      `c2,facebook,comment,"Just saying ""hi""",${T(1)},bob,7,false`,
      `c3,x,post,hello,${T(3)},carl,many,false`,
      '',
    ].join('\n');
    const result = simulate(tempDir(), 'mentions.csv', csv);
    expect(result.status).toBe(2);
    expect(result.records.map((decision) => [decision.mentionId, decision.queue])).toEqual([
      ['c1', 'billing'],
      ['c2', 'general'],
    ]);
    expect(result.errors).toEqual(['line 4: author.followers: Invalid input: expected number, received string']);
  });

  it('loads ./rules from the current directory when --packs is not given', () => {
    const dir = tempDir();
    fs.cpSync(RULES, path.join(dir, 'rules'), { recursive: true });
    writeFile(dir, 'mentions.ndjson', ndjson(mentions));
    const result = runCli(['simulate', '--mentions', 'mentions.ndjson'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.records.map((decision) => decision.queue)).toEqual(['billing', 'billing', 'general']);
  });

  it('accepts single workflow files and arrays of workflows given as --packs FILE', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'mentions.ndjson', ndjson(mentions));
    const result = runCli(['simulate', '--mentions', file, '--packs', path.join(RULES, 'routing.json'), '--packs', path.join(RULES, 'escalation.json')]);
    expect(result.status).toBe(0);
    expect(result.records.map((decision) => decision.queue)).toEqual(['billing', 'billing', 'general']);
  });
});

describe('mentionflow simulate: state across the batch', () => {
  it('opens one incident when the 3rd outage mention arrives within 15 minutes, not a second one after', () => {
    // Input order is shuffled; the replay still sees them in createdAt order.
    const batch = [
      mention('o4', 'still down', T(9)),
      mention('o1', 'is the site down?', T(0)),
      mention('o3', 'total outage here', T(7)),
      mention('r1', 'refund me', T(8)),
      mention('o2', 'app down for me too', T(4)),
      mention('o5', 'outage outage', T(40)),
    ];
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(batch));
    expect(result.status).toBe(0);
    const byId = Object.fromEntries(result.records.map((decision) => [decision.mentionId, decision]));
    expect(result.records.map((decision) => decision.mentionId)).toEqual(['o4', 'o1', 'o3', 'r1', 'o2', 'o5']);
    expect(actionTypes(byId.o1!)).not.toContain('open_incident');
    expect(actionTypes(byId.o2!)).not.toContain('open_incident');
    expect(byId.o3!.actions).toContainEqual({ type: 'open_incident', topic: 'outage' });
    expect(actionTypes(byId.o4!)).not.toContain('open_incident');
    expect(actionTypes(byId.o5!)).not.toContain('open_incident');
    const opened = result.records.filter((decision) => actionTypes(decision).includes('open_incident'));
    expect(opened.map((decision) => decision.mentionId)).toEqual(['o3']);
  });

  it('lets the window drain: three outage mentions 10 minutes apart never reach 3 in 15 minutes', () => {
    const batch = [mention('a', 'site down', T(0)), mention('b', 'site down', T(10)), mention('c', 'site down', T(20))];
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(batch));
    expect(result.status).toBe(0);
    expect(result.records.flatMap(actionTypes)).not.toContain('open_incident');
  });
});

describe('mentionflow simulate --now', () => {
  const batch = [
    mention('waiting', 'hello?', T(0)),
    mention('answered', 'hello?', T(0), { firstResponseAt: T(5) }),
    mention('recent', 'hello?', '2025-03-03T11:30:00Z'),
  ];

  it('escalates an unanswered mention waiting past the SLA, not an answered one', () => {
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(batch), '--now', '2025-03-03T12:00:00Z');
    expect(result.status).toBe(0);
    const [waiting, answered, recent] = result.records;
    expect(waiting!.actions).toContainEqual({ type: 'escalate', to: 'supervisor', reason: 'first response overdue' });
    expect(actionTypes(answered!)).not.toContain('escalate');
    expect(actionTypes(recent!)).not.toContain('escalate');
  });

  it('does not escalate without --now', () => {
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(batch));
    expect(result.status).toBe(0);
    expect(result.records.flatMap(actionTypes)).not.toContain('escalate');
  });

  it('rejects a --now that is not an ISO date-time, with the usage', () => {
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(batch), '--now', 'tomorrow');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--now “tomorrow”');
    expect(result.stderr).toContain('Usage: mentionflow simulate');
  });
});

describe('mentionflow simulate --explain', () => {
  it('adds each rule with every condition’s fact value and result, and the path taken', () => {
    const batch = [mention('m1', 'refund please', T(0)), mention('m2', 'nice app', T(1))];
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(batch), '--explain');
    expect(result.status).toBe(0);
    const [refund, other] = result.records;
    expect(refund!.queue).toBe('billing');
    const rule = refund!.explanation.rules.find((trace: { ruleId: string }) => trace.ruleId === 'refund-routing:to-billing');
    expect(rule.fired).toBe(true);
    expect(rule.conditions.children[0]).toMatchObject({ fact: 'text', operator: 'containsTerms', factValue: 'refund please', result: true });
    const outage = refund!.explanation.rules.find((trace: { ruleId: string }) => trace.ruleId === 'outage-spike:open');
    expect(outage.fired).toBe(false);
    expect(outage.conditions.children[0]).toMatchObject({ fact: 'volume', factValue: 0, result: false });
    expect(outage.conditions.children[1]).toMatchObject({ fact: 'incident.open', factValue: false, result: true });
    expect(refund!.explanation.paths).toContainEqual({ workflowId: 'refund-routing', reached: expect.arrayContaining(['is-refund', 'to-billing', 'p2']), outcomes: { 'is-refund': 'yes' } });

    const general = other!.explanation.rules.find((trace: { ruleId: string }) => trace.ruleId === 'refund-routing:to-general');
    expect(general.fired).toBe(true);
    expect(other!.explanation.paths).toContainEqual(expect.objectContaining({ workflowId: 'refund-routing', outcomes: { 'is-refund': 'no' } }));
    expect(refund!.explanation.escalation).toBeUndefined();
  });

  it('explains with the same volumes and incidents the replay used', () => {
    const batch = [mention('o1', 'down', T(0)), mention('o2', 'down', T(1)), mention('o3', 'down', T(2)), mention('o4', 'down', T(3))];
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson(batch), '--explain');
    const spike = (decision: Record<string, any>) =>
      decision.explanation.rules.find((trace: { ruleId: string }) => trace.ruleId === 'outage-spike:open').conditions.children;
    expect(result.records.map((decision) => spike(decision)[0].factValue)).toEqual([1, 2, 3, 4]);
    expect(result.records.map((decision) => spike(decision)[1].factValue)).toEqual([false, false, false, true]);
  });

  it('explains the escalation stage too when --now runs it', () => {
    const result = simulate(tempDir(), 'mentions.ndjson', ndjson([mention('w', 'hello?', T(0))]), '--explain', '--now', '2025-03-03T12:00:00Z');
    expect(result.status).toBe(0);
    const escalation = result.records[0]!.explanation.escalation;
    const rule = escalation.rules.find((trace: { ruleId: string }) => trace.ruleId === 'first-response-sla:escalate');
    expect(rule.fired).toBe(true);
    expect(JSON.stringify(rule.conditions)).toContain('"fact":"minutesWaiting","operator":"greaterThan","value":60,"factValue":120,"result":true');
  });
});

describe('mentionflow simulate: bad input', () => {
  it('reports each bad line with its number and reason, decides the others, and exits 2', () => {
    const lines = [
      JSON.stringify(mention('ok1', 'refund', T(0))),
      '{"id": "broken", ',
      JSON.stringify({ ...mention('nochannel', 'hi', T(1)), channel: undefined }),
      JSON.stringify(mention('wrongtype', 'hi', T(2), { author: { handle: 'x', followers: 'lots' } })),
      JSON.stringify(mention('unknown', 'hi', T(3), { mood: 'happy' })),
      '',
      JSON.stringify(mention('ok1', 'duplicate id', T(4))),
      JSON.stringify(mention('ok2', 'hello', T(5))),
    ];
    const result = simulate(tempDir(), 'mentions.ndjson', lines.join('\n'));
    expect(result.status).toBe(2);
    expect(result.records.map((decision) => decision.mentionId)).toEqual(['ok1', 'ok2']);
    expect(result.errors).toHaveLength(5);
    expect(result.errors[0]).toMatch(/^line 2: not valid JSON/);
    expect(result.errors[1]).toMatch(/^line 3: channel: /);
    expect(result.errors[2]).toBe('line 4: author.followers: Invalid input: expected number, received string');
    expect(result.errors[3]).toBe('line 5: unknown field “mood”');
    expect(result.errors[4]).toBe('line 7: id: duplicate id “ok1” (first on line 1)');
  });

  it('gives JSON array elements their line numbers', () => {
    const text = `[\n${JSON.stringify(mention('a', 'hi', T(0)))},\n${JSON.stringify({ ...mention('b', 'hi', T(1)), createdAt: 'yesterday' })}\n]`;
    const result = simulate(tempDir(), 'mentions.json', text);
    expect(result.status).toBe(2);
    expect(result.records.map((decision) => decision.mentionId)).toEqual(['a']);
    expect(result.errors).toEqual([expect.stringMatching(/^line 3: createdAt: /)]);
  });

  it('fails clearly on a missing mentions file', () => {
    const result = runCli(['simulate', '--mentions', path.join(tempDir(), 'nope.ndjson'), '--packs', RULES]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.errors).toEqual([expect.stringMatching(/cannot read the mentions file “.*nope\.ndjson”: no such file or directory/)]);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('fails when --mentions is missing or an option is unknown, with the usage', () => {
    for (const args of [['simulate', '--packs', RULES], ['simulate', '--mentions', 'x.ndjson', '--frobnicate']]) {
      const result = runCli(args);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^mentionflow simulate: (the option --mentions FILE is required|unknown option --frobnicate)$/m);
      expect(result.stderr).toContain('Usage: mentionflow simulate --mentions FILE');
    }
  });

  it('fails without rules: no --packs and no ./rules', () => {
    const dir = tempDir();
    writeFile(dir, 'mentions.ndjson', ndjson([mention('a', 'hi', T(0))]));
    const result = runCli(['simulate', '--mentions', 'mentions.ndjson'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no rules to run: pass --packs DIR|FILE');
  });

  it('fails on a bad workflow or pack, printing every problem as FILE: path: message', () => {
    const dir = tempDir();
    const workflow = readFixture('rules/routing.json');
    workflow.graph.nodes[1].data.clauses[0].fact = 'nosuch';
    workflow.graph.edges[3].sourceHandle = 'maybe';
    const badWorkflow = writeFile(dir, 'bad-workflow.json', workflow);
    const pack = readFixture('packs/refund-limits.json');
    pack.version = 'one';
    const badPack = writeFile(dir, 'bad-pack.json', pack);
    const notJson = writeFile(dir, 'not-json.json', '{ "id": ');
    const mentions = writeFile(dir, 'mentions.ndjson', ndjson([mention('a', 'hi', T(0))]));
    const result = runCli(['simulate', '--mentions', mentions, '--packs', badWorkflow, '--packs', badPack, '--packs', notJson]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.errors).toContain(`${badWorkflow}: graph.nodes[1].data.clauses[0]: Clause 1: there is no fact “nosuch” for this kind of workflow.`);
    expect(result.errors).toContainEqual(expect.stringMatching(new RegExp(`^${badWorkflow.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: graph\\.edges\\[3\\]: A connection leaves “Condition” from “maybe”`)));
    expect(result.errors).toContain(`${badPack}: version: a semantic version such as "1.2.0"`);
    expect(result.errors).toContainEqual(expect.stringMatching(/not-json\.json: not valid JSON/));
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('fails on a missing --packs path', () => {
    const dir = tempDir();
    const mentions = writeFile(dir, 'mentions.ndjson', ndjson([mention('a', 'hi', T(0))]));
    const result = runCli(['simulate', '--mentions', mentions, '--packs', path.join(dir, 'missing-rules')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot read the rules “.*missing-rules”: no such file or directory/);
  });
});

describe('mentionflow simulate --settings', () => {
  it('uses valid settings, and rejects bad ones naming each field', () => {
    const dir = tempDir();
    const mentions = writeFile(dir, 'mentions.ndjson', ndjson([mention('a', 'refund', T(0))]));
    const good = writeFile(dir, 'settings.json', {
      brand: { names: ['Acme'], handles: ['@acme'], hashtags: [] },
      timezone: 'Europe/Paris',
      businessHours: { days: ['mon', 'tue'], start: '08:00', end: '18:00' },
    });
    const ok = runCli(['simulate', '--mentions', mentions, '--packs', RULES, '--settings', good]);
    expect(ok.status).toBe(0);
    expect(ok.records[0]!.queue).toBe('billing');

    const bad = writeFile(dir, 'bad-settings.json', { brand: { names: [], handles: [], hashtags: [] }, timezone: 'Mars/Olympus', businessHours: { days: ['mon'], start: '9', end: '17:00' }, colour: 'red' });
    const result = runCli(['simulate', '--mentions', mentions, '--packs', RULES, '--settings', bad]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.errors).toEqual([
      `${bad}: timezone: an IANA time zone such as "Europe/Paris"`,
      `${bad}: businessHours.start: a time of day as HH:MM`,
      `${bad}: (settings): unknown field “colour”`,
    ]);
  });
});

describe('mentionflow --help', () => {
  it('documents every command', () => {
    const top = runCli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/simulate[\s\S]*empowerment[\s\S]*packs/);
    const help = runCli(['simulate', '--help']);
    expect(help.status).toBe(0);
    for (const option of ['--mentions', '--packs', '--param', '--settings', '--now', '--explain']) expect(help.stdout).toContain(option);
  });
});
