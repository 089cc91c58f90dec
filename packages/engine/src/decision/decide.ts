// From the rules that fired to one decision, by documented conflict rules:
// - priority: the most urgent one set wins, then raised by the largest `raise` (raises do not stack);
// - queue: the route of the best-ranked firing rule wins;
// - tags unite; identical actions appear once; one acknowledgement at most;
// - `hide` is honoured only with reason `spam`, and then spam overrides: priority and queue come from the
//   hiding workflow (P4, `spam` when it sets none) and no reply goes out;
// - a reply is not sent twice: moving to private, holding replies, or linking to an incident notice
//   replaces the automatic acknowledgement.
import type { FiredRule } from '../executor/fired-rule.ts';
import type { Action } from './action.ts';
import { actionKey } from './action.ts';
import type { Decision, DroppedAction, FiredRef } from './decision-schema.ts';
import { higherPriority, raisePriority, type Priority } from './priority.ts';
import { parseDuration } from '../time/duration.ts';

export const DEFAULT_PRIORITY: Priority = 'P3';
const FOLDED = new Set(['route', 'set_priority', 'tag']);
const REPLIES = new Set(['auto_acknowledge', 'move_to_private', 'link_to_notice', 'schedule_follow_up']);
const MINUTE = 60_000;

export interface DecideContext {
  readonly mentionId: string;
  /** When the decision is made (the host's now, or the mention's createdAt): follow-ups are due from here. */
  readonly at: string;
  readonly facts: Record<string, unknown>;
  /** Resolves the date of a personal event the mention announces, for follow-ups timed to it. */
  readonly eventDate?: () => string | undefined;
  /** The priority the subject already has (a ticket's, when escalating): rules can raise it, never lower it. */
  readonly basePriority?: Priority;
}

export function decide(fired: readonly FiredRule[], context: DecideContext): Decision {
  const dropped: DroppedAction[] = [];
  const spam = fired.find((rule) => rule.action.type === 'hide' && rule.action.reason === 'spam');
  let best: Priority | undefined;
  let raise = 0;
  let queue: string | null = null;
  const tags: string[] = [];
  for (const rule of fired) {
    const action = rule.action;
    if (spam && rule.workflowId !== spam.workflowId && (action.type === 'route' || action.type === 'set_priority')) {
      dropped.push({ action, reason: 'spam overrides other routes and priorities' });
    } else if (action.type === 'set_priority') {
      if (typeof action.priority === 'string') best = best ? higherPriority(best, action.priority as Priority) : (action.priority as Priority);
      if (typeof action.raise === 'number') raise = Math.max(raise, action.raise);
    } else if (action.type === 'route' && queue === null) {
      queue = action.queue as string;
    } else if (action.type === 'tag') {
      for (const name of action.tags as string[]) if (!tags.includes(name)) tags.push(name);
    }
  }
  const base = context.basePriority;
  const start = best && base ? higherPriority(best, base) : (best ?? base ?? DEFAULT_PRIORITY);
  let priority = raisePriority(start, raise);
  if (spam) {
    priority = best ?? 'P4';
    queue = queue ?? 'spam';
  }

  const actions = effectiveActions(fired, Boolean(spam), dropped, context);
  return {
    mentionId: context.mentionId,
    priority,
    queue,
    tags,
    actions,
    fired: fired.map(firedEntry),
    facts: context.facts,
    dropped,
  };
}

// Written out rather than spread: a decision lists every rule that fired (dozens with a large rule set).
function firedEntry({ workflowId, version, ruleId, nodeId }: FiredRule): FiredRef {
  return version !== undefined ? { workflowId, version, ruleId, nodeId } : { workflowId, ruleId, nodeId };
}

function effectiveActions(fired: readonly FiredRule[], spam: boolean, dropped: DroppedAction[], context: DecideContext): Action[] {
  const seen = new Set<string>();
  const actions: Action[] = [];
  for (const rule of fired) {
    const action = rule.action;
    if (FOLDED.has(action.type)) continue;
    if (action.type === 'hide' && action.reason !== 'spam') {
      dropped.push({ action, reason: 'only spam is hidden: complaints and insults stay visible' });
      continue;
    }
    const key = actionKey(action);
    if (seen.has(key)) continue;
    seen.add(key);
    actions.push(action);
  }
  const present = new Set(actions.map((action) => action.type));
  const kept: Action[] = [];
  let acknowledged = false;
  for (const action of actions) {
    const reason = suppression(action, present, spam, acknowledged);
    if (reason) {
      dropped.push({ action, reason });
      continue;
    }
    if (action.type === 'auto_acknowledge') acknowledged = true;
    kept.push(action.type === 'schedule_follow_up' ? timeFollowUp(action, context, dropped) : action);
  }
  return kept.filter((action) => action.type !== 'schedule_follow_up' || typeof action.dueAt === 'string');
}

function suppression(action: Action, present: ReadonlySet<string>, spam: boolean, acknowledged: boolean): string | undefined {
  if (spam && REPLIES.has(action.type)) return 'spam gets no reply';
  if (action.type !== 'auto_acknowledge') return undefined;
  if (present.has('link_to_notice')) return 'the incident notice answers instead of an individual acknowledgement';
  if (present.has('move_to_private')) return 'the move-to-private message is the reply';
  if (present.has('hold_reply')) return 'replies are on hold';
  if (acknowledged) return 'one acknowledgement per mention';
  return undefined;
}

/** Give a follow-up its due time; one that cannot be timed is dropped with the reason. */
function timeFollowUp(action: Action, context: DecideContext, dropped: DroppedAction[]): Action {
  const base = Date.parse(context.at);
  if (typeof action.after === 'string') {
    const minutes = parseDuration(action.after);
    if (minutes !== undefined) return { ...action, dueAt: new Date(base + minutes * MINUTE).toISOString() };
  } else if (typeof action.at === 'string') {
    return { ...action, dueAt: new Date(Date.parse(action.at)).toISOString() };
  } else if (typeof action.offset === 'string') {
    const eventDate = context.eventDate?.();
    const minutes = parseDuration(action.offset);
    if (eventDate && minutes !== undefined) {
      const sign = action.direction === 'before' ? -1 : 1;
      const due = Math.max(base, Date.parse(eventDate) + sign * minutes * MINUTE);
      return { ...action, dueAt: new Date(due).toISOString() };
    }
    dropped.push({ action, reason: 'the mention announces no date to follow up on' });
    return action;
  }
  dropped.push({ action, reason: 'the follow-up has no valid time' });
  return action;
}
