// Banners over the canvas: a save conflict (who saved first; nothing was overwritten), a failed save, a comparison,
// a simulated mention's path.
import { formatDateTime } from '../../ui/format.ts';
import { useEditorActions, useEditorState, useEditorStoreApi } from '../store/use-editor.ts';
import { graphOf } from '../store/editor-store.ts';
import { reloadDraft, saveDraft } from '../workflow-commands.ts';

export function CanvasBanners() {
  const store = useEditorStoreApi();
  const actions = useEditorActions();
  const { saveState, diffView, pathView } = useEditorState((state) => ({ saveState: state.saveState, diffView: state.diffView, pathView: state.pathView }));

  const downloadMine = () => {
    const state = store.getState();
    const blob = new Blob([JSON.stringify({ ...state.workflow, graph: graphOf(state) }, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${state.workflow.id}-my-changes.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <div className="canvas-banners">
      {saveState.status === 'conflict' && (
        <div className="banner banner-conflict" role="alert">
          <p>
            <strong>{saveState.conflict.updatedBy ?? 'Someone'}</strong> saved this workflow first
            {saveState.conflict.updatedAt ? ` (${formatDateTime(saveState.conflict.updatedAt)})` : ''}: you edited version {saveState.conflict.yourVersion}, the latest is{' '}
            {saveState.conflict.currentVersion}. Your changes are <strong>not saved</strong>, and theirs were not overwritten.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => void reloadDraft(store)}>
              Reload their version (discard mine)
            </button>
            <button type="button" onClick={downloadMine}>
              Download my changes
            </button>
            <button type="button" onClick={() => actions.setSaveState({ status: 'idle' })}>
              Keep editing
            </button>
          </div>
        </div>
      )}
      {saveState.status === 'error' && (
        <div className="banner banner-error" role="alert">
          <p>{saveState.message}</p>
          <button type="button" onClick={() => (actions.setSaveState({ status: 'idle' }), void saveDraft(store))}>
            Try saving again
          </button>
        </div>
      )}
      {pathView && !diffView && (
        <div className="banner banner-path" role="status" aria-label="Simulated path">
          <p>
            <strong>Path of {pathView.title}</strong>: reached nodes are outlined, the branches taken move, and “stopped” marks where a rule that did not fire
            was blocked.
          </p>
          <button type="button" onClick={() => actions.setPathView(null)}>
            Hide path
          </button>
        </div>
      )}
      {diffView && (
        <div className="banner banner-diff" role="status">
          <p>
            <strong>Comparing {diffView.title}</strong> (read-only): {diffView.diff.addedNodes.length} added, {diffView.diff.removedNodes.length} removed,{' '}
            {diffView.diff.changedNodes.filter((change) => change.fields.length > 0).length} changed
            {diffView.diff.properties.length ? `; ${diffView.diff.properties.join(' and ')} changed` : ''}
            {diffView.diff.identical ? ' — no change in behaviour' : ''}.
          </p>
          <span className="legend" aria-hidden="true">
            <span className="diff-badge diff-badge-added">added</span> <span className="diff-badge diff-badge-removed">removed</span>{' '}
            <span className="diff-badge diff-badge-changed">changed</span>
          </span>
          <button type="button" onClick={() => actions.setDiffView(null)}>
            Close comparison
          </button>
        </div>
      )}
    </div>
  );
}
