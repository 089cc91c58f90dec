import { describe, expect, it } from 'vitest';
import type { ConditionTrace, FactTrace } from '../packages/engine/src/index.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { engineFor } from './support/engine.ts';
import { mention } from './support/mentions.ts';

function leaves(trace: ConditionTrace): FactTrace[] {
  return trace.kind === 'fact' ? [trace] : trace.children.flatMap(leaves);
}

const vipRouting = workflow(
  'vip',
  'routing',
  [
    trigger(),
    condition('influencer', [['author.followers', 'greaterThanInclusive', 10000], ['author.verified', 'equal', true]], 'any'),
    condition('unhappy', [['sentiment', 'lessThan', -0.3]]),
    node('to-vip', 'route', { queue: 'vip', rank: 30 }),
    node('to-general', 'route', { queue: 'general', rank: 90 }),
  ],
  [edge('start', 'influencer'), edge('influencer', 'unhappy', 'yes'), edge('unhappy', 'to-vip', 'yes'), edge('influencer', 'to-general', 'no')],
);

describe('explaining a decision: why did (or didn’t) my rule fire', () => {
  it('shows every rule with each condition’s fact value and result', async () => {
    const engine = engineFor([vipRouting]);
    const explanation = await engine.explain('ingest', { mention: mention({ text: 'Thanks, lovely flight!', author: { handle: '@big', followers: 25000 } }) });
    expect(explanation.rules.map((rule) => [rule.nodeId, rule.fired])).toEqual([
      ['to-general', false],
      ['to-vip', false],
    ]);
    const vip = explanation.rules.find((rule) => rule.nodeId === 'to-vip')!;
    const clauses = leaves(vip.conditions);
    expect(clauses.map((clause) => [clause.fact, clause.factValue, clause.result])).toEqual([
      ['author.followers', 25000, true],
      ['author.verified', false, false],
      ['sentiment', expect.any(Number), false],
    ]);
    const sentiment = clauses[2]!;
    expect(sentiment.factValue as number).toBeGreaterThan(0);
    expect(sentiment).toMatchObject({ nodeId: 'unhappy', clauseIndex: 0, text: 'sentiment is less than -0.3' });
  });

  it('marks the path taken through the graph and the branch where a rule stopped', async () => {
    const engine = engineFor([vipRouting]);
    const explanation = await engine.explain('ingest', { mention: mention({ text: 'Thanks, lovely flight!', author: { handle: '@big', followers: 25000 } }) });
    expect(explanation.paths).toEqual([{ workflowId: 'vip', reached: ['influencer', 'start', 'unhappy'], outcomes: { influencer: 'yes', unhappy: 'no' } }]);
  });

  it('agrees with the fast path on the decision', async () => {
    const engine = engineFor([vipRouting]);
    const input = { mention: mention({ text: 'Worst service, I hate this', author: { handle: '@big', followers: 25000 } }) };
    const explanation = await engine.explain('ingest', input);
    expect(explanation.decision.queue).toBe('vip');
    expect({ ...explanation.decision, facts: {} }).toEqual({ ...engine.decide(input), facts: {} });
    expect(explanation.paths[0]!.reached).toContain('to-vip');
  });
});
