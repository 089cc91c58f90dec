// Open incident: gather mentions about one problem (an outage) under a single incident; at most one per topic.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { TopicSchema } from '../shared-fields.ts';

export const openIncident = defineActionNode({
  kind: 'open_incident',
  label: 'Open incident',
  description: 'Open an incident for a topic (at most one open per topic) that gathers the matching mentions.',
  dataSchema: z.strictObject({ topic: TopicSchema }),
  defaults: { topic: 'outage' },
  fields: [{ name: 'topic', label: 'Topic', input: 'text' }],
  summarize: (data) => `open an incident “${data.topic}”`,
});
