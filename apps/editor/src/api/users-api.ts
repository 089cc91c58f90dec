// The people who sign in to Mentionflow, for admins (/api/users): list, create with a role, change, disable.
import type { Role } from '@mentionflow/engine';
import { request } from './http.ts';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

/** Any of these; the server answers 409 `last_admin` rather than leave no enabled admin. Role, password and disabling end their sessions. */
export type UserChange = Partial<Pick<User, 'name' | 'role' | 'disabled'>> & { readonly password?: string };

const base = (id: number) => `/api/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (signal?: AbortSignal) => request<{ users: User[] }>('GET', '/api/users', undefined, signal).then((body) => body.users),
  create: (input: NewUser) => request<User>('POST', '/api/users', input),
  update: (id: number, change: UserChange) => request<User>('PATCH', base(id), change),
};
