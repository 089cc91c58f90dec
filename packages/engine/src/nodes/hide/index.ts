// Hide: hide the mention from public view. Only honoured for spam: complaints are never hidden.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';

export const HIDE_REASONS = ['spam', 'abuse', 'off_topic'] as const;

export const hide = defineActionNode({
  kind: 'hide',
  label: 'Hide',
  description: 'Hide the mention. Honoured only with reason “spam”: angry customers are never silenced.',
  dataSchema: z.strictObject({ reason: z.enum(HIDE_REASONS) }),
  defaults: { reason: 'spam' as (typeof HIDE_REASONS)[number] },
  fields: [{ name: 'reason', label: 'Reason', input: 'select', options: HIDE_REASONS }],
  summarize: (data) => `hide as ${data.reason}${data.reason === 'spam' ? '' : ' (not honoured: only spam is hidden)'}`,
});
