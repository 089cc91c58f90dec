// The table of workflows: name (a link to the canvas), kind, status, who published it and when.
import type { WorkflowSummary } from '../../api/workflows-api.ts';
import { Link } from '../../app/Link.tsx';
import { workflowPath } from '../../app/router.ts';
import { formatDateTime, formatRelative } from '../../ui/format.ts';
import { statusExplanation, statusText } from './workflow-status.ts';

export function WorkflowTable({ workflows }: { workflows: readonly WorkflowSummary[] }) {
  return (
    <table className="workflow-table">
      <caption className="visually-hidden">Workflows ({workflows.length})</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col">Published</th>
          <th scope="col">Last edit</th>
        </tr>
      </thead>
      <tbody>
        {workflows.map((workflow) => (
          <tr key={workflow.id}>
            <th scope="row">
              <Link href={workflowPath(workflow.id)}>{workflow.name}</Link>
              {workflow.packId && (
                <span className="pack-badge" title={workflow.locallyModified ? 'Edited here since the pack was imported' : undefined}>
                  pack {workflow.packId}
                  {workflow.locallyModified ? ' · edited' : ''}
                </span>
              )}
              {workflow.description && <p className="row-description">{workflow.description}</p>}
            </th>
            <td>
              <span className={`kind-badge kind-${workflow.kind}`}>{workflow.kind}</span>
            </td>
            <td>
              <span className={`status-badge status-${workflow.status}`} title={statusExplanation(workflow)}>
                {statusText(workflow)}
              </span>
            </td>
            <td>
              {workflow.publishedAt ? (
                <>
                  <time dateTime={workflow.publishedAt} title={formatDateTime(workflow.publishedAt)}>
                    {formatRelative(workflow.publishedAt)}
                  </time>
                  <span className="by"> by {workflow.publishedBy ?? 'someone unnamed'}</span>
                </>
              ) : (
                <span className="muted">never</span>
              )}
            </td>
            <td>
              <time dateTime={workflow.updatedAt} title={formatDateTime(workflow.updatedAt)}>
                {formatRelative(workflow.updatedAt)}
              </time>
              {workflow.updatedBy && <span className="by"> by {workflow.updatedBy}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
