// /audit (admins and ops leads): who did what to which subject, newest first, filtered by person, action, subject and
// days, a page at a time; each entry opens onto what it changed (before → after).
import { Fragment, useEffect, useMemo, useState } from 'react';
import { auditApi, type AuditEntry } from '../../api/audit-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { formatDateTime, formatRelative } from '../../ui/format.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/States.tsx';
import { actionPrefixes, auditFiltersSearch, auditQuery, parseAuditFilters, type AuditFilters } from './audit-filters.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import './access.css';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; entries: AuditEntry[]; next: number | null; more: 'idle' | 'loading' | { error: string } };

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : String(error));

export default function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(() => parseAuditFilters(location.search));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    auditApi
      .list(auditQuery(filters), controller.signal)
      .then((page) => setLoad({ status: 'ready', entries: page.entries, next: page.next, more: 'idle' }))
      .catch((error: unknown) => (error as Error).name !== 'AbortError' && setLoad({ status: 'error', message: messageOf(error) }));
    return () => controller.abort();
  }, [filters, attempt]);

  const apply = (next: AuditFilters) => {
    setFilters(next);
    setOpen(new Set());
    history.replaceState(null, '', `${location.pathname}${auditFiltersSearch(next)}`);
  };

  const showOlder = async () => {
    if (load.status !== 'ready' || load.next === null) return;
    const shown = load;
    setLoad({ ...shown, more: 'loading' });
    try {
      const page = await auditApi.list(auditQuery(filters, shown.next));
      setLoad({ status: 'ready', entries: [...shown.entries, ...page.entries], next: page.next, more: 'idle' });
    } catch (error) {
      setLoad({ ...shown, more: { error: messageOf(error) } });
    }
  };

  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const entries = load.status === 'ready' ? load.entries : [];
  const actionOptions = useMemo(() => actionPrefixes(entries.map((entry) => entry.action)), [entries]);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <section className="page access-page" aria-labelledby="audit-title">
      <header className="page-header">
        <h1 id="audit-title">Audit log</h1>
      </header>
      <p className="muted">Every change to workflows, settings, users and tokens, and every sign-in: who, when, and what it changed.</p>
      <AuditFiltersForm filters={filters} actionOptions={actionOptions} onApply={apply} />
      {load.status === 'loading' && <Loading what="the audit log" />}
      {load.status === 'error' && <ErrorState title="The audit log could not be loaded" message={load.message} onRetry={() => setAttempt(attempt + 1)} />}
      {load.status === 'ready' && entries.length === 0 && (
        <EmptyState title={filtered ? 'No entry matches these filters' : 'Nothing recorded yet'}>
          {filtered && <p>Widen the range of days, or clear the filters.</p>}
        </EmptyState>
      )}
      {entries.length > 0 && (
        <table className="access-table audit-table">
          <caption className="visually-hidden">Audit entries ({entries.length} shown)</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const expanded = open.has(entry.id);
              return (
                <Fragment key={entry.id}>
                  <tr className={expanded ? 'audit-row expanded' : 'audit-row'}>
                    <td>
                      <time dateTime={entry.at} title={formatRelative(entry.at)}>
                        {formatDateTime(entry.at)}
                      </time>
                    </td>
                    <td>{entry.actor}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>{entry.subject}</td>
                    <td>
                      <button type="button" className="link-button" aria-expanded={expanded} aria-controls={`audit-entry-${entry.id}`} onClick={() => toggle(entry.id)}>
                        {expanded ? 'Hide changes' : 'Show changes'}
                        <span className="visually-hidden"> of {entry.action} on {entry.subject}</span>
                      </button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={`audit-entry-${entry.id}`} className="audit-expansion">
                      <td colSpan={5}>
                        <AuditChanges before={entry.before} after={entry.after} detail={entry.detail} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {load.status === 'ready' && (load.next !== null || typeof load.more === 'object') && (
        <div className="button-row">
          {load.next !== null && (
            <button type="button" onClick={() => void showOlder()} disabled={load.more === 'loading'}>
              {load.more === 'loading' ? 'Loading…' : 'Show older entries'}
            </button>
          )}
          {typeof load.more === 'object' && (
            <p role="alert" className="field-error">
              {load.more.error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
