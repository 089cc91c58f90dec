// /setup?token=…: the first admin, created with the one-time token the server printed while no user exists.
import { useEffect, useState, type FormEvent } from 'react';
import { authApi } from '../../api/auth-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { Link } from '../../app/Link.tsx';
import { navigate } from '../../app/router.ts';
import { looksLikeEmail, passwordProblem } from '../../access/password-rules.ts';
import { SIGN_IN_PATH } from '../../access/return-path.ts';
import { setSession } from '../../access/session.ts';
import { Loading } from '../../ui/States.tsx';
import './access.css';

type Load = { status: 'loading' } | { status: 'needed' } | { status: 'done' } | { status: 'error'; message: string };

function setupRefusal(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return String(error);
  if (error.code === 'invalid_setup_token') return 'This setup link is not valid, or has expired (it lasts 24 hours). Restart the server to print a new one.';
  if (error.status === 409) return 'Mentionflow is already set up: sign in instead.';
  return error.message;
}

export function SetupPage() {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const problem = password || again ? passwordProblem(password, again) : null;
  const ready = name.trim() !== '' && looksLikeEmail(email) && passwordProblem(password, again) === null;

  useEffect(() => {
    authApi
      .setupNeeded()
      .then((needed) => setLoad({ status: needed ? 'needed' : 'done' }))
      .catch((error: unknown) => setLoad({ status: 'error', message: setupRefusal(error) }));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setRefusal(null);
    try {
      const session = await authApi.setUp({ token, name: name.trim(), email: email.trim(), password });
      navigate('/', { replace: true });
      setSession(session);
    } catch (error) {
      setRefusal(setupRefusal(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="auth-page" aria-labelledby="setup-title">
      <div className="auth-card">
        <p className="auth-brand">Mentionflow</p>
        <h1 id="setup-title">Set up the first admin</h1>
        {load.status === 'loading' && <Loading what="the setup" />}
        {load.status === 'error' && (
          <p role="alert" className="field-error">
            {load.message}
          </p>
        )}
        {load.status === 'done' && (
          <p role="status">
            Mentionflow is already set up. <Link href={SIGN_IN_PATH}>Sign in</Link>
          </p>
        )}
        {load.status === 'needed' && !token && (
          <p role="alert" className="notice">
            This page needs the one-time link the server printed when it started (<code>/setup?token=…</code>). Open that link instead.
          </p>
        )}
        {load.status === 'needed' && token && (
          <form className="form-grid" onSubmit={submit}>
            <p>Nobody has an account yet. You become the admin: you can then add the others, each with a role.</p>
            <label>
              Your name
              <input autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} required autoFocus />
            </label>
            <label>
              Email
              <input type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} required />
            </label>
            <label>
              Password
              <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} aria-invalid={problem !== null && password.length > 0} required />
            </label>
            <label>
              Password again
              <input type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} required />
            </label>
            <p className="help">{problem ?? 'At least 12 characters; a few unrelated words make a good one.'}</p>
            {refusal && (
              <p role="alert" className="field-error">
                {refusal}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy || !ready}>
              {busy ? 'Creating…' : 'Create the admin and sign in'}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
