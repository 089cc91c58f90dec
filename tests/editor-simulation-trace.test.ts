// Reading explanations from the real engine: where a rule that did not fire stopped (the condition node whose
// outcome blocked it, the branch it needed), the canvas view of a mention's path, and how traces read.
import { describe, expect, it } from 'vitest';
import { RuleEngine, compileWorkflow, type Explanation, type Decision, type RuleTrace } from '../packages/engine/src/index.ts';
import { ruleStops } from '../apps/editor/src/simulation/explain/rule-stops.ts';
import { buildPathView } from '../apps/editor/src/simulation/explain/build-path-view.ts';
import { formatValue, groupHeading, verdictOf } from '../apps/editor/src/simulation/explain/trace-text.ts';
import { edgePathState, nodePathState } from '../apps/editor/src/editor/store/path-view.ts';
import { mention } from './support/mentions.ts';
import { condition, edge, node, trigger, workflow, type ClauseTuple } from './support/workflow-builder.ts';

/** start → is-refund? yes → to-refunds → p2, and to-billing; no → is-late? yes → to-billing, no → to-general. */
function routing(triggerChannels: string[] = []) {
  const start = trigger();
  start.data = { channels: triggerChannels };
  const refund: ClauseTuple[] = [['text', 'containsTerms', ['refund']], ['channel', 'in', ['x', 'facebook']]];
  return workflow(
    'r',
    'routing',
    [
      start,
      condition('is-refund', refund),
      node('to-refunds', 'route', { queue: 'refunds', rank: 50 }),
      node('p2', 'set_priority', { mode: 'set', priority: 'P2' }),
      condition('is-late', [['text', 'containsTerms', ['late', 'delay']]], 'any'),
      node('to-billing', 'route', { queue: 'billing', rank: 60 }),
      node('to-general', 'route', { queue: 'general', rank: 90 }),
    ],
    [
      edge('start', 'is-refund'),
      edge('is-refund', 'to-refunds', 'yes'),
      edge('to-refunds', 'p2'),
      edge('is-refund', 'is-late', 'no'),
      edge('is-late', 'to-billing', 'yes'),
      edge('is-refund', 'to-billing', 'yes'),
      edge('is-late', 'to-general', 'no'),
    ],
  );
}

async function explain(text: string, channel: 'x' | 'email' = 'x', channels: string[] = []): Promise<Explanation<Decision>> {
  const compiled = compileWorkflow(routing(channels));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return new RuleEngine({ workflows: [compiled.workflow] }).explain('ingest', { mention: mention({ id: 'm1', text, channel }) });
}

const ruleOf = (explanation: Explanation<Decision>, nodeId: string): RuleTrace => explanation.rules.find((rule) => rule.nodeId === nodeId)!;

describe('where a rule stopped', () => {
  it('names the condition node whose outcome blocked it, and the branch it needed', async () => {
    const explanation = await explain('nice flight');
    const reached = new Set(explanation.paths[0]!.reached);
    expect(ruleStops(ruleOf(explanation, 'to-refunds'), reached)).toEqual([{ nodeId: 'is-refund', needed: 'yes' }]);
    expect(ruleStops(ruleOf(explanation, 'p2'), reached)).toEqual([{ nodeId: 'is-refund', needed: 'yes' }]);
    expect(ruleStops(ruleOf(explanation, 'to-general'), reached)).toEqual([]); // it fired
    expect(ruleOf(explanation, 'to-general').fired).toBe(true);
  });

  it('a node reached two ways stops on each way; a later condition is not blamed for an earlier one', async () => {
    const explanation = await explain('nice flight');
    const reached = new Set(explanation.paths[0]!.reached);
    const byNode = (a: { nodeId: string }, b: { nodeId: string }) => a.nodeId.localeCompare(b.nodeId);
    expect(ruleStops(ruleOf(explanation, 'to-billing'), reached).sort(byNode)).toEqual([
      { nodeId: 'is-late', needed: 'yes' },
      { nodeId: 'is-refund', needed: 'yes' },
    ]);
    const refund = await explain('refund please');
    // to-general needs is-refund "no" then is-late "no": it stopped at is-refund, never got to is-late.
    expect(ruleStops(ruleOf(refund, 'to-general'), new Set(refund.paths[0]!.reached))).toEqual([{ nodeId: 'is-refund', needed: 'no' }]);
  });

  it('stops nowhere when the trigger did not let the mention in', async () => {
    const explanation = await explain('refund please', 'email', ['x']);
    expect(explanation.paths[0]!.reached).toEqual([]);
    expect(ruleStops(ruleOf(explanation, 'to-refunds'), new Set())).toEqual([]);
    // Without the path, every failing condition is a candidate.
    expect(ruleStops(ruleOf(explanation, 'to-refunds')).map((stop) => stop.nodeId)).toEqual(['is-refund']);
  });
});

