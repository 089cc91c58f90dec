import { describe, expect, it } from 'vitest';
import { compileWorkflow, type CompiledWorkflow } from '../packages/engine/src/index.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';

function compiled(input: unknown): CompiledWorkflow {
  const result = compileWorkflow(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.workflow;
}

const refundRouting = workflow(
  'refunds',
  'routing',
  [
    trigger(),
    condition('is-refund', [['text', 'containsTerms', ['refund', 'remboursement']]]),
    node('to-billing', 'route', { queue: 'billing', rank: 20 }),
    node('p2', 'set_priority', { mode: 'set', priority: 'P2' }),
    node('to-general', 'route', { queue: 'general', rank: 90 }),
  ],
  [edge('start', 'is-refund'), edge('is-refund', 'to-billing', 'yes'), edge('to-billing', 'p2'), edge('is-refund', 'to-general', 'no')],
);

describe('compiling a workflow graph to json-rules-engine rules', () => {
  it('gives one rule per action node, carrying the conditions of the path to it', () => {
    const { rules } = compiled(refundRouting);
    expect(rules.map((rule) => rule.name)).toEqual(['refunds:to-billing', 'refunds:to-general', 'refunds:p2']);
    const billing = rules[0]!;
    expect(billing.conditions).toEqual({
      all: [{ fact: 'text', operator: 'containsTerms', value: ['refund', 'remboursement'], name: 'is-refund#0' }],
      name: 'is-refund',
    });
    expect(billing.event).toEqual({
      type: 'route',
      params: { action: { type: 'route', queue: 'billing' }, workflowId: 'refunds', nodeId: 'to-billing', rank: 20 },
    });
  });

  it('compiles a "no" branch to `not`', () => {
    const general = compiled(refundRouting).rules.find((rule) => rule.name === 'refunds:to-general')!;
    expect(general.conditions).toEqual({
      not: { all: [{ fact: 'text', operator: 'containsTerms', value: ['refund', 'remboursement'], name: 'is-refund#0' }], name: 'is-refund' },
      name: 'is-refund:no',
    });
  });

  it('an action after an action inherits its conditions', () => {
    const rules = compiled(refundRouting).rules;
    const p2 = rules.find((rule) => rule.name === 'refunds:p2')!;
    expect(p2.conditions).toEqual(rules[0]!.conditions);
  });

  it('compiles converging paths to `any`', () => {
    const converging = workflow(
      'urgent',
      'routing',
      [
        trigger(),
        condition('words', [['text', 'containsTerms', ['urgent']]]),
        condition('reach', [['author.followers', 'greaterThanInclusive', 10000]]),
        node('p1', 'set_priority', { mode: 'set', priority: 'P1' }),
      ],
      [edge('start', 'words'), edge('start', 'reach'), edge('words', 'p1', 'yes'), edge('reach', 'p1', 'yes')],
    );
    const [rule] = compiled(converging).rules;
    expect(rule!.conditions).toEqual({
      any: [
        { all: [{ fact: 'text', operator: 'containsTerms', value: ['urgent'], name: 'words#0' }], name: 'words' },
        { all: [{ fact: 'author.followers', operator: 'greaterThanInclusive', value: 10000, name: 'reach#0' }], name: 'reach' },
      ],
    });
  });

  it('conjoins nested conditions and the trigger filter along a path', () => {
    const nested = workflow(
      'nested',
      'routing',
      [
        node('start', 'routing_trigger', { channels: ['x', 'facebook'] }),
        condition('public', [['visibility', 'equal', 'public']]),
        condition('card', [['pii.card', 'equal', true]]),
        node('private', 'move_to_private', { reason: 'card number', template: 'move-to-private' }),
      ],
      [edge('start', 'public'), edge('public', 'card', 'yes'), edge('card', 'private', 'yes')],
    );
    const [rule] = compiled(nested).rules;
    expect(rule!.conditions).toEqual({
      all: [
        { fact: 'channel', operator: 'in', value: ['x', 'facebook'] },
        { all: [{ fact: 'visibility', operator: 'equal', value: 'public', name: 'public#0' }], name: 'public' },
        { all: [{ fact: 'pii.card', operator: 'equal', value: true, name: 'card#0' }], name: 'card' },
      ],
    });
  });

  it('gives an unconditional action an empty `all`', () => {
    const always = workflow('always', 'routing', [trigger(), node('tag', 'tag', { tags: ['seen'] })], [edge('start', 'tag')]);
    expect(compiled(always).rules[0]!.conditions).toEqual({ all: [] });
  });

  it('orders rules and json-rules-engine priorities by the visible rank', () => {
    const { rules } = compiled(refundRouting);
    const byName = Object.fromEntries(rules.map((rule) => [rule.name, rule.priority]));
    expect(byName['refunds:to-billing']).toBeGreaterThan(byName['refunds:to-general']!);
    expect(byName['refunds:p2']).toBe(1001 - 100);
  });

  it('is deterministic: the same graph gives the same JSON', () => {
    expect(JSON.stringify(compiled(refundRouting))).toBe(JSON.stringify(compiled(structuredClone(refundRouting))));
  });

  it('records for every reachable node the condition under which it is reached', () => {
    const { reach } = compiled(refundRouting);
    expect(Object.keys(reach)).toEqual(['is-refund', 'p2', 'start', 'to-billing', 'to-general']);
    expect(reach.start).toEqual({ all: [] });
  });

  it('binds pack parameters before compiling', () => {
    const parametrized = workflow(
      'vip',
      'routing',
      [trigger(), condition('big', [['author.followers', 'greaterThanInclusive', { $param: 'influencerFollowers' }]]), node('tag', 'tag', { tags: ['influencer'] })],
      [edge('start', 'big'), edge('big', 'tag', 'yes')],
    );
    const result = compileWorkflow(parametrized, { parameters: { influencerFollowers: 5000 } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.workflow.rules[0]!.conditions)).toContain('"value":5000');
  });
});
