// The state of an open ticket that escalation workflows read as time passes (the host owns tickets).
import { z } from 'zod';
import { PrioritySchema } from '../decision/priority.ts';

export const TicketStateSchema = z.strictObject({
  priority: PrioritySchema,
  queue: z.string().nullable(),
  status: z.enum(['open', 'resolved']).default('open'),
  firstResponseSent: z.boolean(),
  escalatedTo: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
});
export type TicketState = z.infer<typeof TicketStateSchema>;
