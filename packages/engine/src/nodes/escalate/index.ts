// Escalate: hand the mention or ticket to a role or queue with more authority.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { ReasonSchema, TargetSchema } from '../shared-fields.ts';

export const escalate = defineActionNode({
  kind: 'escalate',
  label: 'Escalate',
  description: 'Escalate to a role (supervisor, manager) or a queue, with a reason.',
  dataSchema: z.strictObject({ to: TargetSchema, reason: ReasonSchema }),
  defaults: { to: 'supervisor', reason: 'first response overdue' },
  fields: [
    { name: 'to', label: 'Escalate to', input: 'text', help: 'A role such as supervisor or manager, or a queue.' },
    { name: 'reason', label: 'Reason', input: 'text' },
  ],
  summarize: (data) => `escalate to ${data.to} (${data.reason})`,
});
