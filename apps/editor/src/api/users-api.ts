// The people who sign in to Mentionflow, for admins (/api/users): list, create with a role, change, disable, and
// link to the queue agent they work the queue as.
import type { Role } from '@mentionflow/engine';
import { request } from './http.ts';

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The queue agent (an id from /api/agents) they claim, reply and decide approvals as; an `agent` without one cannot work the queue. */
  readonly agentId: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
  /** Left out for nobody; an id no agent has is refused with 422 on `agentId`. */
  readonly agentId?: string;
}

/**
 * Any of these; the server answers 409 `last_admin` rather than leave no enabled admin. Role, password, agent link and
 * disabling end their sessions. `agentId: null` unlinks; an unknown agent id is refused with 422 on `agentId`.
 */
export type UserChange = Partial<Pick<User, 'name' | 'role' | 'disabled' | 'agentId'>> & { readonly password?: string };

const base = (id: number) => `/api/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (signal?: AbortSignal) => request<{ users: User[] }>('GET', '/api/users', undefined, signal).then((body) => body.users),
  create: (input: NewUser) => request<User>('POST', '/api/users', input),
  update: (id: number, change: UserChange) => request<User>('PATCH', base(id), change),
};
