// Our workflow graph ↔ @xyflow/react nodes and edges: every pack workflow survives the round trip unchanged.
import { describe, expect, it } from 'vitest';
import { compileWorkflow, type Graph, type Pack } from '../packages/engine/src/index.ts';
import { toFlow, toGraph } from '../apps/editor/src/editor/graph/flow-mapping.ts';

const packs = Object.entries(import.meta.glob<Pack>('../rules/*.json', { eager: true, import: 'default' })).filter(([path]) => !path.endsWith('pack.schema.json'));

describe('graph ↔ xyflow mapping', () => {
  it('finds the packs to round-trip', () => {
    expect(packs.length).toBeGreaterThanOrEqual(5);
  });

  for (const [path, pack] of packs) {
    for (const workflow of pack.workflows) {
      it(`round-trips ${path.replace('../rules/', '')} → ${workflow.id} exactly`, () => {
        const flow = toFlow(workflow.graph);
        expect(toGraph(flow.nodes, flow.edges)).toEqual(workflow.graph);
      });
    }
  }

  it('gives every edge the handle it leaves from, labels condition branches, and names nodes for screen readers', () => {
    const graph: Graph = {
      nodes: [
        { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
        { id: 'check', type: 'condition', position: { x: 300, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: ['refund'] }] } },
        { id: 'billing', type: 'route', position: { x: 600, y: 0 }, data: { queue: 'billing', rank: 10 } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'check' },
        { id: 'b', source: 'check', target: 'billing', sourceHandle: 'no' },
      ],
    };
    const flow = toFlow(graph);
    expect(flow.edges[0]).toMatchObject({ sourceHandle: 'out', data: { explicitHandle: false } });
    expect(flow.edges[0]!.label).toBeUndefined();
    expect(flow.edges[1]).toMatchObject({ sourceHandle: 'no', label: 'no', className: 'edge-no' });
    expect(flow.nodes.map((node) => node.ariaLabel)).toEqual(['When a mention arrives start', 'Condition check', 'Route to queue billing']);
    // What the canvas holds compiles exactly as what was stored.
    const workflow = { id: 'w', name: 'w', kind: 'routing' as const, description: '', graph };
    expect(compileWorkflow({ ...workflow, graph: toGraph(flow.nodes, flow.edges) })).toEqual(compileWorkflow(workflow));
  });
});
