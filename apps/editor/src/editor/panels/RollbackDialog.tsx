// Roll back to an old version, with a note: it is published again as the newest version, and becomes the draft.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { DoneActions, SubmitActions } from '../../ui/DialogActions.tsx';
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
        <DoneActions message={result.message} onClose={onClose} />
      ) : (
        <form onSubmit={submit} className="form-grid">
          <p>Version {version} is published again as the newest version, and the draft becomes a copy of it. Later versions stay in the history.</p>
          {dirty && <p className="notice">Your unsaved changes on the canvas will be discarded.</p>}
          <label>
            Note
            <input value={note} onChange={(event) => setNote(event.target.value)} placeholder={`Roll back to version ${version}`} autoFocus />
          </label>
          <SubmitActions error={result?.message} busy={busy} label={`Roll back to v${version}`} busyLabel="Rolling back…" onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
