// The audit page's filters: who, which action (a prefix such as `workflow.`), which subject, and a range of days. They
// live in the page's URL (`/audit?action=token.&since=2026-03-01`) and turn into the API's query with its cursor.

export interface AuditFilters {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** Local calendar days, YYYY-MM-DD, both included; '' for no bound. */
  readonly since: string;
  readonly until: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', subject: '', since: '', until: '' };
export const AUDIT_PAGE_SIZE = 50;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['actor', 'action', 'subject', 'since', 'until'] as const;

function validDay(day: string): boolean {
  return DAY.test(day) && !Number.isNaN(new Date(`${day}T00:00:00`).getTime());
}

export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() ?? '';
  const day = (name: string) => (validDay(text(name)) ? text(name) : '');
  return { actor: text('actor'), action: text('action'), subject: text('subject'), since: day('since'), until: day('until') };
}

/** The page's query string ('' without filters), the inverse of `parseAuditFilters`. */
export function auditFiltersSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (filters[field].trim()) params.set(field, filters[field].trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Why the range of days cannot be asked for, or null. */
export function auditRangeProblem(filters: AuditFilters): string | null {
  if (filters.since && filters.until && filters.since > filters.until) return 'The first day is after the last day.';
  return null;
}

/**
 * The API's query for the filters: days become instants in the browser's time zone — `since` its first midnight,
 * `until` the midnight after its day (so the last day is included) — and `before` asks for the page after a cursor.
 */
export function auditQuery(filters: AuditFilters, before: number | null = null, limit = AUDIT_PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.action.trim()) params.set('action', filters.action.trim());
  if (filters.subject.trim()) params.set('subject', filters.subject.trim());
  if (validDay(filters.since)) params.set('since', new Date(`${filters.since}T00:00:00`).toISOString());
  if (validDay(filters.until)) {
    const end = new Date(`${filters.until}T00:00:00`);
    end.setDate(end.getDate() + 1); // setDate, not +24 h: a DST change makes one day 23 or 25 hours long
    params.set('until', end.toISOString());
  }
  if (before !== null) params.set('before', String(before));
  params.set('limit', String(limit));
  return `?${params.toString()}`;
}

/** `workflow.` for `workflow.publish`: the prefixes the action filter offers, from the entries seen so far. */
export function actionPrefixes(actions: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const action of actions) {
    const dot = action.indexOf('.');
    if (dot > 0) prefixes.add(action.slice(0, dot + 1));
    prefixes.add(action);
  }
  return [...prefixes].sort();
}
