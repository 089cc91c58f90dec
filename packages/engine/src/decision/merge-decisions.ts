// One decision from two stages of the same mention (e.g. arrival and a later escalation check).
import { actionKey } from './action.ts';
import type { Decision } from './decision-schema.ts';
import { higherPriority } from './priority.ts';

export function mergeDecisions(first: Decision, later: Decision): Decision {
  const seen = new Set(first.actions.map(actionKey));
  return {
    mentionId: first.mentionId,
    priority: higherPriority(first.priority, later.priority),
    queue: first.queue ?? later.queue,
    tags: [...new Set([...first.tags, ...later.tags])],
    actions: [...first.actions, ...later.actions.filter((action) => !seen.has(actionKey(action)))],
    fired: [...first.fired, ...later.fired],
    facts: { ...first.facts, ...later.facts },
    dropped: [...first.dropped, ...later.dropped],
  };
}
