// The audit page's filters: kept in the page's URL, turned into the API's query with local days as instants (the
// last day included), and the action prefixes offered from the entries seen.
import { describe, expect, it } from 'vitest';
import { actionPrefixes, auditFiltersSearch, auditQuery, auditRangeProblem, NO_AUDIT_FILTERS, parseAuditFilters } from '../apps/editor/src/pages/access/audit-filters.ts';

describe('audit filters', () => {
  it('read from and write to the query string, dropping what cannot be a day', () => {
    const filters = parseAuditFilters('?actor=lea%40example.test&action=token.&since=2026-03-01&until=March');
    expect(filters).toEqual({ actor: 'lea@example.test', action: 'token.', subject: '', since: '2026-03-01', until: '' });
    expect(auditFiltersSearch(filters)).toBe('?actor=lea%40example.test&action=token.&since=2026-03-01');
    expect(parseAuditFilters(auditFiltersSearch(filters))).toEqual(filters);
    expect(auditFiltersSearch(NO_AUDIT_FILTERS)).toBe('');
  });

  it('ask the API from the first midnight to the midnight after the last day, in local time, with the cursor', () => {
    const query = new URLSearchParams(auditQuery({ ...NO_AUDIT_FILTERS, action: 'user.', since: '2026-03-01', until: '2026-03-07' }, 120, 50));
    expect(Object.fromEntries(query)).toEqual({
      action: 'user.',
      since: new Date(2026, 2, 1).toISOString(),
      until: new Date(2026, 2, 8).toISOString(),
      before: '120',
      limit: '50',
    });
    expect(auditQuery(NO_AUDIT_FILTERS)).toBe('?limit=50');
  });

  it('refuse a range that ends before it starts', () => {
    expect(auditRangeProblem({ ...NO_AUDIT_FILTERS, since: '2026-03-08', until: '2026-03-01' })).toBe('The first day is after the last day.');
    expect(auditRangeProblem({ ...NO_AUDIT_FILTERS, since: '2026-03-01', until: '2026-03-01' })).toBeNull();
  });

  it('offer each action and its prefix', () => {
    expect(actionPrefixes(['token.created', 'token.revoked', 'user.created', 'token.created'])).toEqual(['token.', 'token.created', 'token.revoked', 'user.', 'user.created']);
  });
});
