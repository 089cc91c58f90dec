// Terse construction of workflow graphs for tests: nodes and edges by id, positions laid out automatically.
import type { WorkflowInput, WorkflowKind } from '../../packages/engine/src/index.ts';

type NodeDraft = { id: string; type: string; data: Record<string, unknown> };
type EdgeDraft = { source: string; target: string; sourceHandle?: string };

export const node = (id: string, type: string, data: Record<string, unknown> = {}): NodeDraft => ({ id, type, data });

export const trigger = (kind: WorkflowKind = 'routing', id = 'start'): NodeDraft => {
  const data: Record<WorkflowKind, Record<string, unknown>> = {
    routing: { channels: [] },
    escalation: { onlyUnanswered: true },
    empowerment: { remedies: [] },
    proactive: { event: 'mention' },
  };
  return node(id, `${kind}_trigger`, data[kind]);
};

export type ClauseTuple = [fact: string, operator: string, value: unknown, params?: Record<string, unknown>];

export const condition = (id: string, clauses: ClauseTuple[], combinator: 'all' | 'any' = 'all'): NodeDraft =>
  node(id, 'condition', {
    combinator,
    clauses: clauses.map(([fact, operator, value, params]) => ({ fact, operator, value, ...(params ? { params } : {}) })),
  });

export const edge = (source: string, target: string, sourceHandle?: string): EdgeDraft => ({
  source,
  target,
  ...(sourceHandle ? { sourceHandle } : {}),
});

export function workflow(id: string, kind: WorkflowKind, nodes: NodeDraft[], edges: EdgeDraft[]): WorkflowInput {
  return {
    id,
    name: id,
    kind,
    description: '',
    graph: {
      nodes: nodes.map((draft, index) => ({ ...draft, position: { x: 0, y: index * 100 } })),
      edges: edges.map((draft, index) => ({ id: `e${index}-${draft.source}-${draft.target}`, ...draft })),
    },
  };
}
