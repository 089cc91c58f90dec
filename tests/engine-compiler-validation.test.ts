import { describe, expect, it } from 'vitest';
import { compileWorkflow, type Problem, type ProblemCode } from '../packages/engine/src/index.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';

function problemsOf(input: unknown): Problem[] {
  const result = compileWorkflow(input);
  expect(result.ok).toBe(false);
  return [...result.problems];
}

function codes(input: unknown): ProblemCode[] {
  return problemsOf(input).map((found) => found.code);
}

const route = (id = 'route') => node(id, 'route', { queue: 'billing', rank: 50 });

describe('validating workflows: every problem, each naming its node or edge', () => {
  it('reports a cycle on the edge that closes it', () => {
    const looping = workflow(
      'loop',
      'routing',
      [trigger(), condition('a', [['sentiment', 'lessThan', 0]]), condition('b', [['sentiment', 'lessThan', -0.5]]), route()],
      [edge('start', 'a'), edge('a', 'b', 'yes'), edge('b', 'a', 'yes'), edge('b', 'route', 'no')],
    );
    const found = problemsOf(looping).find((entry) => entry.code === 'cycle')!;
    expect(found.edgeId).toBe('e2-b-a');
    expect(found.message).toMatch(/loop/);
  });

  it('reports a dangling edge', () => {
    const dangling = workflow('dangling', 'routing', [trigger(), route()], [edge('start', 'route'), edge('route', 'ghost')]);
    const found = problemsOf(dangling).find((entry) => entry.code === 'dangling_edge')!;
    expect(found.edgeId).toBe('e1-route-ghost');
    expect(found.message).toContain('ghost');
  });

  it('reports unreachable nodes', () => {
    const island = workflow('island', 'routing', [trigger(), route(), route('orphan')], [edge('start', 'route')]);
    expect(problemsOf(island)).toContainEqual(expect.objectContaining({ code: 'unreachable_node', nodeId: 'orphan' }));
  });

  it('reports a trigger that leads to no action', () => {
    const idle = workflow('idle', 'routing', [trigger(), node('end', 'stop')], [edge('start', 'end')]);
    expect(problemsOf(idle)).toContainEqual(expect.objectContaining({ code: 'trigger_without_action', nodeId: 'start' }));
  });

  it('reports a missing trigger, an extra trigger, and a trigger of another kind', () => {
    expect(codes(workflow('none', 'routing', [route()], []))).toContain('missing_trigger');
    const two = workflow('two', 'routing', [trigger(), trigger('routing', 'again'), route()], [edge('start', 'route'), edge('again', 'route')]);
    expect(problemsOf(two)).toContainEqual(expect.objectContaining({ code: 'multiple_triggers', nodeId: 'again' }));
    const wrong = workflow('wrong', 'routing', [trigger('escalation'), route()], [edge('start', 'route')]);
    expect(problemsOf(wrong)).toContainEqual(expect.objectContaining({ code: 'node_not_allowed', nodeId: 'start' }));
  });

  it('reports a clause with an unknown fact', () => {
    const unknown = workflow('unknown', 'routing', [trigger(), condition('c', [['moonPhase', 'equal', 'full']]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(problemsOf(unknown)).toContainEqual(expect.objectContaining({ code: 'unknown_fact', nodeId: 'c', path: ['clauses', 0] }));
  });

  it('refuses facts of another subject (a request fact in a routing workflow)', () => {
    const mixed = workflow('mixed', 'routing', [trigger(), condition('c', [['request.amount', 'greaterThan', 5]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(codes(mixed)).toContain('unknown_fact');
  });

  it('reports an operator that does not fit the fact type', () => {
    const misfit = workflow('misfit', 'routing', [trigger(), condition('c', [['author.followers', 'containsTerms', ['big']]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    const found = problemsOf(misfit).find((entry) => entry.code === 'invalid_operator')!;
    expect(found.nodeId).toBe('c');
    expect(found.message).toMatch(/greaterThan/);
  });

  it('reports an unknown operator', () => {
    const odd = workflow('odd', 'routing', [trigger(), condition('c', [['sentiment', 'approximately', 0]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(codes(odd)).toContain('unknown_operator');
  });

  it('reports a value of the wrong type', () => {
    const typed = workflow('typed', 'routing', [trigger(), condition('c', [['author.followers', 'greaterThan', 'many']]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(problemsOf(typed)).toContainEqual(expect.objectContaining({ code: 'invalid_value', nodeId: 'c', path: ['clauses', 0, 'value'] }));
    const enumValue = workflow('enum', 'routing', [trigger(), condition('c', [['channel', 'equal', 'myspace']]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(codes(enumValue)).toContain('invalid_value');
  });

  it('reports an empty term list, in both list forms', () => {
    const empty = workflow('empty', 'routing', [trigger(), condition('c', [['text', 'containsTerms', []]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(problemsOf(empty)).toContainEqual(expect.objectContaining({ code: 'empty_terms', nodeId: 'c' }));
    const emptyLanguages = workflow('empty2', 'routing', [trigger(), condition('c', [['text', 'containsTerms', { en: [], fr: [] }]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(codes(emptyLanguages)).toContain('empty_terms');
  });

  it('refuses fact names that are paths of another syntax', () => {
    const jsonPath = workflow('jp', 'routing', [trigger(), condition('c', [['$.author[?(@.followers > 1)]', 'equal', 1]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(codes(jsonPath)).toContain('invalid_path');
    const proto = workflow('proto', 'routing', [trigger(), condition('c', [['author.__proto__', 'equal', 1]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(codes(proto)).toContain('invalid_path');
  });

  it('reports a graph over the size limit', () => {
    const nodes = [trigger(), ...Array.from({ length: 210 }, (_, index) => node(`t${index}`, 'tag', { tags: ['x'] }))];
    const edges = nodes.slice(1).map((draft) => edge('start', draft.id));
    expect(codes(workflow('huge', 'routing', nodes, edges))).toEqual(['graph_too_large']);
  });

  it('reports invalid node data with its field', () => {
    const bad = workflow('bad', 'routing', [trigger(), node('route', 'route', { queue: 'Billing Team!' })], [edge('start', 'route')]);
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ code: 'invalid_node_data', nodeId: 'route', path: ['queue'] }));
  });

  it('reports unknown node kinds, bad handles and duplicate ids', () => {
    const messy = workflow(
      'messy',
      'routing',
      [trigger(), node('x', 'teleport'), condition('c', [['sentiment', 'lessThan', 0]]), route(), route()],
      [edge('start', 'c'), edge('c', 'route', 'maybe')],
    );
    const found = codes(messy);
    expect(found).toContain('unknown_node_kind');
    expect(found).toContain('invalid_handle');
    expect(found).toContain('duplicate_id');
  });

  it('reports a parameter with no value', () => {
    const unbound = workflow('unbound', 'routing', [trigger(), condition('c', [['sentiment', 'lessThan', { $param: 'threshold' }]]), route()], [edge('start', 'c'), edge('c', 'route', 'yes')]);
    expect(problemsOf(unbound)).toContainEqual(expect.objectContaining({ code: 'unknown_parameter', nodeId: 'c' }));
  });

  it('returns all problems at once, not just the first', () => {
    const many = workflow(
      'many',
      'routing',
      [trigger(), condition('c', [['moonPhase', 'equal', 1], ['author.followers', 'greaterThan', 'x']]), route(), route('orphan')],
      [edge('start', 'c'), edge('c', 'route', 'yes'), edge('route', 'nowhere')],
    );
    expect(new Set(codes(many))).toEqual(new Set(['unknown_fact', 'invalid_value', 'dangling_edge', 'unreachable_node']));
  });

  it('reports a malformed workflow document with paths instead of throwing', () => {
    const found = problemsOf({ id: 'x', kind: 'routing', graph: { nodes: 'no' } });
    expect(found.every((entry) => entry.code === 'invalid_workflow')).toBe(true);
    expect(found.map((entry) => entry.path?.join('.'))).toEqual(expect.arrayContaining(['name', 'graph.nodes', 'graph.edges']));
  });
});
