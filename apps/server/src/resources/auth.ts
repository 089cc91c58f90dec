// /api/auth: sign in and out of the editor, the current session, changing one's password, and the first admin.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { permissionsOf } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { ApiError } from '../http/api-error.ts';
import { readBody } from '../http/read-body.ts';
import { requirePrincipal } from '../access/guard.ts';
import { PasswordSchema, verifyPassword } from '../access/passwords.ts';
import { EmailSchema, UserNameSchema, type UserRow } from '../access/user-store.ts';
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from '../access/session-store.ts';
import type { Principal } from '../access/principal.ts';

const SignInSchema = z.strictObject({ email: z.string().max(254), password: z.string().max(1024) });
const SetupSchema = z.strictObject({ token: z.string().min(1).max(200), email: EmailSchema, name: UserNameSchema, password: PasswordSchema });
const PasswordChangeSchema = z.strictObject({ currentPassword: z.string().max(1024), newPassword: PasswordSchema });
const SessionSchema = z.object({
  user: z.object({ id: z.number(), email: z.string(), name: z.string(), role: z.string(), kind: z.enum(['user', 'token']), agentId: z.string().nullable() }),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
});

function addressOf(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // in-process requests (tests) have no socket
  }
}

/** Secure whenever the request came over HTTPS, directly or through a proxy that says so. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function authRoutes(services: Services): Hono {
  const { access, events } = services;
  const app = new Hono();
  const describe = (method: 'get' | 'post', path: string, summary: string, body?: z.ZodType, errors?: number[]) =>
    services.docs.describe({ method, path: `/auth${path}`, summary, tag: 'Access', ...(body ? { body } : {}), response: SessionSchema, ...(errors ? { errors } : {}) });
  describe('post', '/login', 'Sign in with email and password; sets the HttpOnly session cookie', SignInSchema, [401, 422, 429]);
  describe('get', '/session', 'The signed-in user, their permissions and the CSRF token to echo in x-csrf-token', undefined, [401]);
  describe('post', '/logout', 'Sign out (ends the session)');
  describe('post', '/password', 'Change your password; ends every session and answers with a fresh one for this browser', PasswordChangeSchema, [401, 422]);
  describe('post', '/setup', 'Create the first admin with the one-time setup link printed at first start', SetupSchema, [403, 409, 422]);

  const sessionBody = (principal: Pick<Principal, 'kind' | 'id' | 'actor' | 'name' | 'role' | 'agentId'>, csrfToken: string | null) => ({
    user: { id: principal.id, email: principal.kind === 'user' ? principal.actor : '', name: principal.name, role: principal.role, kind: principal.kind, agentId: principal.agentId ?? null },
    permissions: [...permissionsOf(principal.role)],
    csrfToken,
  });

  const startSession = async (c: Context, user: UserRow) => {
    const session = await access.sessions.start(user);
    setCookie(c, SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'Strict', secure: isHttps(c), path: '/', maxAge: Math.floor(SESSION_LIFETIME_MS / 1000) });
    return sessionBody({ kind: 'user', id: user.id, actor: user.email, name: user.name, role: user.role as Principal['role'], agentId: user.agentId ?? undefined }, session.csrfToken);
  };

  app.post('/login', async (c) => {
    const body = await readBody(c, SignInSchema);
    const outcome = await access.signIn(body.email, body.password, addressOf(c));
    if (!outcome.ok && outcome.reason === 'too_many_attempts') {
      c.header('retry-after', String(outcome.retryAfterSeconds));
      throw new ApiError(429, 'too_many_attempts', `too many failed sign-ins; try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} min`, { retryAfterSeconds: outcome.retryAfterSeconds });
    }
    // Sign-ins (failed or not) and sign-outs are events, not changes to describe: each is recorded on its own.
    if (!outcome.ok) {
      await events.record('auth.sign_in_failed', body.email.trim().toLowerCase().slice(0, 254), { address: addressOf(c) ?? null }, null);
      throw new ApiError(401, 'invalid_credentials', 'the email or password is not right');
    }
    await events.record('auth.signed_in', outcome.user.email, { address: addressOf(c) ?? null }, outcome.user.email);
    return c.json(await startSession(c, outcome.user));
  });

  app.get('/session', (c) => {
    const principal = requirePrincipal(c);
    return c.json(sessionBody(principal, principal.csrfToken ?? null));
  });

  app.post('/logout', async (c) => {
    const principal = requirePrincipal(c);
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) await access.sessions.end(secret);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    if (principal.kind === 'user') await events.record('auth.signed_out', principal.actor, {}, principal.actor);
    return c.body(null, 204);
  });

  app.post('/password', async (c) => {
    const principal = requirePrincipal(c);
    const body = await readBody(c, PasswordChangeSchema);
    if (principal.kind !== 'user') throw new ApiError(403, 'forbidden', 'API tokens have no password');
    const user = await access.users.byId(principal.id);
    if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
      throw new ApiError(422, 'validation_failed', 'currentPassword: not your current password', [{ field: 'currentPassword', message: 'not your current password' }]);
    }
    await access.users.update(user.id, { password: body.newPassword }, events.audit(() => ({ type: 'user.password_changed', subject: user.email, detail: { userId: user.id }, actor: principal.actor })));
    // The change ended every session of this user, this one included: start a fresh one.
    const refreshed = await access.users.byId(user.id);
    return c.json(await startSession(c, refreshed!));
  });

  app.get('/setup', async (c) => c.json({ needed: await access.setupNeeded() }));

  app.post('/setup', async (c) => {
    const body = await readBody(c, SetupSchema);
    const created = await access.setUp(
      body.token,
      { email: body.email, name: body.name, password: body.password },
      events.audit((after) => ({ type: 'user.created', subject: after.email, detail: { via: 'setup link' }, actor: after.email, after })),
    );
    const user = await access.users.byId(created.id);
    return c.json(await startSession(c, user!), 201);
  });

  return app;
}
