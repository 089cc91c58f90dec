// Who is making a request, recorded on publishes, replies and approvals. Sessions and tokens will fill this;
// until then a client names itself with the `x-mentionflow-user` header.
import type { Context } from 'hono';

export function actorOf(c: Context): string | undefined {
  const named = c.req.header('x-mentionflow-user');
  return named && /^[\w .@-]{1,100}$/.test(named) ? named : undefined;
}
