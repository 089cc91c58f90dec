// Require approval: the agent may not grant this alone; the named tier must approve.
import { z } from 'zod';
import { AGENT_TIERS, AgentTierSchema } from '../../evaluation/empowerment-request-schema.ts';
import { defineActionNode } from '../action-node.ts';
import { ReasonSchema } from '../shared-fields.ts';

export const requireApproval = defineActionNode({
  kind: 'require_approval',
  label: 'Require approval',
  description: 'The request needs approval by this tier (or higher); the agent may not grant it alone.',
  dataSchema: z.strictObject({ role: AgentTierSchema, reason: ReasonSchema }),
  defaults: { role: 'senior' as (typeof AGENT_TIERS)[number], reason: 'over the agent limit' },
  fields: [
    { name: 'role', label: 'Approved by', input: 'select', options: AGENT_TIERS },
    { name: 'reason', label: 'Reason', input: 'text' },
  ],
  summarize: (data) => `require approval by a ${data.role} (${data.reason})`,
  workflowKinds: ['empowerment', 'routing'],
});
