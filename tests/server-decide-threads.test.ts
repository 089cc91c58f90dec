// Ingest's decide threads decide exactly as the engine does in the calling thread (with the language and sentiment
// ingest stores): every starter pack, mentions of every kind, the rules replaced mid-way, and engine errors reported
// with their code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compilePack, EngineError, RuleEngine, type CompiledWorkflow, type MentionEvaluation } from '../packages/engine/src/index.ts';
import { DecidePool } from '../apps/server/src/ingest/decide-pool.ts';
import { decide } from '../apps/server/src/ingest/decided.ts';
import { silentLogger } from '../apps/server/src/log.ts';
import { mentionTemplates, mentionJson } from './bench/ingest-mentions.ts';
import { settings } from './support/mentions.ts';

const RULES = join(import.meta.dirname, '..', 'rules');
const workflows: CompiledWorkflow[] = readdirSync(RULES)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .sort()
  .flatMap((name) => {
    const result = compilePack(JSON.parse(readFileSync(join(RULES, name), 'utf8')));
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
    return result.workflows;
  });

const now = '2026-03-03T19:30:00.000Z';
const evaluations: MentionEvaluation[] = mentionTemplates(300).map((template, index) => ({
  mention: JSON.parse(mentionJson(template, `thread-${index}`, Date.parse(now))),
  now,
  volumes: { [`volume-${index % 3}`]: index % 7 },
  openIncidents: index % 2 ? ['outage'] : [],
}));

const pool = new DecidePool(2, silentLogger);
afterAll(() => pool.stop());

async function ready(): Promise<void> {
  pool.start();
  const until = Date.now() + 60_000;
  while (!pool.ready && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(pool.ready).toBe(true);
}

describe('decide threads', () => {
  it('decide every mention as the engine does here, in order, however the requests are split', { timeout: 90_000 }, async () => {
    await ready();
    const engine = new RuleEngine({ workflows, settings });
    const expected = evaluations.map((evaluation) => decide(engine, evaluation));
    // One request of many mentions, and many requests in one turn: all answered in their own order.
    expect(await pool.decide(engine, evaluations)).toEqual(expected);
    const singles = await Promise.all(evaluations.map((evaluation) => pool.decide(engine, [evaluation])));
    expect(singles.flat()).toEqual(expected);
  });

  it('follow the rules each request was made with when they are replaced', { timeout: 90_000 }, async () => {
    await ready();
    const before = new RuleEngine({ workflows, settings });
    const after = new RuleEngine({ workflows: workflows.filter((workflow) => !workflow.workflowId.startsWith('triage')), settings: { ...settings, defaultLanguage: 'fr' } });
    const some = evaluations.slice(0, 40);
    const [old, fresh] = await Promise.all([pool.decide(before, some), pool.decide(after, some)]);
    expect(old).toEqual(some.map((evaluation) => decide(before, evaluation)));
    expect(fresh).toEqual(some.map((evaluation) => decide(after, evaluation)));
    expect(fresh).not.toEqual(old);
  });

  it('report an engine error with its code', { timeout: 90_000 }, async () => {
    await ready();
    const unknownFact = { workflowId: 'broken', name: 'broken', kind: 'routing', reach: {}, rules: [{ name: 'r', conditions: { all: [{ fact: 'no.such.fact', operator: 'equal', value: 1 }] }, event: { type: 'route', params: { queue: 'x' } } }] };
    const engine = new RuleEngine({ workflows: [unknownFact as unknown as CompiledWorkflow], settings });
    expect(() => engine.decide(evaluations[0]!)).toThrow(EngineError);
    const error = await pool.decide(engine, [evaluations[0]!]).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'UNKNOWN_FACT', message: 'unknown fact "no.such.fact"' });
  });
});
