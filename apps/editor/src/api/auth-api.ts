// Signing in and out, the first admin's setup, and changing one's own password (/api/auth/*).
import type { Session } from '../access/session.ts';
import { request } from './http.ts';

export interface SetupInput {
  readonly token: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export const authApi = {
  /** The session of the cookie this browser holds; 401 when there is none. */
  session: () => request<Session>('GET', '/api/auth/session'),
  /** 401 `invalid_credentials` for a wrong email or password, 429 `too_many_attempts` (with Retry-After) after too many. */
  signIn: (email: string, password: string) => request<Session>('POST', '/api/auth/login', { email, password }),
  signOut: () => request<void>('POST', '/api/auth/logout'),
  /** True while no user exists: the first admin is created through the setup link the server printed. */
  setupNeeded: () => request<{ needed: boolean }>('GET', '/api/auth/setup').then((body) => body.needed),
  setUp: (input: SetupInput) => request<Session>('POST', '/api/auth/setup', input),
  /** Ends every session of this user and answers with a fresh one for this browser. */
  changePassword: (currentPassword: string, newPassword: string) => request<Session>('POST', '/api/auth/password', { currentPassword, newPassword }),
};
