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
