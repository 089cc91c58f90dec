// Static analysis of compiled rules: actions that can never run, routes that never win, routes that tie.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RuleEngine,
  analyzeRules,
  compilePack,
  compileWorkflow,
  listRouteOverlaps,
  type CompiledWorkflow,
  type RuleWarning,
  type WorkflowKind,
  getOperator,
} from '../packages/engine/src/index.ts';
import { STAGE_SCOPES } from '../packages/engine/src/analysis/stages.ts';
import { clauseSetOf, implies } from '../packages/engine/src/analysis/clause-set.ts';
import { contradicts } from '../packages/engine/src/analysis/contradiction.ts';
import { literalOf } from '../packages/engine/src/analysis/literal.ts';
import { mention, settings } from './support/mentions.ts';
import { condition, edge, node, trigger, workflow, type ClauseTuple } from './support/workflow-builder.ts';

function compiled(input: unknown): CompiledWorkflow {
  const result = compileWorkflow(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.workflow;
}

const route = (id: string, queue: string, rank: number) => node(id, 'route', { queue, rank });

/** A routing workflow: trigger → one condition → a route on its `yes`. */
function routeWhen(id: string, clauses: ClauseTuple[], queue: string, rank: number, kind: WorkflowKind = 'routing'): CompiledWorkflow {
  return compiled(
    workflow(id, kind, [trigger(kind), condition(`${id}-check`, clauses), route(`${id}-route`, queue, rank)], [
      edge('start', `${id}-check`),
      edge(`${id}-check`, `${id}-route`, 'yes'),
    ]),
  );
}

/** Two conditions in a row (`first` then `second`, on the given branches) before a route. */
function chain(first: ClauseTuple[], second: ClauseTuple[], firstBranch: 'yes' | 'no' = 'yes'): CompiledWorkflow {
  return compiled(
    workflow('chain', 'routing', [trigger(), condition('first', first), condition('second', second), route('to-vip', 'vip', 30)], [
      edge('start', 'first'),
      edge('first', 'second', firstBranch),
      edge('second', 'to-vip', 'yes'),
    ]),
  );
}

const summary = (warnings: RuleWarning[]) =>
  warnings.map(({ code, workflowId, nodeId, relatedNodeIds }) => ({ code, workflowId, nodeId, relatedNodeIds }));

describe('rules that can never be true', () => {
  it.each<[string, ClauseTuple[], ClauseTuple[]]>([
    ['numeric bounds that exclude each other', [['author.followers', 'greaterThan', 1000]], [['author.followers', 'lessThan', 500]]],
    ['an equality outside a bound', [['rating', 'equal', 3]], [['rating', 'greaterThan', 5]]],
    ['an equality outside a list', [['channel', 'in', ['x', 'facebook']]], [['channel', 'equal', 'instagram']]],
    ['equal and not equal to the same value', [['language', 'equal', 'fr']], [['language', 'notEqual', 'fr']]],
    ['a boolean both true and false', [['author.verified', 'equal', true]], [['author.verified', 'equal', false]]],
    ['disjoint enum lists', [['channel', 'in', ['x', 'facebook']]], [['channel', 'in', ['instagram', 'review']]]],
    ['a list that excludes the only allowed value', [['channel', 'notIn', ['x', 'facebook']]], [['channel', 'in', ['x']]]],
    ['touching strict bounds', [['sentiment', 'greaterThanInclusive', 0.5]], [['sentiment', 'lessThan', 0.5]]],
  ])('finds %s along a path, pointing at the action and both conditions', (_name, first, second) => {
    expect(summary(analyzeRules([chain(first, second)]))).toEqual([
      { code: 'never_true', workflowId: 'chain', nodeId: 'to-vip', relatedNodeIds: ['first', 'second'] },
    ]);
  });

  it('finds a contradiction inside one `all` condition, in plain words', () => {
    const rules = routeWhen('vip', [['author.followers', 'greaterThan', 1000], ['author.followers', 'lessThan', 500]], 'vip', 30);
    const [warning] = analyzeRules([rules]);
    expect(warning).toMatchObject({ code: 'never_true', severity: 'warning', nodeId: 'vip-route', relatedNodeIds: ['vip-check'] });
    expect(warning!.message).toBe(
      '“vip-route” (route to “vip”, rank 30) can never run: “author followers is more than 1000” and “author followers is less than 500” cannot both hold.',
    );
  });

  it('finds a `no` branch followed by the same condition’s `yes` (and a narrower term list)', () => {
    const refund: ClauseTuple = ['text', 'containsTerms', ['refund', 'remboursement']];
    expect(summary(analyzeRules([chain([refund], [refund], 'no')]))[0]).toMatchObject({ code: 'never_true', relatedNodeIds: ['first', 'second'] });
    expect(summary(analyzeRules([chain([refund], [['text', 'containsTerms', ['refund']]], 'no')]))[0]).toMatchObject({ code: 'never_true' });
    // The reverse is fine: text without "refund" may still say "remboursement".
    expect(analyzeRules([chain([['text', 'containsTerms', ['refund']]], [refund], 'no')])).toEqual([]);
  });

  it('reads a negated bound as a bound once the value is known to be a number', () => {
    expect(summary(analyzeRules([chain([['author.followers', 'greaterThan', 1000]], [['author.followers', 'greaterThanInclusive', 5000]], 'no')]))).toEqual([
      { code: 'never_true', workflowId: 'chain', nodeId: 'to-vip', relatedNodeIds: ['first', 'second'] },
    ]);
    // A mention without a rating is "not rated above 3" and not rated at all: no contradiction without a number.
    expect(analyzeRules([chain([['rating', 'greaterThan', 3]], [['rating', 'notEqual', 2]], 'no')])).toEqual([]);
  });

  it('reports every action after the contradiction, and nothing before it', () => {
    const graph = workflow(
      'refunds',
      'routing',
      [
        trigger(),
        node('tag-all', 'tag', { tags: ['seen'] }),
        condition('big', [['author.followers', 'greaterThan', 1000]]),
        condition('small', [['author.followers', 'lessThan', 500]]),
        route('to-vip', 'vip', 30),
        node('p1', 'set_priority', { mode: 'set', priority: 'P1' }),
      ],
      [edge('start', 'tag-all'), edge('tag-all', 'big'), edge('big', 'small', 'yes'), edge('small', 'to-vip', 'yes'), edge('to-vip', 'p1')],
    );
    const warnings = analyzeRules([compiled(graph)]);
    expect(warnings.map((warning) => [warning.code, warning.nodeId])).toEqual([
      ['never_true', 'to-vip'],
      ['never_true', 'p1'],
    ]);
    expect(warnings[1]!.message).toMatch(/^“p1” \(set priority\) can never run/);
  });

  it('warns on converging paths only when every path is impossible', () => {
    const graph = (thirdClause: ClauseTuple) =>
      workflow(
        'converge',
        'routing',
        [
          trigger(),
          condition('big', [['author.followers', 'greaterThan', 1000]]),
          condition('small', [['author.followers', 'lessThan', 500]]),
          condition('other', [thirdClause]),
          route('to-vip', 'vip', 30),
        ],
        [
          edge('start', 'big'),
          edge('big', 'small', 'yes'),
          edge('small', 'to-vip', 'yes'),
          edge('big', 'other', 'no'),
          edge('other', 'to-vip', 'yes'),
        ],
      );
    expect(analyzeRules([compiled(graph(['author.verified', 'equal', true]))])).toEqual([]);
    expect(summary(analyzeRules([compiled(graph(['author.followers', 'greaterThanInclusive', 2000]))]))).toEqual([
      { code: 'never_true', workflowId: 'converge', nodeId: 'to-vip', relatedNodeIds: ['big', 'other', 'small'] },
    ]);
  });

  it('stays quiet on an `any` condition with a satisfiable clause, and on consistent bounds', () => {
    const anyOf = compiled(
      workflow('any', 'routing', [trigger(), condition('either', [['author.followers', 'greaterThan', 1000], ['author.followers', 'lessThan', 500]], 'any'), route('r', 'vip', 30)], [
        edge('start', 'either'),
        edge('either', 'r', 'yes'),
      ]),
    );
    expect(analyzeRules([anyOf])).toEqual([]);
    expect(analyzeRules([chain([['author.followers', 'greaterThan', 500]], [['author.followers', 'lessThanInclusive', 501]])])).toEqual([]);
    expect(analyzeRules([chain([['channel', 'in', ['x', 'facebook']]], [['channel', 'notEqual', 'x']])])).toEqual([]);
  });

  it('skips rules too large to expand rather than guess', () => {
    // Nine `any` conditions in a row: 2^9 = 512 combinations, past the 256 the analysis expands.
    const ids = Array.from({ length: 9 }, (_, index) => `c${index}`);
    const graph = workflow(
      'wide',
      'routing',
      [
        trigger(),
        ...ids.map((id, index) => condition(id, [['rating', 'equal', index], ['language', 'equal', `l${index}`]], 'any')),
        condition('big', [['author.followers', 'greaterThan', 1000]]),
        condition('small', [['author.followers', 'lessThan', 500]]),
        route('r', 'vip', 30),
      ],
      [
        edge('start', 'c0'),
        ...ids.slice(1).map((id, index) => edge(ids[index]!, id, 'yes')),
        edge('c8', 'big', 'yes'),
        edge('big', 'small', 'yes'),
        edge('small', 'r', 'yes'),
      ],
    );
    expect(analyzeRules([compiled(graph)])).toEqual([]);
  });

  it('finds a routing rule waiting for an event that never reaches routing workflows', () => {
    const warnings = analyzeRules([routeWhen('late', [['event', 'equal', 'ticket_resolved']], 'late', 30)]);
    expect(summary(warnings)).toEqual([{ code: 'never_true', workflowId: 'late', nodeId: 'late-route', relatedNodeIds: ['late-check'] }]);
    expect(warnings[0]!.message).toContain('never holds when routing workflows run');
  });
});

describe('routes shadowed by a better-ranked, broader route', () => {
  it('warns on the narrower route, pointing at the route that wins', () => {
    const graph = workflow(
      'reach',
      'routing',
      [
        trigger(),
        condition('influencer', [['author.followers', 'greaterThanInclusive', 1000]]),
        condition('celebrity', [['author.followers', 'greaterThanInclusive', 100000], ['author.verified', 'equal', true]]),
        route('to-influencers', 'influencers', 20),
        route('to-celebrities', 'celebrities', 40),
      ],
      [
        edge('start', 'influencer'),
        edge('influencer', 'to-influencers', 'yes'),
        edge('start', 'celebrity'),
        edge('celebrity', 'to-celebrities', 'yes'),
      ],
    );
    const warnings = analyzeRules([compiled(graph)]);
    expect(summary(warnings)).toEqual([{ code: 'shadowed_route', workflowId: 'reach', nodeId: 'to-celebrities', relatedNodeIds: ['to-influencers'] }]);
    expect(warnings[0]!.message).toBe(
      '“to-celebrities” (route to “celebrities”, rank 40) never decides the queue: whenever it applies, “to-influencers” (route to “influencers”, rank 20) applies too and its lower rank wins.',
    );
  });

  it('compares routes across workflows, and names the other workflow', () => {
    const broad = routeWhen('channels', [['channel', 'in', ['x', 'facebook']]], 'social', 10);
    const narrow = routeWhen('questions', [['channel', 'equal', 'x'], ['isQuestion', 'equal', true]], 'questions', 50);
    const warnings = analyzeRules([narrow, broad]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'shadowed_route',
      workflowId: 'questions',
      nodeId: 'questions-route',
      relatedNodeIds: ['channels-route'],
      relatedNodes: [{ workflowId: 'channels', nodeId: 'channels-route' }],
    });
    expect(warnings[0]!.message).toContain('“channels-route” (route to “social”, rank 10) in workflow “channels”');
  });

  it('warns under a catch-all route with a better rank', () => {
    const catchAll = compiled(workflow('all', 'routing', [trigger(), route('everything', 'general', 5)], [edge('start', 'everything')]));
    const warnings = analyzeRules([catchAll, routeWhen('vip', [['customer.isVip', 'equal', true]], 'vip', 30)]);
    expect(summary(warnings)).toEqual([{ code: 'shadowed_route', workflowId: 'vip', nodeId: 'vip-route', relatedNodeIds: ['everything'] }]);
  });

  it('stays quiet when the better-ranked route is the narrower one, the queues match, or the stages differ', () => {
    const narrowFirst = [routeWhen('celebs', [['author.followers', 'greaterThanInclusive', 100000]], 'celebrities', 10), routeWhen('inf', [['author.followers', 'greaterThanInclusive', 1000]], 'influencers', 20)];
    expect(analyzeRules(narrowFirst)).toEqual([]);
    const sameQueue = [routeWhen('a', [['author.followers', 'greaterThanInclusive', 1000]], 'vip', 10), routeWhen('b', [['author.followers', 'greaterThanInclusive', 5000]], 'vip', 20)];
    expect(analyzeRules(sameQueue)).toEqual([]);
    const escalation = compiled(workflow('late', 'escalation', [trigger('escalation'), route('later', 'backlog', 50)], [edge('start', 'later')]));
    expect(analyzeRules([compiled(workflow('all', 'routing', [trigger(), route('everything', 'general', 5)], [edge('start', 'everything')])), escalation])).toEqual([]);
  });

  it('stays quiet when the narrower route hides spam: spam keeps its own workflow’s route', () => {
    const catchAll = compiled(workflow('all', 'routing', [trigger(), route('everything', 'general', 5)], [edge('start', 'everything')]));
    const spam = compiled(
      workflow('spam', 'routing', [trigger(), condition('links', [['links.count', 'greaterThanInclusive', 3]]), route('to-spam', 'spam', 50), node('hide', 'hide', { reason: 'spam' })], [
        edge('start', 'links'),
        edge('links', 'to-spam', 'yes'),
        edge('to-spam', 'hide'),
      ]),
    );
    expect(analyzeRules([catchAll, spam])).toEqual([]);
  });
});

