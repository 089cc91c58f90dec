// One audit entry's change: a table of the fields added, removed or changed between before and after, and both
// values in full for whoever needs the raw JSON.
import { diffJson, shortJson } from './json-diff.ts';

const KIND_WORDS = { added: 'added', removed: 'removed', changed: 'changed' } as const;

export function AuditChanges({ before, after, detail }: { before: unknown; after: unknown; detail: unknown }) {
  const changes = diffJson(before, after);
  const hasDetail = detail !== null && detail !== undefined && !(typeof detail === 'object' && Object.keys(detail as object).length === 0);
  return (
    <div className="audit-changes">
      {changes.length === 0 ? (
        <p className="muted">{before == null && after == null ? 'No before or after recorded for this action.' : 'Before and after are the same.'}</p>
      ) : (
        <table className="diff-table">
          <caption className="visually-hidden">Changes ({changes.length})</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={`${change.kind}:${change.path}`} className={`diff-${change.kind}`}>
                <th scope="row">
                  <code>{change.path || '(whole value)'}</code> <span className={`diff-badge diff-badge-${change.kind}`}>{KIND_WORDS[change.kind]}</span>
                </th>
                <td>{change.kind === 'added' ? <span className="muted">—</span> : <code className="json">{shortJson(change.before)}</code>}</td>
                <td>{change.kind === 'removed' ? <span className="muted">—</span> : <code className="json">{shortJson(change.after)}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasDetail && (
        <p className="audit-detail">
          Detail: <code className="json">{typeof detail === 'string' ? detail : shortJson(detail, 400)}</code>
        </p>
      )}
      {(before != null || after != null) && (
        <details className="raw-json">
          <summary>Before and after as JSON</summary>
          <div className="raw-json-sides">
            <pre aria-label="Before">{JSON.stringify(before ?? null, null, 2)}</pre>
            <pre aria-label="After">{JSON.stringify(after ?? null, null, 2)}</pre>
          </div>
        </details>
      )}
    </div>
  );
}
