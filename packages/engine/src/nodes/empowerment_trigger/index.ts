// Empowerment trigger: an agent asks whether they may grant a remedy.
import { z } from 'zod';
import { REMEDIES, RemedySchema } from '../../evaluation/empowerment-request-schema.ts';
import { defineTriggerNode } from '../trigger-node.ts';

export const empowermentTrigger = defineTriggerNode({
  kind: 'empowerment_trigger',
  workflowKind: 'empowerment',
  label: 'When an agent asks to grant a remedy',
  description: 'Starts an empowerment workflow for a request, or only for some remedies.',
  dataSchema: z.strictObject({ remedies: z.array(RemedySchema).max(REMEDIES.length) }),
  defaults: { remedies: [] as (typeof REMEDIES)[number][] },
  fields: [{ name: 'remedies', label: 'Remedies (all when empty)', input: 'multiselect', options: REMEDIES }],
  summarize: (data) =>
    data.remedies.length ? `When an agent asks to grant a ${data.remedies.join(' or ')}` : 'When an agent asks to grant a remedy',
  toCondition: (data) => (data.remedies.length ? { fact: 'request.remedy', operator: 'in', value: data.remedies } : null),
});
