// Email and password, and what went wrong in words: a wrong pair, too many attempts (and how long to wait), no server.
import { useId, useState, type FormEvent } from 'react';
import { authApi } from '../api/auth-api.ts';
import { ApiRequestError } from '../api/http.ts';
import type { Session } from './session.ts';

/** "Too many attempts…", with the wait the server asked for, in minutes when it is long. */
export function signInRefusal(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return String(error);
  if (error.code === 'invalid_credentials') return 'Wrong email or password.';
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    const wait = seconds === undefined ? 'a few minutes' : seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
    return `Too many sign-in attempts. Wait ${wait}, then try again.`;
  }
  return error.message;
}

export function SignInForm({ onSignedIn, initialEmail = '', submitLabel = 'Sign in' }: { onSignedIn: (session: Session) => void; initialEmail?: string; submitLabel?: string }) {
  const id = useId();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(null);
    try {
      onSignedIn(await authApi.signIn(email.trim(), password));
    } catch (error) {
      setRefusal(signInRefusal(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid sign-in-form" onSubmit={submit} aria-describedby={refusal ? `${id}-refusal` : undefined}>
      <label>
        Email
        <input type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} required autoFocus={!initialEmail} />
      </label>
      <label>
        Password
        <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required autoFocus={Boolean(initialEmail)} />
      </label>
      {refusal && (
        <p id={`${id}-refusal`} role="alert" className="field-error">
          {refusal}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !email.trim() || !password}>
        {busy ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}
