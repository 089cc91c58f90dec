// Set priority: fix a priority (P1 highest) or raise the priority by some levels.
import { z } from 'zod';
import { PRIORITIES, PrioritySchema } from '../../decision/priority.ts';
import { defineActionNode } from '../action-node.ts';

const SetPriorityData = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('set'), priority: PrioritySchema }),
  z.strictObject({ mode: z.literal('raise'), raise: z.number().int().min(1).max(3) }),
]);

export const setPriority = defineActionNode({
  kind: 'set_priority',
  label: 'Set priority',
  description: 'Set a priority (the most urgent one any rule sets wins), or raise the result by some levels.',
  dataSchema: SetPriorityData,
  defaults: { mode: 'set', priority: 'P3' },
  fields: [
    { name: 'mode', label: 'Mode', input: 'select', options: ['set', 'raise'] },
    { name: 'priority', label: 'Priority', input: 'priority', options: PRIORITIES, showWhen: { field: 'mode', in: ['set'] } },
    { name: 'raise', label: 'Raise by (levels)', input: 'number', showWhen: { field: 'mode', in: ['raise'] } },
  ],
  summarize: (data) =>
    data.mode === 'set' ? `set priority ${data.priority}` : `raise priority by ${data.raise} level${data.raise > 1 ? 's' : ''}`,
  toAction: (data) =>
    data.mode === 'set' ? { type: 'set_priority', priority: data.priority } : { type: 'set_priority', raise: data.raise },
});
