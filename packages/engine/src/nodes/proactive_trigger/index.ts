// Proactive trigger: a mention arrives, or a ticket is resolved (for closing the loop).
import { z } from 'zod';
import { defineTriggerNode } from '../trigger-node.ts';

const EVENTS = ['mention', 'ticket_resolved'] as const;

export const proactiveTrigger = defineTriggerNode({
  kind: 'proactive_trigger',
  workflowKind: 'proactive',
  label: 'When something happens',
  description: 'Starts a proactive workflow when a mention arrives or when a ticket is resolved.',
  dataSchema: z.strictObject({ event: z.enum(EVENTS) }),
  defaults: { event: 'mention' as (typeof EVENTS)[number] },
  fields: [{ name: 'event', label: 'Event', input: 'select', options: EVENTS }],
  summarize: (data) => (data.event === 'mention' ? 'When a mention arrives' : 'When a ticket is resolved'),
  toCondition: (data) => ({ fact: 'event', operator: 'equal', value: data.event }),
});
