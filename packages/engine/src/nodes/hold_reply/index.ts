// Hold reply: do not answer publicly again (e.g. the brand already replied twice in the thread).
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { ReasonSchema } from '../shared-fields.ts';

export const holdReply = defineActionNode({
  kind: 'hold_reply',
  label: 'Hold reply',
  description: 'Hold back any further public reply (automatic acknowledgements are not sent).',
  dataSchema: z.strictObject({ reason: ReasonSchema }),
  defaults: { reason: 'reply limit reached' },
  fields: [{ name: 'reason', label: 'Reason', input: 'text' }],
  summarize: (data) => `hold replies (${data.reason})`,
});
