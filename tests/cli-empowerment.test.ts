// `mentionflow empowerment`: one {requestId, allowed, requiresApproval, reason} line per request, in input order.
import { describe, expect, it } from 'vitest';
import { REFUND_PACK, hasStackTrace, ndjson, readFixture, runCli, tempDir, writeFile } from './fixtures/cli/run-cli.ts';

const request = (id: string, agentTier: string, remedy: string, amount: number, extra: Record<string, unknown> = {}) => ({
  id,
  agentTier,
  remedy,
  amount,
  currency: 'EUR',
  ...extra,
});

const requests = [
  request('small', 'agent', 'refund', 20),
  request('large', 'agent', 'refund', 120, { customerTier: 'gold' }),
  request('supervisor', 'supervisor', 'refund', 120),
  request('voucher', 'agent', 'voucher', 500),
];

function empowerment(dir: string, file: string, content: unknown, ...args: string[]) {
  return runCli(['empowerment', '--requests', writeFile(dir, file, content), '--packs', REFUND_PACK, ...args]);
}

describe('mentionflow empowerment', () => {
  it('answers each request in input order: allowed, or who must approve', () => {
    const result = empowerment(tempDir(), 'requests.ndjson', ndjson(requests));
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.records).toEqual([
      { requestId: 'small', allowed: true, requiresApproval: null, reason: expect.stringMatching(/within an? agent's limits/) },
      { requestId: 'large', allowed: false, requiresApproval: 'supervisor', reason: 'refunds over the agent limit need a supervisor' },
      { requestId: 'supervisor', allowed: true, requiresApproval: null, reason: expect.stringContaining("within a supervisor's authority") },
      { requestId: 'voucher', allowed: true, requiresApproval: null, reason: expect.stringMatching(/within an? agent's limits/) },
    ]);
  });

  it('reads a JSON array and CSV', () => {
    const dir = tempDir();
    const json = empowerment(dir, 'requests.json', JSON.stringify(requests.slice(0, 2), null, 2));
    expect(json.status).toBe(0);
    expect(json.records.map((answer) => [answer.requestId, answer.requiresApproval])).toEqual([
      ['small', null],
      ['large', 'supervisor'],
    ]);
    const csv = empowerment(dir, 'requests.csv', 'id,agentTier,remedy,amount,currency,customerTier\nc1,agent,refund,49.5,EUR,\nc2,senior,refund,51,USD,vip\n');
    expect(csv.status).toBe(0);
    expect(csv.records.map((answer) => [answer.requestId, answer.allowed])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
  });

  it('overrides a pack parameter with --param', () => {
    const dir = tempDir();
    const result = empowerment(dir, 'requests.ndjson', ndjson(requests), '--param', 'refund-limits.agentLimit=200');
    expect(result.status).toBe(0);
    expect(result.records.every((answer) => answer.allowed)).toBe(true);

    const unknown = empowerment(dir, 'requests.ndjson', ndjson(requests), '--param', 'refund-limits.ceiling=200');
    expect(unknown.status).toBe(1);
    expect(unknown.errors).toEqual([`${REFUND_PACK}: parameters.ceiling: the pack has no parameter “ceiling”`]);

    const invalid = empowerment(dir, 'requests.ndjson', ndjson(requests), '--param', 'refund-limits.agentLimit=lots');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('parameters.agentLimit: invalid value');

    const malformed = empowerment(dir, 'requests.ndjson', ndjson(requests), '--param', 'agentLimit');
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toContain('--param “agentLimit”: expected PACK.NAME=VALUE');
    expect(malformed.stderr).toContain('Usage: mentionflow empowerment');

    const noPack = empowerment(dir, 'requests.ndjson', ndjson(requests), '--param', 'other-pack.limit=1');
    expect(noPack.status).toBe(1);
    expect(noPack.stderr).toContain('--param: no pack with the id “other-pack” is loaded');
  });

  it('runs an empowerment workflow file as well as a pack', () => {
    const dir = tempDir();
    const workflow = readFixture('packs/refund-limits.json').workflows[0];
    workflow.graph.nodes[1].data.clauses[0].value = 100;
    const rules = writeFile(dir, 'refunds.json', workflow);
    const result = runCli(['empowerment', '--requests', writeFile(dir, 'requests.ndjson', ndjson(requests)), '--packs', rules]);
    expect(result.status).toBe(0);
    expect(result.records.map((answer) => answer.allowed)).toEqual([true, false, true, true]);
  });

  it('reports bad lines with their numbers, answers the others, and exits 2', () => {
    const lines = [
      JSON.stringify(request('ok', 'agent', 'refund', 10)),
      JSON.stringify(request('amount', 'agent', 'refund', 10, { amount: 'ten' })),
      JSON.stringify(request('currency', 'agent', 'refund', 10, { currency: 'euro' })),
      JSON.stringify(request('tier', 'intern', 'refund', 10)),
      JSON.stringify(request('extra', 'agent', 'refund', 10, { note: 'please' })),
      JSON.stringify({ agentTier: 'agent', remedy: 'refund', amount: 1, currency: 'EUR' }),
      'not json',
      JSON.stringify(request('ok', 'agent', 'refund', 99)),
      JSON.stringify(request('ok2', 'agent', 'refund', 99)),
    ];
    const result = empowerment(tempDir(), 'requests.ndjson', lines.join('\n'));
    expect(result.status).toBe(2);
    expect(result.records.map((answer) => [answer.requestId, answer.allowed])).toEqual([
      ['ok', true],
      ['ok2', false],
    ]);
    expect(result.errors).toEqual([
      'line 2: amount: Invalid input: expected number, received string',
      'line 3: currency: an ISO 4217 currency code such as "EUR"',
      expect.stringMatching(/^line 4: agentTier: /),
      'line 5: unknown field “note”',
      expect.stringMatching(/^line 6: id: /),
      expect.stringMatching(/^line 7: not valid JSON/),
      'line 8: id: duplicate id “ok” (first on line 1)',
    ]);
  });

  it('fails clearly on a missing --requests or a missing file', () => {
    const missingOption = runCli(['empowerment', '--packs', REFUND_PACK]);
    expect(missingOption.status).toBe(1);
    expect(missingOption.stderr).toContain('mentionflow empowerment: the option --requests FILE is required');
    expect(missingOption.stderr).toContain('Usage: mentionflow empowerment --requests FILE');

    const missingFile = runCli(['empowerment', '--requests', '/nonexistent/requests.ndjson', '--packs', REFUND_PACK]);
    expect(missingFile.status).toBe(1);
    expect(missingFile.errors).toEqual(['cannot read the requests file “/nonexistent/requests.ndjson”: no such file or directory']);
    expect(hasStackTrace(missingFile.stderr)).toBe(false);
  });

  it('has a --help', () => {
    const result = runCli(['empowerment', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: mentionflow empowerment --requests FILE');
  });
});
