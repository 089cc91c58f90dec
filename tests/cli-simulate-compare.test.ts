// `mentionflow simulate --compare`: the --packs rules (baseline) against a candidate over the same mentions, one NDJSON
// line per mention in input order, and the API's change summary as text on stderr.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFUND_PACK, RULES, hasStackTrace, mention, ndjson, readFixture, runCli, tempDir, writeFile } from './fixtures/cli/run-cli.ts';

const T = (minute: number) => `2025-03-03T10:${String(minute).padStart(2, '0')}:00Z`;

const mentions = [
  mention('m1', 'I want a refund for order 123', T(5)),
  mention('m2', 'Bonjour, je veux un remboursement', T(0)),
  mention('m3', 'Love the new app', T(3)),
];

/** The fixture routing workflow with refunds sent to `queue` at `priority`. */
function reroutedRouting(queue: string, priority = 'P2') {
  const draft = readFixture('rules/routing.json');
  draft.graph.nodes.find((found: { id: string }) => found.id === 'to-billing').data.queue = queue;
  draft.graph.nodes.find((found: { id: string }) => found.id === 'p2').data.priority = priority;
  return draft;
}

function compare(dir: string, candidate: unknown, ...args: string[]) {
  return runCli(['simulate', '--mentions', writeFile(dir, 'mentions.ndjson', ndjson(mentions)), '--packs', RULES, '--compare', writeFile(dir, 'draft.json', candidate), ...args]);
}

describe('mentionflow simulate --compare', () => {
  it('prints one line per mention in input order, {mentionId, before, after, change}, and the change summary on stderr', () => {
    const result = compare(tempDir(), reroutedRouting('refunds', 'P1'));
    expect(result.status).toBe(0);
    const rows = result.records;
    expect(rows.map((row) => Object.keys(row))).toEqual(Array(3).fill(['mentionId', 'before', 'after', 'change']));
    expect(rows.map((row) => [row.mentionId, row.before.queue, row.after.queue, row.change.fields])).toEqual([
      ['m1', 'billing', 'refunds', ['queue', 'priority']],
      ['m2', 'billing', 'refunds', ['queue', 'priority']],
      ['m3', 'general', 'general', []],
    ]);
    expect(rows[0]!.change).toMatchObject({ changed: true, queue: { from: 'billing', to: 'refunds' }, priority: { from: 'P2', to: 'P1' } });
    expect(rows[2]!.change.changed).toBe(false);
    expect(result.stderr).toBe(
      [
        'Compared 3 mentions: 2 changed (66.7%)',
        '',
        '  queue    before  after  change',
        '  billing       2      0      −2',
        '  general       1      1',
        '  refunds       0      2      +2',
        '',
        '  priority  before  after  change',
        '  P1             0      2      +2',
        '  P2             2      0      −2',
        '  P3             1      1',
        '  P4             0      0',
        '',
        'Queue, before → after (rows: before, columns: after):',
        '           general  refunds',
        '  billing        0        2',
        '  general        1        0',
        '',
        'Priority, before → after (rows: before, columns: after):',
        '      P1  P3',
        '  P2   2   0',
        '  P3   0   1',
        '',
      ].join('\n'),
    );
  });

  it('the candidate replaces workflows with the same id and adds new ones; the rest of the baseline runs as is', () => {
    const dir = tempDir();
    const tagger = {
      id: 'love-tagger',
      name: 'Love',
      kind: 'routing',
      description: '',
      graph: {
        nodes: [
          { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
          { id: 'loves', type: 'condition', position: { x: 0, y: 100 }, data: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: ['love'] }] } },
          { id: 'tag', type: 'tag', position: { x: 0, y: 200 }, data: { tags: ['praise'] } },
        ],
        edges: [
          { id: 'e1', source: 'start', target: 'loves' },
          { id: 'e2', source: 'loves', target: 'tag', sourceHandle: 'yes' },
        ],
      },
    };
    const result = compare(dir, [tagger], '--compare', writeFile(dir, 'routing-draft.json', reroutedRouting('refunds')));
    expect(result.status).toBe(0);
    expect(result.records.map((row) => [row.after.queue, row.change.tagsAdded])).toEqual([
      ['refunds', []],
      ['refunds', []],
      ['general', ['praise']],
    ]);
    // The outage and escalation fixture workflows still ran on both sides.
    expect(result.records[0]!.before.facts).toEqual(result.records[0]!.after.facts);
    expect(result.errors[0]).toBe('Compared 3 mentions: 3 changed (100.0%)');
  });

  it('--explain adds both sides’ explanations to every line', () => {
    const result = compare(tempDir(), reroutedRouting('refunds'), '--explain');
    expect(result.status).toBe(0);
    const [row] = result.records;
    expect(Object.keys(row!.explanation)).toEqual(['before', 'after']);
    const rule = (side: 'before' | 'after', id: string) => row!.explanation[side].rules.find((found: { ruleId: string }) => found.ruleId === id);
    expect(rule('before', 'refund-routing:to-billing')).toMatchObject({ fired: true, action: { queue: 'billing' } });
    expect(rule('after', 'refund-routing:to-billing')).toMatchObject({ fired: true, action: { queue: 'refunds' } });
    expect(row!.explanation.after.paths.length).toBeGreaterThan(0);
  });

  it('reports rejected lines and exits 2; the summary counts the others', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'mentions.ndjson', `${ndjson(mentions.slice(0, 2))}{ broken\n`);
    const result = runCli(['simulate', '--mentions', file, '--packs', RULES, '--compare', writeFile(dir, 'draft.json', reroutedRouting('refunds'))]);
    expect(result.status).toBe(2);
    expect(result.records).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^line 3: not valid JSON/);
    expect(result.errors[1]).toBe('Compared 2 mentions: 2 changed (100.0%)');
  });

  it('applies --param to the pack on either side; bad candidate rules or an unknown pack are fatal (exit 1)', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'mentions.ndjson', ndjson(mentions));
    const withParam = runCli(['simulate', '--mentions', file, '--packs', RULES, '--compare', REFUND_PACK, '--param', 'refund-limits.agentLimit=50']);
    expect(withParam.errors.some((line) => line.includes('no pack'))).toBe(false);
    expect(withParam.status).toBe(0);
    const unknown = runCli(['simulate', '--mentions', file, '--packs', RULES, '--compare', REFUND_PACK, '--param', 'nope.x=1']);
    expect(unknown.status).toBe(1);
    expect(unknown.errors).toEqual(['--param: no pack with the id “nope” is loaded']);
    const broken = reroutedRouting('refunds');
    broken.graph.nodes[1].data.clauses[0].fact = 'moodRing';
    const bad = compare(dir, broken);
    expect(bad.status).toBe(1);
    expect(bad.errors[0]).toContain(`${path.join(dir, 'draft.json')}: graph.nodes[1].data.clauses[0]`);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    expect(runCli(['simulate', '--mentions', file, '--compare', path.join(dir, 'missing.json'), '--packs', RULES]).status).toBe(1);
  });
});
