// Which decisions need a human, and when the first response is due.
import type { Decision, Settings } from '@mentionflow/engine';
import { businessTime } from '../domain/business-time.ts';

/** Spam that was hidden and mentions no rule routed need nobody; everything else lands in a queue. */
export function needsTicket(decision: Decision): boolean {
  if (decision.queue === null) return false;
  return !decision.actions.some((action) => action.type === 'hide');
}

/** P1 runs around the clock; P2–P4 targets count business minutes (a Friday-evening P3 is due Monday). */
export function firstResponseDue(decision: Decision, arrivedAt: number, settings: Settings): number {
  const minutes = settings.responseTargets[decision.priority];
  if (decision.priority === 'P1') return arrivedAt + minutes * 60_000;
  return businessTime(settings).addMinutes(arrivedAt, minutes) ?? arrivedAt + minutes * 60_000;
}
