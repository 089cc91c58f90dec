// Workflows the server tests publish.
import { condition, edge, node, trigger, workflow } from './workflow-builder.ts';

export const refundWorkflow = (queue = 'billing') =>
  workflow(
    'refunds',
    'routing',
    [
      trigger(),
      condition('is-refund', [['text', 'containsTerms', ['refund', 'remboursement']]]),
      node('to-billing', 'route', { queue, rank: 50 }),
      node('p2', 'set_priority', { mode: 'set', priority: 'P2' }),
      node('to-general', 'route', { queue: 'general', rank: 90 }),
    ],
    [edge('start', 'is-refund'), edge('is-refund', 'to-billing', 'yes'), edge('to-billing', 'p2'), edge('is-refund', 'to-general', 'no')],
  );

/** Complaints go to care: a small routing workflow as the editor's JSON (positions included), for browser tests. */
export const complaintsWorkflow = () => ({
  id: 'complaints',
  name: 'Complaints',
  kind: 'routing',
  description: 'Complaints go to care',
  graph: {
    nodes: [
      { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
      { id: 'is-complaint', type: 'condition', position: { x: 320, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: ['complaint'] }] } },
      { id: 'to-care', type: 'route', position: { x: 640, y: 0 }, data: { queue: 'care', rank: 50 } },
    ],
    edges: [
      { id: 'a', source: 'start', target: 'is-complaint' },
      { id: 'b', source: 'is-complaint', target: 'to-care', sourceHandle: 'yes' },
    ],
  },
});