describe('the path on the canvas', () => {
  it('marks reached nodes, the branch each condition took, and where unfired rules stopped', async () => {
    const explanation = await explain('nice flight');
    const view = buildPathView({ rules: explanation.rules, paths: explanation.paths }, 'r', 'Draft · mention m1')!;
    expect([...view.reached].sort()).toEqual(['is-late', 'is-refund', 'start', 'to-general']);
    expect(view.outcomes).toEqual({ 'is-refund': 'no', 'is-late': 'no' });
    expect(view.stops).toEqual({ 'is-refund': ['p2', 'to-billing', 'to-refunds'], 'is-late': ['to-billing'] });
    expect(nodePathState(view, 'start')).toBe('reached');
    expect(nodePathState(view, 'is-refund')).toBe('stopped');
    expect(nodePathState(view, 'to-general')).toBe('reached');
    expect(nodePathState(view, 'to-refunds')).toBe('unreached');
    expect(edgePathState(view, { source: 'start', target: 'is-refund', sourceHandle: 'out' })).toBe('taken');
    expect(edgePathState(view, { source: 'is-refund', target: 'is-late', sourceHandle: 'no' })).toBe('taken');
    expect(edgePathState(view, { source: 'is-refund', target: 'to-refunds', sourceHandle: 'yes' })).toBe('not-taken');
    expect(edgePathState(view, { source: 'to-refunds', target: 'p2', sourceHandle: 'out' })).toBe('off');
  });

  it('finds the workflow in the escalation stage, and nothing for a workflow that did not run', async () => {
    const explanation = await explain('refund please');
    const trace = { rules: [], paths: [], escalation: { rules: explanation.rules, paths: explanation.paths } };
    expect(buildPathView(trace, 'r', 'Published · mention m1')?.outcomes).toEqual({ 'is-refund': 'yes' });
    expect(buildPathView(trace, 'another', 'x')).toBeNull();
  });
});

describe('how traces read', () => {
  it('formats values as they read in a clause', () => {
    expect(formatValue('refund')).toBe('“refund”');
    expect(formatValue(['a', 'b'])).toBe('“a”, “b”');
    expect(formatValue({ en: ['late'], fr: ['retard'] })).toBe('en: “late”; fr: “retard”');
    expect(formatValue(0.61)).toBe('0.61');
    expect(formatValue(false)).toBe('no (false)');
    expect(formatValue(null)).toBe('—');
    expect(formatValue([])).toBe('(empty list)');
    expect(formatValue('x'.repeat(200))).toBe(`“${'x'.repeat(160)}…”`);
  });

  it('heads groups by the condition node they stand for', () => {
    expect(groupHeading({ kind: 'all', nodeId: 'is-refund', branch: 'yes' })).toBe('is-refund: all of its clauses');
    expect(groupHeading({ kind: 'not', nodeId: 'is-refund', branch: 'no' })).toBe('“no” branch of is-refund: its condition must not hold');
    expect(groupHeading({ kind: 'any' })).toBe('Any of these ways in');
    expect(verdictOf(true)).toBe('passed');
    expect(verdictOf(false, false)).toBe('not evaluated');
  });
});
