// The node registry: every node kind's spec. The editor builds its palette and forms from it; the compiler its rules.
import type { NodeKind } from './node-kinds.ts';
import type { NodeSpec } from './node-spec.ts';
import { routingTrigger } from './routing_trigger/index.ts';
import { escalationTrigger } from './escalation_trigger/index.ts';
import { empowermentTrigger } from './empowerment_trigger/index.ts';
import { proactiveTrigger } from './proactive_trigger/index.ts';
import { condition } from './condition/index.ts';
import { route } from './route/index.ts';
import { setPriority } from './set_priority/index.ts';
import { tag } from './tag/index.ts';
import { autoAcknowledge } from './auto_acknowledge/index.ts';
import { moveToPrivate } from './move_to_private/index.ts';
import { holdReply } from './hold_reply/index.ts';
import { hide } from './hide/index.ts';
import { escalate } from './escalate/index.ts';
import { openIncident } from './open_incident/index.ts';
import { publishNotice } from './publish_notice/index.ts';
import { linkToNotice } from './link_to_notice/index.ts';
import { scheduleFollowUp } from './schedule_follow_up/index.ts';
import { requireApproval } from './require_approval/index.ts';
import { notify } from './notify/index.ts';
import { stop } from './stop/index.ts';

export const NODE_SPECS = {
  routing_trigger: routingTrigger,
  escalation_trigger: escalationTrigger,
  empowerment_trigger: empowermentTrigger,
  proactive_trigger: proactiveTrigger,
  condition,
  route,
  set_priority: setPriority,
  tag,
  auto_acknowledge: autoAcknowledge,
  move_to_private: moveToPrivate,
  hold_reply: holdReply,
  hide,
  escalate,
  open_incident: openIncident,
  publish_notice: publishNotice,
  link_to_notice: linkToNotice,
  schedule_follow_up: scheduleFollowUp,
  require_approval: requireApproval,
  notify,
  stop,
} satisfies Record<NodeKind, NodeSpec>;

export function findNodeSpec(kind: string): NodeSpec | undefined {
  return Object.hasOwn(NODE_SPECS, kind) ? (NODE_SPECS as Record<string, NodeSpec>)[kind] : undefined;
}
