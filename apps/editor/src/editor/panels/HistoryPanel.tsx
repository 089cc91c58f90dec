// Published versions, newest first: compare any of them with the draft or with the version before, or roll back.
import { useEffect, useState } from 'react';
import { workflowsApi, type VersionSummary } from '../../api/workflows-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { useCan } from '../../access/session.ts';
import { formatDateTime, formatRelative } from '../../ui/format.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/States.tsx';
import { useEditorState, useEditorStoreApi } from '../store/use-editor.ts';
import { compareVersions } from '../workflow-commands.ts';
import { RollbackDialog } from './RollbackDialog.tsx';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; versions: VersionSummary[] };

export function HistoryPanel() {
  const store = useEditorStoreApi();
  const { workflowId, publishedVersion, draftVersion } = useEditorState((state) => ({
    workflowId: state.workflow.id,
    publishedVersion: state.workflow.publishedVersion,
    draftVersion: state.workflow.version,
  }));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [rollbackTo, setRollbackTo] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const mayRollBack = useCan('workflows:publish');

  useEffect(() => {
    let live = true;
    workflowsApi
      .versions(workflowId)
      .then((versions) => live && setLoad({ status: 'ready', versions }))
      .catch((error: unknown) => live && setLoad({ status: 'error', message: error instanceof ApiRequestError ? error.message : String(error) }));
    return () => {
      live = false;
    };
    // A publish or rollback changes publishedVersion; a save changes draftVersion: both refresh the list.
  }, [workflowId, publishedVersion, draftVersion, attempt]);

  const compare = async (from: number | 'draft', to: number | 'draft') => {
    const outcome = await compareVersions(store, from, to);
    setMessage(outcome.ok ? null : outcome.message);
  };

  if (load.status === 'loading') return <Loading what="versions" />;
  if (load.status === 'error') return <ErrorState title="The versions could not be loaded" message={load.message} onRetry={() => setAttempt(attempt + 1)} />;
  if (load.versions.length === 0) {
    return (
      <EmptyState title="Not published yet">
        <p>Each publish adds a version here, with its note, who published it and when.</p>
      </EmptyState>
    );
  }
  return (
    <div className="history">
      <h2>Versions</h2>
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
      <ol className="version-list" aria-label="Published versions">
        {load.versions.map((version) => (
          <li key={version.version} className={version.version === publishedVersion ? 'version live' : 'version'}>
            <header>
              <strong>v{version.version}</strong>
              {version.version === publishedVersion && <span className="live-badge">live</span>}
              <time dateTime={version.publishedAt} title={formatDateTime(version.publishedAt)}>
                {formatRelative(version.publishedAt)}
              </time>
            </header>
            <p className="by">by {version.publishedBy ?? 'someone unnamed'}</p>
            {version.note && <p className="note">“{version.note}”</p>}
            {version.rolledBackFrom !== null && <p className="muted">a copy of v{version.rolledBackFrom} (roll back)</p>}
            <div className="button-row">
              <button type="button" onClick={() => void compare(version.version, 'draft')} aria-label={`Compare v${version.version} with the draft`}>
                Compare with draft
              </button>
              {version.version > 1 && (
                <button type="button" onClick={() => void compare(version.version - 1, version.version)} aria-label={`Compare v${version.version - 1} with v${version.version}`}>
                  What changed
                </button>
              )}
              {mayRollBack && (
                <button type="button" onClick={() => setRollbackTo(version.version)} aria-label={`Roll back to v${version.version}`}>
                  Roll back…
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {rollbackTo !== null && <RollbackDialog version={rollbackTo} onClose={() => setRollbackTo(null)} />}
    </div>
  );
}
