// An admin sets a new password for someone who lost theirs.
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { usersApi, type User } from '../../api/users-api.ts';
import { passwordProblem } from '../../access/password-rules.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { DoneActions, SubmitActions } from '../../ui/DialogActions.tsx';

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
        <DoneActions message={result.message} onClose={onClose} />
      ) : (
        <form className="form-grid" onSubmit={submit}>
          <label>
            New password
            <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={problem !== null} required autoFocus />
            <small className="help">{problem ?? `${user.name} signs in with it from now on.`}</small>
          </label>
          <SubmitActions error={result?.message} busy={busy} disabled={passwordProblem(password) !== null} label="Reset password" busyLabel="Resetting…" onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
