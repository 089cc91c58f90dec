// How a decision reads in the results: its queue (or "no queue"), and the actions that matter beyond queue,
// priority and tags ("escalate", "hide"…), as short words.
import type { Decision } from '@mentionflow/engine';

/** The key mentions without a queue are counted under (the server's summaries use it too). */
export const NO_QUEUE = '(none)';

export const queueKey = (queue: string | null | undefined): string => (queue === null || queue === undefined || queue === 'null' ? NO_QUEUE : queue);

export const queueLabel = (queue: string | null | undefined): string => (queueKey(queue) === NO_QUEUE ? 'no queue' : queueKey(queue));

/** Actions shown in their own columns (queue, priority, tags) are not repeated as "key actions". */
const OWN_COLUMNS = new Set(['route', 'set_priority', 'tag']);

export function actionWord(type: string): string {
  return type.replace(/_/g, ' ');
}

/** "route: refunds", "set priority: P2", "escalate: lead · late": an action with its short values (no reply texts). */
export function actionText(action: { type: string } & Record<string, unknown>): string {
  const { type, ...values } = action;
  const details = Object.values(values)
    .map((value) => (Array.isArray(value) ? value.join(', ') : value !== null && typeof value === 'object' ? '' : String(value)))
    .filter((text) => text !== '' && text.length <= 40);
  return details.length ? `${actionWord(type)}: ${details.join(' · ')}` : actionWord(type);
}

export function keyActions(decision: Pick<Decision, 'actions'>): string[] {
  const words: string[] = [];
  for (const action of decision.actions) {
    if (OWN_COLUMNS.has(action.type)) continue;
    const to = typeof action.to === 'string' ? ` → ${action.to}` : '';
    const word = `${actionWord(action.type)}${to}`;
    if (!words.includes(word)) words.push(word);
  }
  return words;
}
