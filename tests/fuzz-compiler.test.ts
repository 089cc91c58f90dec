// Property-based fuzzing of the compiler and both executors: any graph either compiles or gets problems (never an
// exception, never a hang), rule paths stay plain dotted paths, patterns run in linear time, and no input reaches
// Object.prototype. Hangs are caught by the test timeout, not by timing assertions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GRAPH_LIMITS,
  RuleEngine,
  WORKFLOW_KINDS,
  analyzeRules,
  compileWorkflow,
  plainPathResolver,
  volumeKey,
  type CompiledWorkflow,
  type EmpowermentRequest,
  type Mention,
  type Problem,
  type TicketState,
  type WorkflowKind,
} from '../packages/engine/src/index.ts';
import {
  CATASTROPHIC_PATTERNS,
  CATASTROPHIC_TEXTS,
  anyWorkflow,
  hostileJson,
  hostileString,
  nested,
  plausibleWorkflow,
  prototypesPolluted,
  validMention,
} from './support/arbitraries.ts';
import { settings } from './support/mentions.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';

const PROBLEM_CODES = new Set([
  'invalid_workflow', 'graph_too_large', 'duplicate_id', 'unknown_node_kind', 'node_not_allowed', 'invalid_node_data', 'unknown_parameter',
  'missing_trigger', 'multiple_triggers', 'dangling_edge', 'invalid_handle', 'edge_into_trigger', 'cycle', 'unreachable_node',
  'trigger_without_action', 'unknown_fact', 'unknown_operator', 'invalid_operator', 'invalid_value', 'invalid_params', 'empty_terms',
  'invalid_path', 'too_complex',
]);

/** Problems are data the editor shows: a known code, a sentence, and where (if anywhere) a node, edge and path. */
function expectWellFormed(problems: readonly Problem[]): void {
  for (const found of problems) {
    expect(PROBLEM_CODES.has(found.code), `unexpected problem code ${found.code}`).toBe(true);
    expect(typeof found.message).toBe('string');
    expect(found.message.length).toBeGreaterThan(0);
    if (found.path) for (const key of found.path) expect(['string', 'number']).toContain(typeof key);
  }
}

const parameterValues = fc.dictionary(fc.constantFrom('limit', 'queue', 'terms', 'factor', 'constructor', 'toString'), hostileJson, { maxKeys: 4 });

const request: fc.Arbitrary<EmpowermentRequest> = fc.record({
  id: fc.constantFrom('r1', 'constructor', '__proto__'),
  agentTier: fc.constantFrom('agent', 'senior', 'supervisor', 'manager'),
  remedy: fc.constantFrom('refund', 'voucher', 'upgrade', 'replacement', 'policy_exception'),
  amount: fc.double({ min: 0, max: 1e9, noNaN: true }),
  currency: fc.constantFrom('EUR', 'USD', 'JPY'),
  customerTier: fc.constantFrom('standard', 'silver', 'gold', 'vip'),
});

const ticket: fc.Arbitrary<TicketState> = fc.record({
  priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
  queue: fc.constantFrom(null, 'general', 'billing', 'constructor'),
  status: fc.constantFrom('open', 'resolved'),
  firstResponseSent: fc.boolean(),
  escalatedTo: fc.array(fc.constantFrom('supervisor', 'team-lead'), { maxLength: 2 }),
  tags: fc.array(fc.constantFrom('vip', 'refund', '__proto__'), { maxLength: 2 }),
});

/** Run compiled workflows through both executors on one subject; neither may throw, and they must agree. */
async function runBothExecutors(compiled: CompiledWorkflow, mention: Mention, subject: { request: EmpowermentRequest; ticket: TicketState; minutesLater: number; volume: number }): Promise<void> {
  const engine = new RuleEngine({ workflows: [compiled], settings });
  const volumes = Object.fromEntries(engine.volumeQueries().map((query) => [volumeKey(query), subject.volume]));
  const now = new Date(Date.parse(mention.createdAt) + subject.minutesLater * 60_000).toISOString();
  const evaluation = { mention, now, volumes, openIncidents: ['outage'] };
  switch (compiled.kind) {
    case 'empowerment': {
      const fast = engine.checkEmpowerment(subject.request);
      const explained = await engine.explainEmpowerment(subject.request);
      expect(explained.decision).toEqual(fast);
      return;
    }
    case 'escalation': {
      const fast = engine.escalate({ ...evaluation, ticket: subject.ticket });
      const reference = await engine.decideWithReference('escalation', { ...evaluation, ticket: subject.ticket });
      expect({ ...fast, facts: undefined }).toEqual({ ...reference, facts: undefined });
      return;
    }
    default: {
      const fast = engine.decide(evaluation);
      const reference = await engine.decideWithReference('ingest', evaluation);
      expect({ ...fast, facts: undefined }).toEqual({ ...reference, facts: undefined });
      if (compiled.kind === 'proactive') engine.resolve(evaluation);
      const explained = await engine.explain('ingest', evaluation);
      expect(explained.decision.queue).toBe(fast.queue);
    }
  }
}

