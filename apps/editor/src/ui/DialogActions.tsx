// The two endings a form dialog has: its footer while the form is open (what was refused, Cancel, the submit button),
// and the outcome once it succeeded (what happened, Done).
import type { ReactNode } from 'react';

/** The refusal (if any), then Cancel and the submit button, which shows `busyLabel` while the request runs. */
export function SubmitActions({ error, busy, disabled = false, label, busyLabel, onCancel }: { error: ReactNode; busy: boolean; disabled?: boolean; label: string; busyLabel: string; onCancel: () => void }) {
  return (
    <>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || disabled}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </>
  );
}

/** What a dialog's action did, and the one button left: Done. */
export function DoneActions({ message, onClose }: { message: ReactNode; onClose: () => void }) {
  return (
    <>
      <p role="status">{message}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </>
  );
}
