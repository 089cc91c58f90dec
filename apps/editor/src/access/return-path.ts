// Where signing in leads: back to the page that asked for it, kept in the sign-in page's URL (`/login?next=/queue`).

export const SIGN_IN_PATH = '/login';
export const SETUP_PATH = '/setup';

/** The sign-in page, remembering `returnTo` unless it is the home page or a sign-in page itself. */
export function signInPath(returnTo: string): string {
  const next = safeReturnPath(returnTo);
  return next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

/**
 * A path inside this app to go to after signing in; anything else becomes `/`. Refuses other sites (`//evil.example`,
 * `https://…`, `/\evil.example`) and the sign-in and setup pages, so signing in cannot loop or leave the app.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const path = next.split(/[?#]/)[0]!;
  if (path === SIGN_IN_PATH || path === SETUP_PATH) return '/';
  return next;
}

/** The return path in a sign-in page's query string. */
export function returnPathOf(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get('next'));
}
