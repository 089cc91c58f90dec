// Notify: tell a person, role or team channel about the mention.
import { z } from 'zod';
import { WORKFLOW_KINDS } from '../../workflow/workflow-kind.ts';
import { defineActionNode } from '../action-node.ts';
import { TargetSchema } from '../shared-fields.ts';

export const notify = defineActionNode({
  kind: 'notify',
  label: 'Notify',
  description: 'Send a notification to a role or team channel.',
  dataSchema: z.strictObject({ target: TargetSchema, message: z.string().min(1, 'a message is required').max(1000) }),
  defaults: { target: 'supervisor', message: 'Please take a look.' },
  fields: [
    { name: 'target', label: 'Notify', input: 'text' },
    { name: 'message', label: 'Message', input: 'textarea' },
  ],
  summarize: (data) => `notify ${data.target}`,
  workflowKinds: WORKFLOW_KINDS,
});
