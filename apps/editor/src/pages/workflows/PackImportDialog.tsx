// Import a rule pack: pick or drop its JSON file, see what it would change (per workflow, and on recent mentions), import.
import { useState, type DragEvent } from 'react';
import { packsApi, type PackPreview } from '../../api/packs-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { PackPreviewView } from './PackPreviewView.tsx';

type Step =
  | { step: 'choose'; error?: string; problems?: { path: string; message: string }[] }
  | { step: 'previewing'; fileName: string }
  | { step: 'preview'; fileName: string; pack: unknown; preview: PackPreview; error?: string }
  | { step: 'importing'; fileName: string; pack: unknown; preview: PackPreview; error?: string }
  | { step: 'done'; preview: PackPreview };

export default function PackImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [dragging, setDragging] = useState(false);

  const read = async (file: File) => {
    setState({ step: 'previewing', fileName: file.name });
    let pack: unknown;
    try {
      pack = JSON.parse(await file.text());
    } catch (error) {
      setState({ step: 'choose', error: `${file.name} is not valid JSON: ${(error as Error).message}` });
      return;
    }
    try {
      setState({ step: 'preview', fileName: file.name, pack, preview: await packsApi.preview(pack, {}) });
    } catch (error) {
      setState({ step: 'choose', ...describe(error, file.name) });
    }
  };

  const importPack = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, step: 'importing' });
    try {
      const result = await packsApi.import(state.pack, {});
      setState({ step: 'done', preview: result });
      onImported();
    } catch (error) {
      setState({ ...state, step: 'preview', error: describe(error, state.fileName).error });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void read(file);
  };

  return (
    <Dialog title="Import a rule pack" open onClose={onClose} wide>
      {(state.step === 'choose' || state.step === 'previewing') && (
        <div
          className={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(event) => (event.preventDefault(), setDragging(true))}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop a pack’s JSON file here, or choose it:</p>
          <label className="file-label">
            Pack file
            <input type="file" accept="application/json,.json" onChange={(event) => event.target.files?.[0] && void read(event.target.files[0])} />
          </label>
          {state.step === 'previewing' && <p role="status">Checking {state.fileName}…</p>}
          {state.step === 'choose' && state.error && (
            <div role="alert" className="field-error">
              <p>{state.error}</p>
              {state.problems && (
                <ul className="pack-problems">
                  {state.problems.slice(0, 20).map((problem, index) => (
                    <li key={index}>
                      <code>{problem.path}</code>: {problem.message}
                    </li>
                  ))}
                  {state.problems.length > 20 && <li>… and {state.problems.length - 20} more</li>}
                </ul>
              )}
            </div>
          )}
        </div>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <>
          <PackPreviewView preview={state.preview} />
          {state.error && (
            <p role="alert" className="field-error">
              {state.error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setState({ step: 'choose' })}>
              Choose another file
            </button>
            <button type="button" className="primary" onClick={() => void importPack()} disabled={state.step === 'importing' || state.preview.pack.status === 'same'}>
              {state.step === 'importing' ? 'Importing…' : state.preview.pack.status === 'same' ? 'Already installed' : `Import ${state.preview.pack.name}`}
            </button>
          </div>
        </>
      )}
      {state.step === 'done' && (
        <>
          <p role="status">
            Imported <strong>{state.preview.pack.name}</strong> {state.preview.pack.version}: {state.preview.workflows.length} workflow
            {state.preview.workflows.length === 1 ? '' : 's'}, published and live.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function describe(error: unknown, fileName: string): { error: string; problems?: { path: string; message: string }[] } {
  if (!(error instanceof ApiRequestError)) return { error: String(error) };
  const problems = (error.details as { problems?: { path: string; message: string }[] } | undefined)?.problems;
  return { error: `${fileName}: ${error.message}`, ...(Array.isArray(problems) ? { problems } : {}) };
}
