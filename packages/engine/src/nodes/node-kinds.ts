// The node-kind union, declared once: the registry must cover every kind (checked by the compiler).
import { z } from 'zod';

export const TRIGGER_KINDS = ['routing_trigger', 'escalation_trigger', 'empowerment_trigger', 'proactive_trigger'] as const;

export const ACTION_KINDS = [
  'route',
  'set_priority',
  'tag',
  'auto_acknowledge',
  'move_to_private',
  'hold_reply',
  'hide',
  'escalate',
  'open_incident',
  'publish_notice',
  'link_to_notice',
  'schedule_follow_up',
  'require_approval',
  'notify',
] as const;

export const NODE_KINDS = [...TRIGGER_KINDS, 'condition', ...ACTION_KINDS, 'stop'] as const;

export const NodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKindSchema>;
export type ActionKind = (typeof ACTION_KINDS)[number];
export type TriggerKind = (typeof TRIGGER_KINDS)[number];
