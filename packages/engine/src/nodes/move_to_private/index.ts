// Move to private: invite the customer to a private channel, e.g. when they post personal data in public.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { ReasonSchema, TemplateIdSchema } from '../shared-fields.ts';

export const moveToPrivate = defineActionNode({
  kind: 'move_to_private',
  label: 'Move to private',
  description: 'Invite the customer to continue in a private channel, with a template explaining why.',
  dataSchema: z.strictObject({ reason: ReasonSchema, template: TemplateIdSchema }),
  defaults: { reason: 'personal data', template: 'move-to-private' },
  fields: [
    { name: 'reason', label: 'Reason', input: 'text' },
    { name: 'template', label: 'Template', input: 'template' },
  ],
  summarize: (data) => `move to private (${data.reason})`,
});
