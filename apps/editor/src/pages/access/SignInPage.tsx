// /login: sign in, then go back where you were headed (`?next=`). While no user exists, it points to the setup link.
import { useEffect, useState } from 'react';
import { authApi } from '../../api/auth-api.ts';
import { navigate } from '../../app/router.ts';
import { returnPathOf } from '../../access/return-path.ts';
import { setSession, useSessionState } from '../../access/session.ts';
import { SignInForm } from '../../access/SignInForm.tsx';
import './access.css';

export function SignInPage() {
  const state = useSessionState();
  const [setupNeeded, setSetupNeeded] = useState(false);
  const next = returnPathOf(location.search);

  useEffect(() => {
    if (state.status === 'signed-in') navigate(next, { replace: true });
  }, [state.status, next]);
  useEffect(() => {
    let live = true;
    authApi
      .setupNeeded()
      .then((needed) => live && setSetupNeeded(needed))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="auth-page" aria-labelledby="sign-in-title">
      <div className="auth-card">
        <p className="auth-brand">Mentionflow</p>
        <h1 id="sign-in-title">Sign in</h1>
        {setupNeeded ? (
          <p className="notice" role="status">
            Nobody can sign in yet. The first admin is created with the one-time setup link the server printed when it started (<code>/setup?token=…</code>,
            valid 24 hours).
          </p>
        ) : (
          <SignInForm onSignedIn={setSession} />
        )}
      </div>
    </section>
  );
}
