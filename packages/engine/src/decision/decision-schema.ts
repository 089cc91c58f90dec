// The decision Mentionflow returns for a mention, declared once.
import { z } from 'zod';
import { ACTION_KINDS } from '../nodes/node-kinds.ts';
import { PrioritySchema } from './priority.ts';

export const ActionSchema = z.looseObject({ type: z.enum(ACTION_KINDS) });

export const FiredRefSchema = z.strictObject({
  workflowId: z.string(),
  version: z.number().int().optional(),
  ruleId: z.string(),
  nodeId: z.string(),
});

export const DroppedActionSchema = z.strictObject({ action: ActionSchema, reason: z.string() });

export const DecisionSchema = z.strictObject({
  mentionId: z.string(),
  priority: PrioritySchema,
  queue: z.string().nullable(),
  tags: z.array(z.string()),
  actions: z.array(ActionSchema),
  fired: z.array(FiredRefSchema),
  facts: z.record(z.string(), z.unknown()),
  /** Actions a conflict rule set aside, with why: nothing disappears silently. */
  dropped: z.array(DroppedActionSchema),
});

export type Decision = z.infer<typeof DecisionSchema>;
export type FiredRef = z.infer<typeof FiredRefSchema>;
export type DroppedAction = z.infer<typeof DroppedActionSchema>;

export const EmpowermentDecisionSchema = z.strictObject({
  requestId: z.string(),
  allowed: z.boolean(),
  requiresApproval: z.string().nullable(),
  reason: z.string(),
  fired: z.array(FiredRefSchema),
});
export type EmpowermentDecision = z.infer<typeof EmpowermentDecisionSchema>;
