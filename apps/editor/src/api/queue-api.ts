// /api/queue: open tickets, P1 first then by first-response due time (apps/server/src/domain/queue-reader.ts).
import { request } from './http.ts';

export interface QueueItem {
  ticket: {
    id: number;
    channel: string;
    mentionId: string;
    queue: string;
    priority: string;
    status: string;
    tags: string[];
    assigneeId: string | null;
    firstResponseDueAt: string | null;
    createdAt: string | null;
  };
  overdue: boolean;
  mention: { id: string; channel: string; kind: string; text: string; author: { handle?: string; name?: string } & Record<string, unknown>; createdAt: string } | null;
  decision: { queue: string | null; priority: string; tags: string[]; actions: ({ type: string } & Record<string, unknown>)[] } | null;
}

export const queueApi = {
  list: (signal?: AbortSignal) => request<{ items: QueueItem[]; nextCursor: string | null }>('GET', '/api/queue?limit=200', undefined, signal),
};
