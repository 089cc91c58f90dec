// The compiled closures and json-rules-engine must reach the same events and decisions, on any rule set and mention.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, RuleEngine, compileWorkflow, type Mention, type WorkflowInput } from '../packages/engine/src/index.ts';
import { settings } from './support/mentions.ts';

const WORDS = ['refund', 'urgent', 'bloqué', 'stranded', 'great', 'terrible', 'hate', 'love', 'acme', 'air', 'order', 'panne', 'merci', 'not', 'working', 'help'];

const clause = fc.oneof(
  fc.tuple(fc.constantFrom('containsTerms', 'notContainsTerms'), fc.uniqueArray(fc.constantFrom(...WORDS, 'not working', 'acme air'), { minLength: 1, maxLength: 4 })).map(([operator, value]) => ({ fact: 'text', operator, value })),
  fc.tuple(fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'), fc.integer({ min: 0, max: 5000 })).map(([operator, value]) => ({ fact: 'author.followers', operator, value })),
  fc.tuple(fc.constantFrom('lessThan', 'greaterThan'), fc.double({ min: -1, max: 1, noNaN: true })).map(([operator, value]) => ({ fact: 'sentiment', operator, value })),
  fc.boolean().map((value) => ({ fact: 'author.verified', operator: 'equal', value })),
  fc.tuple(fc.constantFrom('in', 'notIn'), fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 3 })).map(([operator, value]) => ({ fact: 'channel', operator, value })),
  fc.constantFrom('public', 'private').map((value) => ({ fact: 'visibility', operator: 'equal', value })),
  fc.boolean().map((value) => ({ fact: 'pii.any', operator: 'equal', value })),
  fc.constantFrom('handle', 'hashtag', 'name', 'none').map((value) => ({ fact: 'brand.mention', operator: 'notEqual', value })),
  fc.integer({ min: 0, max: 4 }).map((value) => ({ fact: 'conversation.brandReplies', operator: 'greaterThanInclusive', value })),
  fc.uniqueArray(fc.constantFrom('standard', 'silver', 'gold', 'vip'), { minLength: 1, maxLength: 2 }).map((value) => ({ fact: 'customer.tier', operator: 'in', value })),
  fc.constantFrom('en', 'fr', 'de').map((value) => ({ fact: 'language', operator: 'equal', value })),
  fc.constantFrom('ref(und)?', '^help', 'o+r').map((value) => ({ fact: 'text', operator: 'matchesPattern', value })),
);

const action = fc.oneof(
  fc.record({ type: fc.constant('route'), data: fc.record({ queue: fc.constantFrom('billing', 'urgent', 'vip', 'general'), rank: fc.integer({ min: 0, max: 100 }) }) }),
  fc.record({ type: fc.constant('tag'), data: fc.record({ tags: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 2 }) }) }),
  fc.record({ type: fc.constant('set_priority'), data: fc.oneof(fc.record({ mode: fc.constant('set'), priority: fc.constantFrom('P1', 'P2', 'P3', 'P4') }), fc.record({ mode: fc.constant('raise'), raise: fc.integer({ min: 1, max: 2 }) })) }),
  fc.record({ type: fc.constant('auto_acknowledge'), data: fc.record({ template: fc.constantFrom('ack', 'ack-2') }) }),
  fc.record({ type: fc.constant('hide'), data: fc.record({ reason: fc.constantFrom('spam', 'abuse') }) }),
  fc.record({ type: fc.constant('hold_reply'), data: fc.constant({ reason: 'limit' }) }),
);

/** A random DAG: each condition hangs off the trigger or an earlier condition; actions hang off conditions. */
const randomWorkflow = (id: string) =>
  fc
    .record({
      conditions: fc.array(fc.record({ clauses: fc.array(clause, { minLength: 1, maxLength: 3 }), combinator: fc.constantFrom('all', 'any'), parent: fc.nat(), handle: fc.constantFrom('yes', 'no') }), { minLength: 1, maxLength: 5 }),
      actions: fc.array(fc.record({ action, parent: fc.nat(), handle: fc.constantFrom('yes', 'no') }), { minLength: 1, maxLength: 6 }),
    })
    .map(({ conditions, actions }): WorkflowInput => {
      const nodes = [{ id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } }];
      const edges: { id: string; source: string; target: string; sourceHandle?: string }[] = [];
      conditions.forEach((entry, index) => {
        const nodeId = `c${index}`;
        nodes.push({ id: nodeId, type: 'condition', position: { x: 0, y: 0 }, data: { combinator: entry.combinator, clauses: entry.clauses } as never });
        const parent = entry.parent % (index + 1);
        edges.push(parent === 0 ? { id: `e-${nodeId}`, source: 'start', target: nodeId } : { id: `e-${nodeId}`, source: `c${parent - 1}`, target: nodeId, sourceHandle: entry.handle });
      });
      actions.forEach((entry, index) => {
        const nodeId = `a${index}`;
        nodes.push({ id: nodeId, type: entry.action.type, position: { x: 0, y: 0 }, data: entry.action.data as never });
        edges.push({ id: `e-${nodeId}`, source: `c${entry.parent % conditions.length}`, target: nodeId, sourceHandle: entry.handle });
      });
      return { id, name: id, kind: 'routing', description: '', graph: { nodes, edges } };
    });

const randomMention = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS, '@acmeair', '#AcmeAir', 'jane@example.com', '4111 1111 1111 1111', '!', '?'), { maxLength: 12 }),
    channel: fc.constantFrom(...CHANNELS),
    kind: fc.constantFrom('post', 'comment', 'direct_message'),
    followers: fc.integer({ min: 0, max: 6000 }),
    verified: fc.boolean(),
    tier: fc.option(fc.constantFrom('standard', 'silver', 'gold', 'vip'), { nil: undefined }),
    replies: fc.integer({ min: 0, max: 4 }),
  })
  .map(
    (draft, index = 0): Mention => ({
      id: `m${index}`,
      channel: draft.channel,
      kind: draft.kind as Mention['kind'],
      text: draft.words.join(' '),
      createdAt: '2026-03-02T10:00:00Z',
      author: { handle: '@someone', followers: draft.followers, verified: draft.verified },
      ...(draft.tier ? { customer: { id: 'c1', tier: draft.tier as 'vip' } } : {}),
      brandRepliesInConversation: draft.replies,
    }),
  );

describe('compiled executor vs json-rules-engine (differential, property-based)', () => {
  it('fire the same rules and reach the same decision', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(randomWorkflow('w'), { minLength: 1, maxLength: 3 }), fc.array(randomMention, { minLength: 1, maxLength: 5 }), async (workflows, mentions) => {
        const compiled = workflows.flatMap((input, index) => {
          const result = compileWorkflow({ ...input, id: `w${index}` });
          return result.ok ? [result.workflow] : [];
        });
        fc.pre(compiled.length > 0);
        const engine = new RuleEngine({ workflows: compiled, settings });
        for (const mention of mentions) {
          const fast = engine.decide({ mention });
          const reference = await engine.decideWithReference('ingest', { mention });
          expect({ ...fast, facts: undefined }).toEqual({ ...reference, facts: undefined });
        }
      }),
      { numRuns: 150 },
    );
  });
});
