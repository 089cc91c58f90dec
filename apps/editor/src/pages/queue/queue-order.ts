// The queue's two orders: by priority (the server's: P1 first, then by due time) or newest first.
import type { QueueItem } from '../../api/queue-api.ts';

export type QueueOrder = 'priority' | 'newest';

export function orderQueue(items: readonly QueueItem[], order: QueueOrder): QueueItem[] {
  if (order === 'priority') return [...items];
  const time = (item: QueueItem) => Date.parse(item.ticket.createdAt ?? item.mention?.createdAt ?? '') || 0;
  return [...items].sort((a, b) => time(b) - time(a) || b.ticket.id - a.ticket.id);
}

/** An action as a few words: "route → billing", "tag pii", "set priority P1". */
export function describeAction(action: { type: string } & Record<string, unknown>): string {
  const { type, ...rest } = action;
  const detail = Object.values(rest)
    .map((value) => (Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? '' : String(value)))
    .filter(Boolean)
    .join(' · ');
  return detail ? `${type.replace(/_/g, ' ')}: ${detail}` : type.replace(/_/g, ' ');
}
