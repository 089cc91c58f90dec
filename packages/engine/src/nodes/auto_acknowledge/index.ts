// Auto-acknowledge: answer at once with a template, so the customer knows they were heard.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { TemplateIdSchema } from '../shared-fields.ts';

export const autoAcknowledge = defineActionNode({
  kind: 'auto_acknowledge',
  label: 'Auto-acknowledge',
  description: 'Reply at once with a template (not sent when the mention is moved to private, held, linked to a notice or hidden).',
  dataSchema: z.strictObject({ template: TemplateIdSchema }),
  defaults: { template: 'acknowledgement' },
  fields: [{ name: 'template', label: 'Template', input: 'template' }],
  summarize: (data) => `acknowledge with template “${data.template}”`,
});
