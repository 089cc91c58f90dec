// Link to notice: answer with the incident's public notice instead of an individual reply.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { TopicSchema } from '../shared-fields.ts';

export const linkToNotice = defineActionNode({
  kind: 'link_to_notice',
  label: 'Link to notice',
  description: 'Point the customer to the open incident’s notice (replaces an individual acknowledgement).',
  dataSchema: z.strictObject({ topic: TopicSchema }),
  defaults: { topic: 'outage' },
  fields: [{ name: 'topic', label: 'Incident topic', input: 'text' }],
  summarize: (data) => `link to the “${data.topic}” notice`,
});
