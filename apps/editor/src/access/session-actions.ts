// Starting and ending the browser's session: asking the server who is signed in, and signing out.
import { ApiRequestError } from '../api/http.ts';
import { authApi } from '../api/auth-api.ts';
import { mayLeaveFor, navigate } from '../app/router.ts';
import { SIGN_IN_PATH } from './return-path.ts';
import { setSession, setSessionUnreachable } from './session.ts';

/** On start: the session the cookie stands for, signed out without one, or unreachable when the server is down. */
export async function checkSession(): Promise<void> {
  try {
    setSession(await authApi.session());
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) setSession(null);
    else setSessionUnreachable(error instanceof ApiRequestError ? error.message : String(error));
  }
}

/** Sign out and go to the sign-in page; unsaved work on the page asks first, and staying cancels it. */
export async function signOut(): Promise<void> {
  if (!mayLeaveFor(SIGN_IN_PATH)) return;
  // Signed out locally even when the server cannot be told: the cookie then lapses on its own.
  await authApi.signOut().catch(() => undefined);
  navigate(SIGN_IN_PATH, { confirmed: true });
  setSession(null);
}

/** The session again, after a change to one's own account (a role change ends it: then the sign-in dialog shows). */
export async function refreshSession(): Promise<void> {
  await authApi
    .session()
    .then(setSession)
    .catch(() => undefined);
}
