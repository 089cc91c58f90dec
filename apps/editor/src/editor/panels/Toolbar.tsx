// The editor's toolbar: the workflow and its status, history and layout commands, simulation, save and publish.
// Each command shows only to those whose role allows it; someone who may only look reads "view only" instead.
import { useReactFlow } from '@xyflow/react';
import { ROLE_LABELS } from '@mentionflow/engine';
import { Link } from '../../app/Link.tsx';
import { simulatePath, workflowPath } from '../../app/router.ts';
import { statusExplanation, statusText } from '../../pages/workflows/workflow-status.ts';
import { useEditorActions, useEditorState, useEditorStoreApi } from '../store/use-editor.ts';
import { saveDraft } from '../workflow-commands.ts';
import { RuleHitsControl } from '../../insights/canvas/RuleHitsControl.tsx';
import { useCan, useSession } from '../../access/session.ts';

export function Toolbar({ onPublish, onShowProblems, simulating = false }: { onPublish: () => void; onShowProblems: () => void; simulating?: boolean }) {
  const mayPublish = useCan('workflows:publish');
  const maySimulate = useCan('simulate');
  const mayReadInsights = useCan('insights:read');
  const role = useSession()?.user.role;
  const s = useEditorState((state) => ({
    id: state.workflow.id,
    name: state.workflow.name,
    kind: state.workflow.kind,
    status: state.workflow.status,
    publishedVersion: state.workflow.publishedVersion,
    viewOnly: state.viewOnly,
  }));

  return (
    <div className="toolbar" role="toolbar" aria-label="Workflow">
      <div className="toolbar-title">
        <Link href="/" className="back-link" aria-label="Back to the workflows">
          ←
        </Link>
        <h1>{s.name || 'Untitled'}</h1>
        <span className={`kind-badge kind-${s.kind}`}>{s.kind}</span>
        <span className={`status-badge status-${s.status}`} title={statusExplanation(s)} data-testid="workflow-status">
          {statusText(s)}
        </span>
      </div>
      {s.viewOnly ? (
        <p className="view-only-note" role="note">
          View only: your role{role ? ` (${ROLE_LABELS[role]})` : ''} cannot change workflows.
        </p>
      ) : (
        <EditCommands />
      )}
      {mayReadInsights && <RuleHitsControl />}
      {maySimulate && (
        <Link
          href={simulating ? workflowPath(s.id) : simulatePath(s.id)}
          className={simulating ? 'toolbar-link active' : 'toolbar-link'}
          aria-current={simulating ? 'page' : undefined}
          title="Run mentions through the published version and this draft, side by side"
        >
          {simulating ? 'Close simulation' : 'Simulate…'}
        </Link>
      )}
      {(!s.viewOnly || mayPublish) && (
        <div className="toolbar-group toolbar-save">
          {!s.viewOnly && <SaveCommand />}
          {mayPublish && <PublishCommand onPublish={onPublish} onShowProblems={onShowProblems} />}
        </div>
      )}
    </div>
  );
}

function EditCommands() {
  const actions = useEditorActions();
  const flow = useReactFlow();
  const s = useEditorState((state) => ({ canUndo: state.history.past.length > 0, canRedo: state.history.future.length > 0, comparing: state.diffView !== null }));
  const fit = () => void flow.fitView({ padding: 0.2, maxZoom: 1 });
  return (
    <div className="toolbar-group">
      <button type="button" onClick={actions.undo} disabled={!s.canUndo || s.comparing} aria-keyshortcuts="Control+Z" title="Undo (Ctrl/⌘+Z)">
        Undo
      </button>
      <button type="button" onClick={actions.redo} disabled={!s.canRedo || s.comparing} aria-keyshortcuts="Control+Y" title="Redo (Ctrl/⌘+Y)">
        Redo
      </button>
      <button type="button" onClick={() => (actions.layout(), requestAnimationFrame(fit))} disabled={s.comparing} aria-keyshortcuts="L" title="Lay out left to right (L)">
        Auto-layout
      </button>
      <button type="button" onClick={fit} aria-keyshortcuts="F" title="Fit in view (F)">
        Fit view
      </button>
      <button type="button" onClick={() => actions.setHelpOpen(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="Shift+?" title="Keyboard shortcuts (?)">
        ?
      </button>
    </div>
  );
}

function SaveCommand() {
  const store = useEditorStoreApi();
  const s = useEditorState((state) => ({ dirty: state.revision !== state.savedRevision, saveStatus: state.saveState.status, comparing: state.diffView !== null }));
  const saveText =
    s.saveStatus === 'saving'
      ? 'Saving…'
      : s.saveStatus === 'conflict'
        ? 'Not saved: someone else saved first'
        : s.saveStatus === 'error'
          ? 'Not saved'
          : s.dirty
            ? 'Unsaved changes'
            : 'All changes saved';
  return (
    <>
      <span role="status" className={`save-status save-${s.saveStatus}${s.dirty ? ' dirty' : ''}`}>
        {saveText}
      </span>
      <button type="button" onClick={() => void saveDraft(store)} disabled={s.saveStatus === 'saving' || s.saveStatus === 'conflict' || s.comparing} aria-keyshortcuts="Control+S" title="Save the draft (Ctrl/⌘+S)">
        Save draft
      </button>
    </>
  );
}

function PublishCommand({ onPublish, onShowProblems }: { onPublish: () => void; onShowProblems: () => void }) {
  const s = useEditorState((state) => ({
    saveStatus: state.saveState.status,
    problemCount: state.problems.length,
    validating: state.validatedRevision !== state.revision,
    comparing: state.diffView !== null,
  }));
  const publishBlocked = s.problemCount > 0 || s.saveStatus === 'conflict' || s.comparing;
  return (
    <>
      <button type="button" className="primary" onClick={onPublish} disabled={publishBlocked} aria-describedby={publishBlocked ? 'publish-blocked' : undefined}>
        Publish…
      </button>
      {publishBlocked && (
        <span id="publish-blocked" className="publish-blocked">
          {s.comparing ? (
            'Close the comparison to publish.'
          ) : s.saveStatus === 'conflict' ? (
            'Resolve the save conflict first.'
          ) : (
            <button type="button" className="link-button" onClick={onShowProblems}>
              {s.validating ? 'Checking…' : `Cannot publish: ${s.problemCount} problem${s.problemCount === 1 ? '' : 's'} to fix`}
            </button>
          )}
        </span>
      )}
    </>
  );
}
