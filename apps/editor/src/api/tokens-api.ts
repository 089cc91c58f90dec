// API tokens for integrations and scripts, for admins (/api/tokens). The secret exists only in the answer to `create`.
import type { Role } from '@mentionflow/engine';
import { request } from './http.ts';

export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  /** The first characters of the secret (`mf_3kq9…`), enough to recognise it in a script. */
  readonly prefix: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly rateLimitPerMinute: number;
}

export interface NewToken {
  readonly name: string;
  readonly role: Role;
  readonly rateLimitPerMinute?: number;
  readonly expiresAt?: string;
}

const base = (id: number) => `/api/tokens/${encodeURIComponent(id)}`;

export const tokensApi = {
  list: (signal?: AbortSignal) => request<{ tokens: ApiToken[] }>('GET', '/api/tokens', undefined, signal).then((body) => body.tokens),
  /** The token and its secret (`mf_…`): shown once, never again. */
  create: (input: NewToken) => request<{ token: ApiToken; secret: string }>('POST', '/api/tokens', input),
  revoke: (id: number) => request<{ token: ApiToken }>('DELETE', base(id)).then((body) => body.token),
};