/** A routing workflow with one condition clause before a route. */
function oneClause(fact: string, operator: string, value: unknown, params?: Record<string, unknown>) {
  return workflow(
    'one',
    'routing',
    [trigger(), condition('c', [[fact, operator, value, ...(params ? [params] : [])] as never]), node('to-q', 'route', { queue: 'q', rank: 10 })],
    [edge('start', 'c'), edge('c', 'to-q', 'yes')],
  );
}

describe('the compiler on arbitrary graphs', () => {
  it('either compiles or returns well-formed problems; never throws, never touches Object.prototype', () => {
    fc.assert(
      fc.property(anyWorkflow, parameterValues, (input, parameters) => {
        const result = compileWorkflow(input, { parameters });
        expectWellFormed(result.problems);
        if (result.ok) {
          expect(result.problems.every((found) => found.severity === 'warning')).toBe(true);
          expect(() => JSON.stringify(result.workflow)).not.toThrow();
          expect(() => analyzeRules([result.workflow])).not.toThrow();
        } else {
          expect(result.problems.some((found) => found.severity === 'error')).toBe(true);
        }
        expect(prototypesPolluted()).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('treats the same graph read by plain JSON.parse (own __proto__ keys) the same way', () => {
    fc.assert(
      fc.property(anyWorkflow, (input) => {
        const text = JSON.stringify(input) ?? 'null';
        const result = compileWorkflow(JSON.parse(text));
        expectWellFormed(result.problems);
        // Compiling never mutates its input.
        expect(JSON.stringify(input) ?? 'null').toBe(text);
        expect(prototypesPolluted()).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('does not let a prototype key in node data smuggle a field past the schema', () => {
    const smuggled = JSON.parse(
      JSON.stringify(oneClause('text', 'containsTerms', ['refund'])).replace('"rank":10', '"rank":10,"__proto__":{"polluted":"yes","extra":1}'),
    );
    const result = compileWorkflow(smuggled);
    if (result.ok) expect(JSON.stringify(result.workflow)).not.toContain('polluted');
    expect(prototypesPolluted()).toBe(false);
  });
});

describe('compiled rules on arbitrary mentions', () => {
  for (const kind of WORKFLOW_KINDS) {
    it(`${kind}: both executors run every compiled workflow on hostile mentions without throwing, and agree`, async () => {
      let compiledCount = 0;
      await fc.assert(
        fc.asyncProperty(
          plausibleWorkflow(kind as WorkflowKind),
          validMention(),
          fc.record({ request, ticket, minutesLater: fc.integer({ min: 0, max: 60 * 24 * 10 }), volume: fc.nat({ max: 500 }) }),
          async (input, mention, subject) => {
            const result = compileWorkflow(input);
            expectWellFormed(result.problems);
            if (!result.ok) return;
            compiledCount++;
            await runBothExecutors(result.workflow, mention, subject);
            expect(prototypesPolluted()).toBe(false);
          },
        ),
        { numRuns: 150 },
      );
      // The generator is meant to produce mostly valid graphs; if it stops doing so this test proves little.
      expect(compiledCount).toBeGreaterThan(30);
    });
  }
});

describe('patterns run in linear time', () => {
  it('catastrophic-backtracking patterns finish on long inputs in both executors', async () => {
    for (const pattern of CATASTROPHIC_PATTERNS) {
      const result = compileWorkflow(oneClause('text', 'matchesPattern', pattern));
      expect(result.ok, `${pattern}: ${JSON.stringify(result.problems)}`).toBe(true);
      if (!result.ok) continue;
      const engine = new RuleEngine({ workflows: [result.workflow], settings });
      for (const text of CATASTROPHIC_TEXTS) {
        const mention: Mention = { id: 'm', channel: 'x', kind: 'post', text, createdAt: '2026-03-02T10:00:00Z', author: { handle: '@a' } };
        const fast = engine.decide({ mention });
        const reference = await engine.decideWithReference('ingest', { mention });
        expect(fast.queue).toBe(reference.queue);
      }
    }
  });

  it('refuses patterns the linear-time engine cannot take, or that are too long, as problems', () => {
    // The last three are linear but large once repetition is expanded: RE2 would walk thousands of steps per character.
    for (const pattern of ['(', '[z-a]', '\\', 'a{1001}', '(a{1000}){1000}', '(?=x)', 'x'.repeat(501), '', '(a|aa){1000}$', '((ab){30}){40}', 'x{1000,}']) {
      const result = compileWorkflow(oneClause('text', 'matchesPattern', pattern));
      expect(result.ok, pattern).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ code: 'invalid_value', nodeId: 'c', path: ['clauses', 0, 'value'] })]);
    }
  });
});

describe('rule paths are plain dotted paths', () => {
  it('fact names that are JSONPath, prototype keys or malformed are refused as invalid_path', () => {
    for (const fact of ['$.text', '$..author', '$[0]', 'author..followers', '.author', 'author.', 'author.__proto__', 'constructor.prototype', 'author.constructor', 'author[0]', 'author.followers.length ']) {
      const result = compileWorkflow(oneClause(fact, 'equal', 1));
      expect(result.problems, fact).toEqual([expect.objectContaining({ code: 'invalid_path', nodeId: 'c' })]);
    }
  });

  it('the path resolver reads own properties by dotted path only, and refuses anything else', () => {
    const segment = fc.oneof(fc.constantFrom('a', 'b', 'length', 'toString', 'constructor', '__proto__', 'prototype', 'hasOwnProperty', '$', '*', '0', ''), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(hostileJson, fc.array(segment, { minLength: 1, maxLength: 4 }), (value, segments) => {
        const path = segments.join('.');
        // json-rules-engine writes paths with a leading dot, which the resolver allows.
        const keys = (path.startsWith('.') ? path.slice(1) : path).split('.');
        let expected: unknown = value;
        for (const key of keys) {
          expected = expected !== null && typeof expected === 'object' && Object.hasOwn(expected, key) ? (expected as Record<string, unknown>)[key] : undefined;
        }
        let got: unknown;
        try {
          got = plainPathResolver(value, path);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('INVALID_PATH');
          return;
        }
        expect(keys.every((key) => /^[A-Za-z][A-Za-z0-9]*$/.test(key) && !['__proto__', 'constructor', 'prototype'].includes(key))).toBe(true);
        expect(got).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('limits give a clear problem naming the field', () => {
  const route = (id: string) => node(id, 'route', { queue: 'q', rank: 10 });

  it(`more than ${GRAPH_LIMITS.nodes} nodes: graph_too_large; past the hard cap: the schema names graph.nodes`, () => {
    const many = (count: number) => workflow('big', 'routing', [trigger(), ...Array.from({ length: count }, (_, index) => route(`r${index}`))], []);
    expect(compileWorkflow(many(GRAPH_LIMITS.nodes)).problems).toEqual([expect.objectContaining({ code: 'graph_too_large' })]);
    expect(compileWorkflow(many(5000)).problems).toEqual([expect.objectContaining({ code: 'invalid_workflow', path: ['graph', 'nodes'] })]);
  });

  it(`more than ${GRAPH_LIMITS.clausesPerCondition} clauses in one condition: invalid_node_data at clauses`, () => {
    const clauses = Array.from({ length: GRAPH_LIMITS.clausesPerCondition + 1 }, (_, index) => ['author.followers', 'greaterThan', index] as [string, string, unknown]);
    const input = workflow('wide', 'routing', [trigger(), condition('c', clauses), route('r')], [edge('start', 'c'), edge('c', 'r', 'yes')]);
    expect(compileWorkflow(input).problems).toEqual([expect.objectContaining({ code: 'invalid_node_data', nodeId: 'c', path: ['clauses'] })]);
    const atLimit = workflow('wide', 'routing', [trigger(), condition('c', clauses.slice(1)), route('r')], [edge('start', 'c'), edge('c', 'r', 'yes')]);
    expect(compileWorkflow(atLimit).ok).toBe(true);
  });

  it('term lists: more than 500 terms, a term over 200 characters or a blank term are invalid_value at the clause value', () => {
    for (const terms of [Array.from({ length: 501 }, (_, index) => `t${index}`), ['x'.repeat(201)], ['  '], { en: Array.from({ length: 501 }, (_, index) => `t${index}`) }]) {
      expect(compileWorkflow(oneClause('text', 'containsTerms', terms)).problems).toEqual([
        expect.objectContaining({ code: 'invalid_value', nodeId: 'c', path: ['clauses', 0, 'value'] }),
      ]);
    }
  });

  it('strings past their limits are named: a node id, a queue name, a fact name, a compared value', () => {
    const longId = compileWorkflow(workflow('ids', 'routing', [trigger(), route('r'.repeat(101))], [edge('start', 'r'.repeat(101))]));
    expect(longId.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'invalid_workflow', path: ['graph', 'nodes', 1, 'id'] })]));
    const longQueue = compileWorkflow(workflow('q', 'routing', [trigger(), node('r', 'route', { queue: 'q'.repeat(61), rank: 1 })], [edge('start', 'r')]));
    expect(longQueue.problems).toEqual([expect.objectContaining({ code: 'invalid_node_data', nodeId: 'r', path: ['queue'] })]);
    expect(compileWorkflow(oneClause('f'.repeat(101), 'equal', 1)).problems).toEqual([expect.objectContaining({ code: 'invalid_node_data', path: ['clauses', 0, 'fact'] })]);
    expect(compileWorkflow(oneClause('author.handle', 'equal', 'h'.repeat(1001))).problems).toEqual([expect.objectContaining({ code: 'invalid_value', path: ['clauses', 0, 'value'] })]);
  });

  it('deeply nested node data is refused at graph.nodes[i].data, not a stack overflow', () => {
    for (const kind of ['array', 'object'] as const) {
      for (const depth of [100, 3_000, 100_000]) {
        const input = workflow('deep', 'routing', [trigger(), node('r', 'route', { queue: 'q', rank: 1, extra: nested(depth, kind) })], [edge('start', 'r')]);
        expect(compileWorkflow(input).problems).toEqual([expect.objectContaining({ code: 'invalid_workflow', path: ['graph', 'nodes', 1, 'data'] })]);
      }
    }
    // Data of an ordinary depth gets as far as the node's own schema.
    const shallow = workflow('shallow', 'routing', [trigger(), node('r', 'route', { queue: 'q', rank: 1, extra: nested(10) })], [edge('start', 'r')]);
    expect(compileWorkflow(shallow).problems).toEqual([expect.objectContaining({ code: 'invalid_node_data', nodeId: 'r' })]);
  });

  it('diamonds of conditions that double the paths at every level end in too_complex, quickly', () => {
    const diamonds = (levels: number) => {
      const nodes = [trigger(), ...Array.from({ length: levels }, (_, index) => condition(`c${index}`, [['author.followers', 'greaterThan', index]])), route('r')];
      const edges = [edge('start', 'c0')];
      for (let index = 1; index < levels; index++) edges.push(edge(`c${index - 1}`, `c${index}`, 'yes'), edge(`c${index - 1}`, `c${index}`, 'no'));
      edges.push(edge(`c${levels - 1}`, 'r', 'yes'));
      return workflow('diamonds', 'routing', nodes, edges);
    };
    const result = compileWorkflow(diamonds(60));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'too_complex', nodeId: 'r' })]));
    // A few levels stay within the bound and compile as before.
    expect(compileWorkflow(diamonds(8)).ok).toBe(true);
  });

  it('hostile strings anywhere in a well-formed clause never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom('text', 'author.handle', 'language', 'channel', 'pii.kinds', 'ticket.queue'), fc.constantFrom('equal', 'notEqual', 'in', 'contains', 'containsTerms', 'matchesPattern'), hostileString, (fact, operator, value) => {
        const result = compileWorkflow(oneClause(fact, operator, operator === 'in' || operator === 'containsTerms' ? [value] : value));
        expectWellFormed(result.problems);
      }),
      { numRuns: 200 },
    );
  });
});
