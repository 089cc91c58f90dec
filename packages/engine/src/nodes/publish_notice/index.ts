// Publish notice: draft one public status update for an incident, for an operations lead to approve.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { TemplateIdSchema, TopicSchema } from '../shared-fields.ts';

export const publishNotice = defineActionNode({
  kind: 'publish_notice',
  label: 'Publish notice',
  description: 'Draft a public status update from a template; an operations lead approves it before it goes out.',
  dataSchema: z.strictObject({ template: TemplateIdSchema, topic: TopicSchema }),
  defaults: { template: 'outage-notice', topic: 'outage' },
  fields: [
    { name: 'template', label: 'Template', input: 'template' },
    { name: 'topic', label: 'Incident topic', input: 'text' },
  ],
  summarize: (data) => `draft the public notice “${data.template}” for “${data.topic}”`,
});
