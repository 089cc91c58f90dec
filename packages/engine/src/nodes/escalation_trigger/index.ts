// Escalation trigger: time passes on an open ticket (checked by the host's scheduler).
import { z } from 'zod';
import { defineTriggerNode } from '../trigger-node.ts';

export const escalationTrigger = defineTriggerNode({
  kind: 'escalation_trigger',
  workflowKind: 'escalation',
  label: 'While a ticket is open',
  description: 'Runs over open tickets as time passes; optionally only while the first response is still missing.',
  dataSchema: z.strictObject({ onlyUnanswered: z.boolean() }),
  defaults: { onlyUnanswered: true },
  fields: [{ name: 'onlyUnanswered', label: 'Only tickets without a first response', input: 'boolean' }],
  summarize: (data) => (data.onlyUnanswered ? 'While a ticket waits for its first response' : 'While a ticket is open'),
  toCondition: (data) =>
    data.onlyUnanswered
      ? { all: [{ fact: 'ticket.status', operator: 'notEqual', value: 'resolved' }, { fact: 'firstResponseSent', operator: 'equal', value: false }] }
      : { fact: 'ticket.status', operator: 'notEqual', value: 'resolved' },
});
