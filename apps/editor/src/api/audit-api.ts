// The audit log (/api/audit): who changed what and when, newest first, a page at a time.
import { request } from './http.ts';

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  /** The user's email, or `token:<name>`; null for the system. */
  readonly actor: string | null;
  /** Dotted, e.g. `workflow.publish`: filters match a prefix (`workflow.`). */
  readonly action: string;
  readonly subject: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  /** The cursor for older entries (`before`), or null at the oldest. */
  readonly next: number | null;
}

export const auditApi = {
  /** `query` is the query string from audit-filters.ts (`?actor=…&before=…`). */
  list: (query: string, signal?: AbortSignal) => request<AuditPage>('GET', `/api/audit${query}`, undefined, signal),
};
