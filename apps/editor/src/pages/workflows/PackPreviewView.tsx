// What importing a pack would do: per workflow (add, replace, keep local edits), and its effect on recent mentions.
import type { PackPreview, WorkflowPlan } from '../../api/packs-api.ts';

const PLAN_TEXT: Record<WorkflowPlan, string> = {
  add: 'added',
  replace: 'replaced by the pack’s version',
  unchanged: 'unchanged',
  keep_local: 'kept as edited here (the pack’s changes are not applied)',
};

function changeCount(diff: PackPreview['workflows'][number]['diff']): string {
  if (!diff) return '';
  const parts = [
    diff.addedNodes.length && `${diff.addedNodes.length} node(s) added`,
    diff.removedNodes.length && `${diff.removedNodes.length} removed`,
    diff.changedNodes.filter((change) => change.fields.length).length && `${diff.changedNodes.filter((change) => change.fields.length).length} changed`,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function PackPreviewView({ preview }: { preview: PackPreview }) {
  const { pack, workflows, effect, parameters, retired } = preview;
  return (
    <div className="pack-preview">
      <p>
        <strong>{pack.name}</strong> {pack.version} —{' '}
        {pack.status === 'new' ? 'not installed yet' : pack.status === 'same' ? 'this exact version is already installed' : `upgrade from ${pack.installedVersion}`}
      </p>
      <h3>Workflows</h3>
      <ul className="plan-list">
        {workflows.map((workflow) => (
          <li key={workflow.id} className={`plan plan-${workflow.plan}`}>
            <strong>{workflow.name}</strong> <code>{workflow.id}</code>: {PLAN_TEXT[workflow.plan]}
            {changeCount(workflow.diff)}
          </li>
        ))}
      </ul>
      {retired.length > 0 && <p>No longer in the pack (left in place): {retired.join(', ')}</p>}
      {Object.keys(parameters).length > 0 && (
        <>
          <h3>Parameters</h3>
          <dl className="parameters">
            {Object.entries(parameters).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
          <p className="help">You can change parameters after importing; the pack’s workflows are republished with them.</p>
        </>
      )}
      <h3>Effect on recent mentions</h3>
      {effect.mentions === 0 ? (
        <p>There are no recent mentions to compare against.</p>
      ) : (
        <p>
          Of the last {effect.mentions} mentions, <strong>{effect.changed}</strong> would be decided differently.
        </p>
      )}
      {effect.examples.length > 0 && (
        <table className="effect-table">
          <caption>Examples</caption>
          <thead>
            <tr>
              <th scope="col">Mention</th>
              <th scope="col">Now</th>
              <th scope="col">After import</th>
            </tr>
          </thead>
          <tbody>
            {effect.examples.map((example) => (
              <tr key={example.mentionId}>
                <td>
                  <code>{example.mentionId}</code>
                </td>
                <td>
                  {example.before.queue ?? 'no queue'} · {example.before.priority}
                </td>
                <td>
                  {example.after.queue ?? 'no queue'} · {example.after.priority}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
