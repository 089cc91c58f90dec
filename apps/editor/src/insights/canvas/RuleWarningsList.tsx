// Static-analysis warnings in the problems list, after the errors and in yellow: advice that never blocks publishing.
// Choosing one selects its node (or, for another workflow's warning, this workflow's node it names) and highlights the
// other nodes it relates to.
import type { RuleWarning } from '@mentionflow/engine';
import { Link } from '../../app/Link.tsx';
import { workflowPath } from '../../app/router.ts';
import { useEditorActions, useEditorState } from '../../editor/store/use-editor.ts';
import './canvas-insights.css';

const NO_WARNINGS: readonly RuleWarning[] = [];
const CODE_TITLES: Record<string, string> = { never_true: 'Never runs', shadowed_route: 'Route never wins', conflicting_routes: 'Routes tie' };

/** "· 2 warnings" beside the problem count; nothing without warnings. */
export function RuleWarningCount() {
  const count = useEditorState((state) => (state.diffView ? 0 : state.ruleWarnings.length));
  if (count === 0) return null;
  return (
    <span className="warning-count">
      {' · '}
      <span className="count">{count}</span> warning{count === 1 ? '' : 's'}
    </span>
  );
}

export function RuleWarningsList() {
  const { warnings, workflowId, nodeIds } = useEditorState((state) => ({
    warnings: state.diffView ? NO_WARNINGS : state.ruleWarnings,
    workflowId: state.workflow.id,
    nodeIds: state.nodes.map((node) => node.id).join('\n'),
  }));
  const actions = useEditorActions();
  if (warnings.length === 0) return null;
  const present = new Set(nodeIds.split('\n'));
  return (
    <ul className="problem-list warning-list" aria-label="Warnings">
      {warnings.map((warning, index) => {
        const own = warning.workflowId === workflowId;
        const here = warning.relatedNodes.filter((ref) => ref.workflowId === workflowId).map((ref) => ref.nodeId);
        const target = own ? warning.nodeId : here[0];
        const related = own ? warning.relatedNodeIds.filter((id) => present.has(id)) : here;
        const title = CODE_TITLES[warning.code] ?? 'Warning';
        return (
          <li key={`${warning.code}-${warning.workflowId}-${warning.nodeId}-${index}`}>
            {target && present.has(target) ? (
              <button type="button" className="problem-item warning-item" onClick={() => actions.showWarning(own ? warning.nodeId : null, own ? related : here)}>
                <span className="warning-tag">warning</span> <strong>{title}</strong> <code>{target}</code>: {warning.message}
                {related.length > 0 && <span className="muted"> Look at: {related.join(', ')}.</span>}
              </button>
            ) : (
              <span className="problem-item warning-item">
                <span className="warning-tag">warning</span> <strong>{title}</strong>: {warning.message}
              </span>
            )}
            {!own && (
              <Link href={workflowPath(warning.workflowId)} className="warning-elsewhere">
                Open {warning.workflowId}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
