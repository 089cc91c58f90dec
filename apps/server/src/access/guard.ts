// The gate in front of every API route: who is calling (bearer token or session cookie), whether the route's
// policy lets them, whether a cookie-carried change also carries the session's CSRF token, and their request budget.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../http/api-error.ts';
import type { Access } from './access.ts';
import { allows, type Principal } from './principal.ts';
import { routeAccess } from './route-policy.ts';
import { SESSION_COOKIE } from './session-store.ts';
import { sameSecret } from './secrets.ts';

export type AccessVariables = { principal: Principal | undefined };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function principalOf(c: Context): Principal | undefined {
  return c.get('principal') as Principal | undefined;
}

/** The caller, for routes whose policy already required one. */
export function requirePrincipal(c: Context): Principal {
  const principal = principalOf(c);
  if (!principal) throw new ApiError(401, 'unauthenticated', 'sign in, or send an API token as `Authorization: Bearer mf_…`');
  return principal;
}

/**
 * The queue agent a request acts as. People with the `agent` role act only as the agent their user is linked to
 * (naming another is 403; naming none means theirs); admins, operations leads and tokens may name any agent.
 */
export function actingAgent(c: Context, requested: string): string;
export function actingAgent(c: Context, requested: string | undefined): string | undefined;
export function actingAgent(c: Context, requested: string | undefined): string | undefined {
  const principal = principalOf(c);
  if (!principal || principal.kind !== 'user' || principal.role !== 'agent') return requested;
  if (!principal.agentId) throw new ApiError(403, 'forbidden', `${principal.actor} is not linked to a queue agent; an admin can link them under Access → Users`, { field: 'agentId' });
  if (requested !== undefined && requested !== principal.agentId) {
    throw new ApiError(403, 'forbidden', `${principal.actor} acts as agent “${principal.agentId}” only, not “${requested}”`, { field: 'agentId', agentId: principal.agentId });
  }
  return principal.agentId;
}

async function authenticate(c: Context, access: Access): Promise<Principal | undefined> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const principal = match ? await access.tokens.principalFor(match[1]!) : undefined;
    if (!principal) throw new ApiError(401, 'unauthenticated', 'the API token is unknown, revoked or expired');
    return principal;
  }
  const session = getCookie(c, SESSION_COOKIE);
  if (!session) return undefined;
  const principal = await access.sessions.principalFor(session);
  if (!principal) return undefined;
  if (!SAFE_METHODS.has(c.req.method)) {
    const given = c.req.header('x-csrf-token');
    if (!given || !principal.csrfToken || !sameSecret(given, principal.csrfToken)) {
      throw new ApiError(403, 'csrf_failed', 'this change came with the session cookie but without its x-csrf-token header; reload the editor');
    }
    const origin = c.req.header('origin');
    if (origin && origin !== 'null' && new URL(c.req.url).host !== hostOf(origin)) {
      throw new ApiError(403, 'csrf_failed', `requests from ${origin} may not use this session`);
    }
  }
  return principal;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

export function accessGuard(access: Access): MiddlewareHandler {
  return async (c, next) => {
    const route = routeAccess(c.req.method, c.req.path);
    if (!route) throw new ApiError(404, 'not_found', `no API route ${c.req.method} ${c.req.path}`);
    if (route.access === 'public') return next();
    const principal = await authenticate(c, access);
    c.set('principal', principal);
    if (!principal) throw new ApiError(401, 'unauthenticated', 'sign in, or send an API token as `Authorization: Bearer mf_…`');
    if (route.access !== 'signed_in' && !allows(principal, route.access)) {
      throw new ApiError(403, 'forbidden', `the ${principal.role} role may not ${c.req.method} ${route.pattern} (needs ${route.access})`, { permission: route.access, role: principal.role });
    }
    const wait = access.limiter.take(`${principal.kind}:${principal.id}`, principal.rateLimitPerMinute);
    if (wait > 0) {
      c.header('retry-after', String(wait));
      throw new ApiError(429, 'rate_limited', `over ${principal.rateLimitPerMinute} requests a minute; retry in ${wait} s`, { retryAfterSeconds: wait });
    }
    return next();
  };
}
