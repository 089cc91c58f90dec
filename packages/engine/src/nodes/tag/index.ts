// Tag: label the mention; tags from every rule that fires are united.
import { z } from 'zod';
import { defineActionNode } from '../action-node.ts';
import { TagSchema } from '../shared-fields.ts';

export const tag = defineActionNode({
  kind: 'tag',
  label: 'Tag',
  description: 'Add tags to the mention. Tags from every rule that fires are kept.',
  dataSchema: z.strictObject({ tags: z.array(TagSchema).min(1, 'at least one tag').max(20) }),
  defaults: { tags: [] as string[] },
  fields: [{ name: 'tags', label: 'Tags', input: 'tags' }],
  summarize: (data) => `tag ${data.tags.map((name) => `“${name}”`).join(', ') || '(no tags yet)'}`,
});
