// Change one's own password: the current one, then the new one twice (12 characters at least). The server ends every
// session of this person (other browsers sign in again) and answers with a fresh one for this browser.
import { useState, type FormEvent } from 'react';
import { authApi } from '../api/auth-api.ts';
import { ApiRequestError } from '../api/http.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { DoneActions, SubmitActions } from '../ui/DialogActions.tsx';
import { passwordProblem } from './password-rules.ts';
import { setSession } from './session.ts';

export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const problem = next || again ? passwordProblem(next, again) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passwordProblem(next, again)) return;
    setBusy(true);
    try {
      setSession(await authApi.changePassword(current, next));
      setResult({ ok: true, message: 'Your password is changed. Anywhere else you were signed in, sign in again with it.' });
    } catch (error) {
      const wrong = error instanceof ApiRequestError && error.status === 422 && JSON.stringify(error.details ?? '').includes('currentPassword');
      setResult({ ok: false, message: wrong ? 'The current password is wrong.' : error instanceof ApiRequestError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Change your password" open onClose={onClose}>
      {result?.ok ? (
        <DoneActions message={result.message} onClose={onClose} />
      ) : (
        <form className="form-grid" onSubmit={submit}>
          <label>
            Current password
            <input type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} required autoFocus />
          </label>
          <label>
            New password
            <input type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} aria-invalid={problem !== null && next.length > 0} required />
          </label>
          <label>
            New password again
            <input type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} required />
          </label>
          {problem && <p className="help">{problem}</p>}
          <SubmitActions error={result?.message} busy={busy} disabled={!current || passwordProblem(next, again) !== null} label="Change password" busyLabel="Changing…" onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
