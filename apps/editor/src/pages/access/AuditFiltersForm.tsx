// The audit page's filters, applied together on submit (not per keystroke): who, action prefix, subject, days.
import { useEffect, useState, type FormEvent } from 'react';
import { auditRangeProblem, NO_AUDIT_FILTERS, type AuditFilters } from './audit-filters.ts';

export function AuditFiltersForm({ filters, actionOptions, onApply }: { filters: AuditFilters; actionOptions: readonly string[]; onApply: (filters: AuditFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const problem = auditRangeProblem(draft);
  const set = (field: keyof AuditFilters) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onApply(draft);
  };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <form className="filters audit-filters" role="search" aria-label="Filter the audit log" onSubmit={apply}>
      <label>
        Who
        <input value={draft.actor} onChange={set('actor')} placeholder="user or token" />
      </label>
      <label>
        Action
        <input value={draft.action} onChange={set('action')} list="audit-actions" placeholder="e.g. workflow. or token.create" />
        <datalist id="audit-actions">
          {actionOptions.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </label>
      <label>
        Subject
        <input value={draft.subject} onChange={set('subject')} placeholder="e.g. workflow:refunds" />
      </label>
      <label>
        From
        <input type="date" value={draft.since} onChange={set('since')} max={draft.until || undefined} />
      </label>
      <label>
        To
        <input type="date" value={draft.until} onChange={set('until')} min={draft.since || undefined} aria-invalid={problem !== null} />
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={problem !== null}>
          Apply
        </button>
        {filtered && (
          <button type="button" onClick={() => onApply(NO_AUDIT_FILTERS)}>
            Clear
          </button>
        )}
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
}
