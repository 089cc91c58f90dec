// Mentions from a file (picked or dropped) or pasted: NDJSON, a JSON array or CSV with a header row. A picked file
// is held as text and not echoed into the text box (a 5 MB text box would freeze the page).
import { useMemo, useState, type DragEvent } from 'react';
import { useSimulationActions, useSimulationState } from '../store/use-simulation.ts';
import { formatSize } from './source-request.ts';

export function FileSource() {
  const { text, fileName } = useSimulationState((state) => ({ text: state.source.text, fileName: state.source.fileName }));
  const actions = useSimulationActions();
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const size = useMemo(() => (fileName ? new Blob([text]).size : 0), [fileName, text]);

  const read = async (file: File) => {
    setError(null);
    try {
      actions.setSource({ text: await file.text(), fileName: file.name });
    } catch (caught) {
      setError(`${file.name} could not be read: ${(caught as Error).message}`);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void read(file);
  };

  return (
    <div
      className={dragging ? 'sim-drop dragging' : 'sim-drop'}
      onDragOver={(event) => (event.preventDefault(), setDragging(true))}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label className="file-label">
        Mentions file <span className="muted">(NDJSON, JSON or CSV — or drop it here)</span>
        <input type="file" accept=".ndjson,.jsonl,.json,.csv,application/json,text/csv,application/x-ndjson" onChange={(event) => event.target.files?.[0] && void read(event.target.files[0])} />
      </label>
      {fileName ? (
        <p className="sim-file" role="status">
          <strong>{fileName}</strong> <span className="muted">({formatSize(size)})</span>{' '}
          <button type="button" className="link-button" onClick={() => actions.setSource({ text: '', fileName: null })}>
            remove
          </button>
        </p>
      ) : (
        <label className="sim-paste">
          or paste mentions
          <textarea value={text} rows={3} spellCheck={false} onChange={(event) => actions.setSource({ text: event.target.value })} placeholder='{"id":"m1","channel":"x","kind":"post","text":"refund please","createdAt":"2026-03-02T10:00:00Z","author":{"handle":"@a"}}' />
        </label>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
