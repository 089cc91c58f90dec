// Roll back to an old version, with a note: it is published again as the newest version, and becomes the draft.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { useEditorState, useEditorStoreApi } from '../store/use-editor.ts';
import { rollBack, type CommandResult } from '../workflow-commands.ts';

export function RollbackDialog({ version, onClose }: { version: number; onClose: () => void }) {
  const store = useEditorStoreApi();
  const dirty = useEditorState((state) => state.revision !== state.savedRevision);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CommandResult | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(await rollBack(store, version, note.trim()));
    setBusy(false);
  };

  return (
    <Dialog title={`Roll back to v${version}`} open onClose={onClose}>
      {result?.ok ? (
        <>
          <p role="status">{result.message}</p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} className="form-grid">
          <p>Version {version} is published again as the newest version, and the draft becomes a copy of it. Later versions stay in the history.</p>
          {dirty && <p className="notice">Your unsaved changes on the canvas will be discarded.</p>}
          <label>
            Note
            <input value={note} onChange={(event) => setNote(event.target.value)} placeholder={`Roll back to version ${version}`} autoFocus />
          </label>
          {result && !result.ok && (
            <p role="alert" className="field-error">
              {result.message}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Rolling back…' : `Roll back to v${version}`}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