describe('routes of the same rank that can fire together', () => {
  it('warns on the route that loses the tie, naming why the other wins', () => {
    const graph = workflow(
      'tie',
      'routing',
      [
        trigger(),
        condition('big', [['author.followers', 'greaterThan', 1000]]),
        condition('verified', [['author.verified', 'equal', true]]),
        route('to-influencers', 'influencers', 30),
        route('to-verified', 'verified', 30),
      ],
      [edge('start', 'big'), edge('big', 'to-influencers', 'yes'), edge('start', 'verified'), edge('verified', 'to-verified', 'yes')],
    );
    const warnings = analyzeRules([compiled(graph)]);
    expect(summary(warnings)).toEqual([{ code: 'conflicting_routes', workflowId: 'tie', nodeId: 'to-verified', relatedNodeIds: ['to-influencers'] }]);
    expect(warnings[0]!.message).toContain('“to-influencers” wins only because its node id sorts first');
  });

  it('breaks ties across workflows by workflow order', () => {
    const first = routeWhen('first', [['channel', 'equal', 'x']], 'social', 30);
    const second = routeWhen('second', [['isQuestion', 'equal', true]], 'questions', 30, 'proactive');
    const warnings = analyzeRules([first, second]);
    expect(summary(warnings)).toEqual([{ code: 'conflicting_routes', workflowId: 'second', nodeId: 'second-route', relatedNodeIds: ['first-route'] }]);
    expect(warnings[0]!.message).toContain('its workflow “first” comes first');
    expect(summary(analyzeRules([second, first]))[0]).toMatchObject({ nodeId: 'first-route', relatedNodeIds: ['second-route'] });
  });

  it('stays quiet for disjoint conditions, different ranks, the same queue, or different stages', () => {
    const tone = (id: string, clause: ClauseTuple, queue: string, rank: number) => routeWhen(id, [clause], queue, rank);
    expect(analyzeRules([tone('angry', ['sentiment', 'lessThanInclusive', -0.5], 'complaints', 30), tone('happy', ['sentiment', 'greaterThanInclusive', 0.5], 'community', 30)])).toEqual([]);
    expect(analyzeRules([tone('a', ['channel', 'equal', 'x'], 'social', 30), tone('b', ['isQuestion', 'equal', true], 'questions', 40)])).toEqual([]);
    expect(analyzeRules([tone('a', ['channel', 'equal', 'x'], 'social', 30), tone('b', ['isQuestion', 'equal', true], 'social', 30)])).toEqual([]);
    const resolved = compiled(workflow('resolved', 'proactive', [{ ...trigger('proactive'), data: { event: 'ticket_resolved' } }, route('after', 'feedback', 30)], [edge('start', 'after')]));
    const escalation = compiled(workflow('late', 'escalation', [trigger('escalation'), route('later', 'backlog', 30)], [edge('start', 'later')]));
    expect(analyzeRules([tone('a', ['channel', 'equal', 'x'], 'social', 30), resolved, escalation])).toEqual([]);
  });

  it('lists every overlapping pair with its ranks, on demand', () => {
    const workflows = [
      routeWhen('social', [['channel', 'in', ['x', 'facebook']]], 'social', 10),
      routeWhen('questions', [['isQuestion', 'equal', true]], 'questions', 40),
      routeWhen('reviews', [['channel', 'equal', 'review']], 'reviews', 20),
    ];
    expect(analyzeRules(workflows)).toEqual([]);
    expect(listRouteOverlaps(workflows)).toEqual([
      {
        winner: { workflowId: 'social', nodeId: 'social-route', queue: 'social', rank: 10 },
        other: { workflowId: 'questions', nodeId: 'questions-route', queue: 'questions', rank: 40 },
        stages: ['ingest'],
        compared: true,
      },
      {
        winner: { workflowId: 'reviews', nodeId: 'reviews-route', queue: 'reviews', rank: 20 },
        other: { workflowId: 'questions', nodeId: 'questions-route', queue: 'questions', rank: 40 },
        stages: ['ingest'],
        compared: true,
      },
    ]);
  });
});

