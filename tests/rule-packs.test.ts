// Every pack in rules/ runs its own tests here, through one loop (and through `mentionflow packs test` in CI).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackSchema, packJsonSchema, runPackTests } from '../packages/engine/src/index.ts';

const RULES = join(import.meta.dirname, '..', 'rules');
const packFiles = readdirSync(RULES).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).sort();

describe('the starter packs in rules/', () => {
  it('are all there', () => {
    expect(packFiles.map((name) => name.replace(/\.json$/, ''))).toEqual(
      expect.arrayContaining(['priority-triage', 'private-channel', 'reply-twice', 'spam-and-abuse', 'sla-escalation', 'outage-notice', 'follow-up', 'empowerment-limits']),
    );
  });

  it('match the committed JSON Schema, generated from the pack schema', () => {
    const committed = JSON.parse(readFileSync(join(RULES, 'pack.schema.json'), 'utf8'));
    expect(committed).toEqual(packJsonSchema());
  });

  for (const file of packFiles) {
    describe(file, () => {
      const pack = JSON.parse(readFileSync(join(RULES, file), 'utf8'));

      it('is named after its id and carries at least 10 tests of its own', () => {
        const parsed = PackSchema.parse(pack);
        expect(`${parsed.id}.json`).toBe(file);
        expect(parsed.tests.length).toBeGreaterThanOrEqual(10);
      });

      it('passes its own tests', () => {
        const report = runPackTests(pack);
        const failures = [
          ...report.problems.map((problem) => `${problem.path}: ${problem.message}`),
          ...report.results.filter((result) => !result.passed).map((result) => `${result.name}: ${result.failures.join('; ')}`),
        ];
        expect(failures).toEqual([]);
      });
    });
  }
});
