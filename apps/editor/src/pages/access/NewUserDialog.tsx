// Add a person: name, email, role and a first password (they can change it once signed in).
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/http.ts';
import { usersApi, type User } from '../../api/users-api.ts';
import type { Role } from '@mentionflow/engine';
import { looksLikeEmail, passwordProblem } from '../../access/password-rules.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { RoleSelect } from './RoleSelect.tsx';

export function NewUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: User) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const problem = password ? passwordProblem(password) : null;
  const ready = name.trim() !== '' && looksLikeEmail(email) && passwordProblem(password) === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setRefusal(null);
    try {
      onCreated(await usersApi.create({ name: name.trim(), email: email.trim(), role, password }));
    } catch (error) {
      setRefusal(error instanceof ApiRequestError && error.status === 409 ? `Someone already signs in as ${email.trim()}.` : error instanceof ApiRequestError ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Add a user" open onClose={onClose}>
      <form className="form-grid" onSubmit={submit}>
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required autoFocus />
        </label>
        <label>
          Email
          <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} aria-invalid={email !== '' && !looksLikeEmail(email)} required />
        </label>
        <RoleSelect value={role} onChange={setRole} />
        <label>
          First password
          <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={problem !== null} required />
          <small className="help">{problem ?? 'Give it to them privately; they can change it from the header once signed in.'}</small>
        </label>
        {refusal && (
          <p role="alert" className="field-error">
            {refusal}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !ready}>
            {busy ? 'Adding…' : 'Add user'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