describe('soundness: the analysis claims nothing a value disproves', () => {
  // Random clauses on one fact, checked against sample values (every half-integer in range, strings, booleans, none).
  const operators = ['equal', 'notEqual', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'in', 'notIn'];
  const samples: unknown[] = [undefined, 'a', 'b', true, false, ...Array.from({ length: 21 }, (_, index) => index / 2 - 2)];
  const scalar = fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constantFrom('a', 'b'), fc.boolean());
  const clause = fc
    .record({ operator: fc.constantFrom(...operators), scalar, list: fc.array(scalar, { minLength: 1, maxLength: 3 }), negated: fc.boolean() })
    .map(({ operator, scalar: one, list, negated }) => {
      const value = operator === 'in' || operator === 'notIn' ? list : operator.includes('Than') ? (typeof one === 'number' ? one : 1) : one;
      return { leaf: { fact: 'rating', operator, value }, negated };
    });
  type Drawn = { leaf: { fact: string; operator: string; value: unknown }; negated: boolean };
  const holds = (drawn: Drawn, value: unknown) => getOperator(drawn.leaf.operator).evaluate(value, drawn.leaf.value) !== drawn.negated;
  const literals = (drawn: Drawn[]) => drawn.map(({ leaf, negated }) => literalOf(leaf, negated));

  it('only calls clauses contradictory when no value satisfies them all', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 5 }), (drawn) => {
        if (contradicts(literals(drawn))) expect(samples.filter((value) => drawn.every((one) => holds(one, value)))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('only calls a conjunction implied when every value satisfying the premise satisfies it', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 4 }), fc.array(clause, { minLength: 1, maxLength: 2 }), (premise, conclusion) => {
        if (!implies(clauseSetOf(literals(premise)), literals(conclusion))) return;
        for (const value of samples) if (premise.every((one) => holds(one, value))) expect(conclusion.every((one) => holds(one, value))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the stages the analysis assumes', () => {
  it('are the stages the engine runs', () => {
    const kinds: WorkflowKind[] = ['routing', 'escalation', 'empowerment', 'proactive'];
    const workflows = kinds.map((kind) => ({ workflowId: kind, name: kind, kind, rules: [], reach: {} }));
    const engine = new RuleEngine({ workflows });
    for (const scope of STAGE_SCOPES) {
      expect(engine.workflowsOf(scope.stage).map((found) => found.kind).sort()).toEqual([...scope.kinds].sort());
    }
  });

  it('set the event the analysis assumes', () => {
    const onEvent = (event: string) =>
      compiled(workflow(event, 'proactive', [{ ...trigger('proactive'), data: { event } }, route('to', event.replace('_', '-'), 30)], [edge('start', 'to')]));
    const engine = new RuleEngine({ workflows: [onEvent('mention'), onEvent('ticket_resolved')], settings });
    const arrived = mention();
    expect(engine.decide({ mention: arrived }).queue).toBe('mention');
    expect(engine.resolve({ mention: arrived }).queue).toBe('ticket-resolved');
  });
});

describe('the starter packs', () => {
  const RULES = join(import.meta.dirname, '..', 'rules');
  const workflows = readdirSync(RULES)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .flatMap((name) => {
      const result = compilePack(JSON.parse(readFileSync(join(RULES, name), 'utf8')));
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
      return result.workflows;
    });

  it('produce no warnings, all together, with their default parameters', () => {
    expect(analyzeRules(workflows)).toEqual([]);
  });

  it('do overlap on purpose, which the on-demand list shows', () => {
    const pairs = listRouteOverlaps(workflows).map((pair) => `${pair.winner.nodeId} > ${pair.other.nodeId}`);
    expect(pairs).toContain('route-urgent > route-vip');
    // The tone routes are disjoint: a mention is not both upset and full of praise.
    expect(pairs).not.toContain('route-complaints > route-community');
  });
});

describe('performance', () => {
  it('analyzes 200 routes across 10 workflows', () => {
    const channels = ['x', 'facebook', 'instagram', 'review', 'email'];
    const workflows = Array.from({ length: 10 }, (_, w) => {
      const ids = Array.from({ length: 20 }, (_, r) => `w${w}r${r}`);
      return compiled(
        workflow(
          `wf${w}`,
          'routing',
          [
            trigger(),
            ...ids.flatMap((id, r) => [
              condition(`${id}-check`, [
                ['author.followers', 'greaterThanInclusive', (w * 20 + r) * 100],
                ['channel', 'in', [channels[r % 5]!, channels[(r + w) % 5]!]],
                ['text', 'containsTerms', [`term${r}`, `word${w}`]],
              ], r % 3 === 0 ? 'any' : 'all'),
              route(id, `queue-${(w + r) % 7}`, (w * 20 + r) % 50),
            ]),
          ],
          ids.flatMap((id) => [edge('start', `${id}-check`), edge(`${id}-check`, id, 'yes')]),
        ),
      );
    });
    expect(workflows.flatMap((found) => found.rules)).toHaveLength(200);
    expect(Array.isArray(analyzeRules(workflows))).toBe(true);
    expect(listRouteOverlaps(workflows).length).toBeGreaterThan(0);
  });
});
