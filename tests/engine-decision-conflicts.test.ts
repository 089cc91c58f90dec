import { describe, expect, it } from 'vitest';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { engineFor } from './support/engine.ts';
import { mention } from './support/mentions.ts';

const always = (id: string, actions: [string, string, Record<string, unknown>][]) =>
  workflow(
    id,
    'routing',
    [trigger(), ...actions.map(([nodeId, type, data]) => node(nodeId, type, data))],
    actions.map(([nodeId]) => edge('start', nodeId)),
  );

describe('one decision from many rules: the documented conflict rules', () => {
  it('the most urgent priority any rule sets wins; raises apply on top and do not stack', () => {
    const engine = engineFor([
      always('a', [['p3', 'set_priority', { mode: 'set', priority: 'P3' }], ['p2', 'set_priority', { mode: 'set', priority: 'P2' }]]),
      always('b', [['up1', 'set_priority', { mode: 'raise', raise: 1 }], ['up1b', 'set_priority', { mode: 'raise', raise: 1 }]]),
    ]);
    expect(engine.decide({ mention: mention() }).priority).toBe('P1');
  });

  it('defaults to P3 and no queue when nothing routes', () => {
    const decision = engineFor([always('a', [['t', 'tag', { tags: ['seen'] }]])]).decide({ mention: mention() });
    expect(decision.priority).toBe('P3');
    expect(decision.queue).toBeNull();
  });

  it('the route of the best-ranked firing rule wins, across workflows', () => {
    const engine = engineFor([
      always('triage', [['general', 'route', { queue: 'general', rank: 90 }], ['vip', 'route', { queue: 'vip', rank: 30 }]]),
      always('outage', [['incident', 'route', { queue: 'incident', rank: 20 }]]),
    ]);
    expect(engine.decide({ mention: mention() }).queue).toBe('incident');
  });

  it('tags unite and identical actions appear once', () => {
    const engine = engineFor([
      always('a', [['t1', 'tag', { tags: ['pii', 'vip'] }], ['n1', 'notify', { target: 'supervisor', message: 'look' }]]),
      always('b', [['t2', 'tag', { tags: ['vip', 'praise'] }], ['n2', 'notify', { target: 'supervisor', message: 'look' }]]),
    ]);
    const decision = engine.decide({ mention: mention() });
    expect(decision.tags).toEqual(['pii', 'vip', 'praise']);
    expect(decision.actions.filter((action) => action.type === 'notify')).toHaveLength(1);
  });

  it('hide is honoured only for spam; any other reason is dropped with an explanation', () => {
    const engine = engineFor([always('a', [['h', 'hide', { reason: 'abuse' }], ['t', 'tag', { tags: ['abusive'] }]])]);
    const decision = engine.decide({ mention: mention() });
    expect(decision.actions.some((action) => action.type === 'hide')).toBe(false);
    expect(decision.tags).toEqual(['abusive']);
    expect(decision.dropped).toEqual([{ action: { type: 'hide', reason: 'abuse' }, reason: expect.stringMatching(/only spam/) }]);
  });

  it('spam overrides what else fired: its queue and priority, no replies, tags kept', () => {
    const engine = engineFor([
      always('triage', [['urgent', 'route', { queue: 'urgent', rank: 10 }], ['p1', 'set_priority', { mode: 'set', priority: 'P1' }], ['ack', 'auto_acknowledge', { template: 'ack' }], ['t', 'tag', { tags: ['urgent'] }]]),
      always('spam', [['hide', 'hide', { reason: 'spam' }], ['p4', 'set_priority', { mode: 'set', priority: 'P4' }], ['q', 'route', { queue: 'spam', rank: 0 }]]),
    ]);
    const decision = engine.decide({ mention: mention() });
    expect(decision).toMatchObject({ priority: 'P4', queue: 'spam', tags: ['urgent'], actions: [{ type: 'hide', reason: 'spam' }] });
    expect(decision.dropped.map((entry) => entry.action.type).sort()).toEqual(['auto_acknowledge', 'route', 'set_priority']);
  });

  it('an open incident notice replaces the individual acknowledgement', () => {
    const engine = engineFor([always('a', [['ack', 'auto_acknowledge', { template: 'ack' }], ['link', 'link_to_notice', { topic: 'outage' }]])]);
    const decision = engine.decide({ mention: mention() });
    expect(decision.actions.map((action) => action.type)).toEqual(['link_to_notice']);
    expect(decision.dropped[0]!.reason).toMatch(/notice/);
  });

  it('moving to private or holding replies replaces the acknowledgement; only one acknowledgement goes out', () => {
    const privateEngine = engineFor([always('a', [['ack', 'auto_acknowledge', { template: 'ack' }], ['mp', 'move_to_private', { reason: 'pii', template: 'move' }]])]);
    expect(privateEngine.decide({ mention: mention() }).actions.map((action) => action.type)).toEqual(['move_to_private']);
    const heldEngine = engineFor([always('a', [['ack', 'auto_acknowledge', { template: 'ack' }], ['hold', 'hold_reply', { reason: 'limit' }]])]);
    expect(heldEngine.decide({ mention: mention() }).actions.map((action) => action.type)).toEqual(['hold_reply']);
    const twice = engineFor([always('a', [['ack1', 'auto_acknowledge', { template: 'ack-one' }], ['ack2', 'auto_acknowledge', { template: 'ack-two' }]])]);
    expect(twice.decide({ mention: mention() }).actions).toEqual([{ type: 'auto_acknowledge', template: 'ack-one' }]);
  });

  it('follow-ups get a due time from the decision time', () => {
    const engine = engineFor([always('a', [['f', 'schedule_follow_up', { when: 'after', after: '3d', template: 'follow-up' }]])]);
    const decision = engine.decide({ mention: mention({ createdAt: '2026-03-02T10:00:00Z' }) });
    expect(decision.actions).toEqual([{ type: 'schedule_follow_up', after: '3d', template: 'follow-up', dueAt: '2026-03-05T10:00:00.000Z' }]);
  });

  it('records which rules fired and the derived facts they used', () => {
    const engine = engineFor([
      workflow('w', 'routing', [trigger(), condition('neg', [['sentiment', 'lessThan', -0.3]]), node('t', 'tag', { tags: ['unhappy'] })], [edge('start', 'neg'), edge('neg', 't', 'yes')]),
    ]);
    const decision = engine.decide({ mention: mention({ text: 'Worst airline ever, I hate you, terrible service' }) });
    expect(decision.fired).toEqual([{ workflowId: 'w', ruleId: 'w:t', nodeId: 't' }]);
    expect(decision.facts.sentiment).toBeLessThan(-0.3);
    expect(Object.keys(decision.facts)).toEqual(['sentiment']);
  });
});

describe('escalating a ticket', () => {
  it('starts from the ticket’s priority: raises count from it and nothing lowers it', () => {
    const raise = engineFor([
      workflow('esc', 'escalation', [trigger('escalation'), node('up', 'set_priority', { mode: 'raise', raise: 1 })], [edge('start', 'up')]),
    ]);
    const ticket = { priority: 'P2' as const, queue: 'support', status: 'open' as const, firstResponseSent: false, escalatedTo: [], tags: [] };
    expect(raise.escalate({ mention: mention(), now: '2026-03-02T11:00:00Z', ticket }).priority).toBe('P1');
    const lower = engineFor([
      workflow('esc', 'escalation', [trigger('escalation'), node('p4', 'set_priority', { mode: 'set', priority: 'P4' })], [edge('start', 'p4')]),
    ]);
    expect(lower.escalate({ mention: mention(), now: '2026-03-02T11:00:00Z', ticket }).priority).toBe('P2');
  });
});
