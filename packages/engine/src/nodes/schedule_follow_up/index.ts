// Schedule follow-up: hear from the brand again later, after a delay or at a given time.
import { z } from 'zod';
import { DurationSchema } from '../../time/duration.ts';
import { defineActionNode } from '../action-node.ts';
import { TemplateIdSchema } from '../shared-fields.ts';

const FollowUpData = z.discriminatedUnion('when', [
  z.strictObject({ when: z.literal('after'), after: DurationSchema, template: TemplateIdSchema }),
  z.strictObject({ when: z.literal('at'), at: z.iso.datetime({ offset: true }), template: TemplateIdSchema }),
  z.strictObject({
    when: z.literal('event'),
    offset: DurationSchema,
    direction: z.enum(['before', 'after']),
    template: TemplateIdSchema,
  }),
]);

export const scheduleFollowUp = defineActionNode({
  kind: 'schedule_follow_up',
  label: 'Schedule follow-up',
  description:
    'Write to the customer again later: after a delay, at a date, or around a personal event the mention announces.',
  dataSchema: FollowUpData,
  defaults: { when: 'after', after: '3d', template: 'follow-up' },
  fields: [
    { name: 'when', label: 'When', input: 'select', options: ['after', 'at', 'event'] },
    { name: 'after', label: 'After', input: 'duration', showWhen: { field: 'when', in: ['after'] } },
    { name: 'at', label: 'At', input: 'text', showWhen: { field: 'when', in: ['at'] } },
    { name: 'offset', label: 'Offset from the event', input: 'duration', showWhen: { field: 'when', in: ['event'] } },
    { name: 'direction', label: 'Before or after', input: 'select', options: ['before', 'after'], showWhen: { field: 'when', in: ['event'] } },
    { name: 'template', label: 'Template', input: 'template' },
  ],
  summarize: (data) =>
    data.when === 'after'
      ? `follow up after ${data.after}`
      : data.when === 'at'
        ? `follow up at ${data.at}`
        : `follow up ${data.offset} ${data.direction} the event the customer mentions`,
  toAction: (data) => {
    const { when: _when, ...timing } = data;
    return { type: 'schedule_follow_up', ...timing };
  },
});
