// Who is calling: a signed-in user (cookie session) or an integration (API token), with what they may do.
import { can, type Permission, type Role } from '@mentionflow/engine';

export interface Principal {
  readonly kind: 'user' | 'token';
  readonly id: number;
  readonly role: Role;
  /** What the audit trail and `publishedBy`-style fields record: the user's email, or `token:<name>`. */
  readonly actor: string;
  readonly name: string;
  /** Per-minute request budget (tokens have their own; people share one generous default). */
  readonly rateLimitPerMinute: number;
  /** For `agent` users: the queue agent they are, the only one they may act as. */
  readonly agentId?: string | undefined;
  /** Present for cookie sessions: state-changing requests must echo it in `x-csrf-token`. */
  readonly csrfToken?: string;
}

export function allows(principal: Principal, permission: Permission): boolean {
  return can(principal.role, permission);
}
