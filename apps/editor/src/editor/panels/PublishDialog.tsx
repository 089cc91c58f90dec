// Publish with a change note. Refused while the workflow has problems, and the dialog says so; unsaved changes
// are saved first, so what is published is what is on screen. Regression cases the draft would change are listed
// and must be acknowledged before publishing again.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { useEditorState, useEditorStoreApi } from '../store/use-editor.ts';
import { publishDraft, type CommandResult } from '../workflow-commands.ts';
import { FailingCasesGate } from '../../simulation/cases/FailingCasesGate.tsx';

export function PublishDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStoreApi();
  const { problemCount, dirty, publishedVersion } = useEditorState((state) => ({
    problemCount: state.problems.length,
    dirty: state.revision !== state.savedRevision,
    publishedVersion: state.workflow.publishedVersion,
  }));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CommandResult | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const failingCases = result && !result.ok ? result.failingCases : undefined;

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await publishDraft(store, note.trim(), failingCases && acknowledged ? { acknowledgeCases: true } : {});
    setBusy(false);
    setAcknowledged(false);
    setResult(outcome);
  };

  if (result?.ok) {
    return (
      <Dialog title="Publish" open onClose={onClose}>
        <p role="status">{result.message} It decides incoming mentions from now on.</p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title="Publish" open onClose={onClose}>
      <form onSubmit={publish} className="form-grid">
        <p>
          Publishing makes this draft version {(publishedVersion ?? 0) + 1}: it replaces {publishedVersion ? `version ${publishedVersion}` : 'nothing (first version)'} for every new
          mention.
        </p>
        {dirty && <p className="notice">Your unsaved changes are saved first.</p>}
        <label>
          Change note
          <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} placeholder="What changed and why, for whoever reads the history" autoFocus />
        </label>
        {problemCount > 0 && (
          <p id="publish-refused" className="field-error" role="alert">
            This workflow has {problemCount} problem{problemCount === 1 ? '' : 's'}; it cannot be published until they are fixed (see Problems below the canvas).
          </p>
        )}
        {failingCases && <FailingCasesGate failing={failingCases} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />}
        {result && !result.ok && !failingCases && (
          <div role="alert" className="field-error">
            <p>{result.message}</p>
            {result.problems && (
              <ul>
                {result.problems.map((problem, index) => (
                  <li key={index}>{problem.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || problemCount > 0 || (failingCases !== undefined && !acknowledged)} aria-describedby={problemCount > 0 ? 'publish-refused' : undefined}>
            {busy ? 'Publishing…' : failingCases ? 'Publish anyway' : 'Publish'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
