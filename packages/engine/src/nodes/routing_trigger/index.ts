// Routing trigger: a mention arrives (optionally only on some channels).
import { z } from 'zod';
import { CHANNELS, ChannelSchema } from '../../mention/mention-schema.ts';
import { defineTriggerNode } from '../trigger-node.ts';

export const routingTrigger = defineTriggerNode({
  kind: 'routing_trigger',
  workflowKind: 'routing',
  label: 'When a mention arrives',
  description: 'Starts a routing workflow for every incoming mention, or only those on some channels.',
  dataSchema: z.strictObject({ channels: z.array(ChannelSchema).max(CHANNELS.length) }),
  defaults: { channels: [] as (typeof CHANNELS)[number][] },
  fields: [{ name: 'channels', label: 'Channels (all when empty)', input: 'multiselect', options: CHANNELS }],
  summarize: (data) => (data.channels.length ? `When a mention arrives on ${data.channels.join(', ')}` : 'When a mention arrives'),
  toCondition: (data) => (data.channels.length ? { fact: 'channel', operator: 'in', value: data.channels } : null),
});
