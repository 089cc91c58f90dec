// The signed-in person, as the server's session says: who, in which role, what they may do, and the CSRF token every
// change must carry. One store for the app: http.ts reads the token, the shell and the pages read the rest.
import { useSyncExternalStore } from 'react';
import type { Permission, Role } from '@mentionflow/engine';

export interface SessionUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** A browser session is always a `user`; an API token asking for its session is a `token`. */
  readonly kind: 'user' | 'token';
}

/** The body of GET /api/auth/session, POST /api/auth/login and POST /api/auth/setup. */
export interface Session {
  readonly user: SessionUser;
  readonly permissions: readonly Permission[];
  /** null for an API token, which needs none. */
  readonly csrfToken: string | null;
}

export type SessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'unreachable'; readonly message: string }
  | { readonly status: 'signed-in'; readonly session: Session }
  /** The server stopped accepting the session (expired, revoked, signed out elsewhere): the page stays, to sign in again. */
  | { readonly status: 'expired'; readonly session: Session };

let state: SessionState = { status: 'checking' };
const listeners = new Set<() => void>();

export function sessionState(): SessionState {
  return state;
}

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** A session from the server, or null once it ended (signed out, expired, revoked). */
export function setSession(session: Session | null): void {
  publish(session ? { status: 'signed-in', session } : { status: 'signed-out' });
}

/**
 * The server answered 401: a session that was in use becomes `expired` (the page and its unsaved work stay while the
 * person signs in again); without one, the person is signed out.
 */
export function sessionEnded(): void {
  publish(state.status === 'signed-in' || state.status === 'expired' ? { status: 'expired', session: state.session } : { status: 'signed-out' });
}

export function setSessionUnreachable(message: string): void {
  publish({ status: 'unreachable', message });
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The token a cookie-authenticated change must send as `x-csrf-token`, while signed in. */
export function csrfToken(): string | null {
  return state.status === 'signed-in' ? state.session.csrfToken : null;
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribeSession, sessionState);
}

/** The signed-in person's session (also while it is `expired`, until they sign in again), or null. */
export function useSession(): Session | null {
  const current = useSessionState();
  return current.status === 'signed-in' || current.status === 'expired' ? current.session : null;
}

/** Whether the signed-in person holds a permission, e.g. `useCan('workflows:publish')` before offering “Publish…”. */
export function useCan(permission: Permission): boolean {
  return useSession()?.permissions.includes(permission) ?? false;
}
