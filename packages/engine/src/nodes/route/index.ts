// Route: send the mention to a queue. When several routes fire, the lowest rank wins.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { DEFAULT_RANK } from '../node-spec.ts';
import { QueueNameSchema, RankSchema } from '../shared-fields.ts';

export const route = defineActionNode({
  kind: 'route',
  label: 'Route to queue',
  description: 'Send the mention to a queue. When several routes fire, the one with the lowest rank wins.',
  dataSchema: z.strictObject({ queue: QueueNameSchema, rank: RankSchema.default(DEFAULT_RANK) }),
  defaults: { queue: 'general', rank: DEFAULT_RANK },
  fields: [
    { name: 'queue', label: 'Queue', input: 'text' },
    { name: 'rank', label: 'Rank', input: 'number', help: 'Lower wins when several routes apply (spam 0, urgent 10 …).' },
  ],
  summarize: (data) => `route to queue “${data.queue}” (rank ${data.rank})`,
  toAction: (data) => ({ type: 'route', queue: data.queue }),
  rankOf: (data) => data.rank,
});
