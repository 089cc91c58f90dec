// Who is making a request, as recorded on publishes, replies, approvals and in the audit trail: the signed-in
// user's email, or `token:<name>` for an API token.
import type { Context } from 'hono';
import { principalOf } from '../access/guard.ts';

export function actorOf(c: Context): string | undefined {
  return principalOf(c)?.actor;
}
