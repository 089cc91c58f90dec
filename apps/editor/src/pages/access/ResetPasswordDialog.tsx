// An admin sets a new password for someone who lost theirs.
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { usersApi, type User } from '../../api/users-api.ts';
import { passwordProblem } from '../../access/password-rules.ts';
import { Dialog } from '../../ui/Dialog.tsx';

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const problem = password ? passwordProblem(password) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passwordProblem(password)) return;
    setBusy(true);
    try {
      await usersApi.update(user.id, { password });
      setResult({ ok: true, message: `${user.name}’s password is reset. Give them the new one privately.` });
    } catch (error) {
      setResult({ ok: false, message: error instanceof ApiRequestError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Reset ${user.name}’s password`} open onClose={onClose}>
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
        <form className="form-grid" onSubmit={submit}>
          <label>
            New password
            <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={problem !== null} required autoFocus />
            <small className="help">{problem ?? `${user.name} signs in with it from now on.`}</small>
          </label>
          {result && (
            <p role="alert" className="field-error">
              {result.message}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || passwordProblem(password) !== null}>
              {busy ? 'Resetting…' : 'Reset password'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
