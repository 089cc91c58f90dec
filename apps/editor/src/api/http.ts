// One way to call the API: JSON in and out, the session cookie and, on every change, its CSRF token; errors as
// `ApiRequestError`. A 401 ends the session (the shell asks to sign in again); a stale CSRF token is renewed once.
import { csrfToken, sessionEnded, setSession, type Session } from '../access/session.ts';

/** The server's error shape: `{ error, message, details? }`, plus the HTTP status (and Retry-After on 429). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A 401 that answers a question (a wrong password when signing in) rather than saying the session is gone. */
const NOT_A_SESSION_END = new Set(['invalid_credentials']);

/** The headers that make a browser request count as the signed-in person's: the cookie goes by itself; changes add the CSRF token. */
export function sessionHeaders(method: string): Record<string, string> {
  const token = csrfToken();
  return token && !READS.has(method.toUpperCase()) ? { 'x-csrf-token': token } : {};
}

async function errorBody(response: Response): Promise<{ error?: string; message?: string; details?: unknown }> {
  const text = await response.text().catch(() => '');
  try {
    return text ? (JSON.parse(text) as { error?: string; message?: string; details?: unknown }) : {};
  } catch {
    return {}; // not JSON: the status says enough
  }
}

/** The refusal in a failed response. Access refusals are worded for people (the server's speak to API clients). */
export async function refusalOf(response: Response): Promise<ApiRequestError> {
  const body = await errorBody(response);
  const retryAfter = Number(response.headers.get('retry-after'));
  const code = body.error ?? 'http_error';
  return new ApiRequestError(response.status, code, messageFor(response.status, code, body), body.details, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

function messageFor(status: number, code: string, body: { message?: string; details?: unknown }): string {
  if (status === 401 && code === 'unauthenticated') return 'Your session has ended. Sign in again, then try again.';
  if (code === 'csrf_failed') return 'Your session changed in another tab. Reload the page, then try again.';
  if (code === 'forbidden') {
    const { permission, role } = (body.details ?? {}) as { permission?: string; role?: string };
    const who = role ? `Your role (${role.replaceAll('_', ' ')})` : 'Your role';
    return permission ? `${who} does not allow this: it needs the “${permission}” permission.` : (body.message ?? `${who} does not allow this.`);
  }
  if (body.message) return body.message;
  if (status === 429) return 'Too many requests. Wait a moment, then try again.';
  return `The server answered ${status}.`;
}

/** Fetches the session again for a fresh CSRF token; false when there is none (the caller's 403 stands). */
async function renewCsrfToken(): Promise<boolean> {
  const response = await fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => null);
  if (!response?.ok) return false;
  setSession((await response.json()) as Session);
  return true;
}

/**
 * `fetch` for the API, for callers that read the response themselves (streams): cookies, the CSRF token on changes,
 * network failures as `ApiRequestError`. A failed response is returned as it is, after a 401 has ended the session.
 */
export async function apiFetch(path: string, init: { method: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }): Promise<Response> {
  const send = () => fetch(path, { ...init, credentials: 'same-origin', headers: { ...init.headers, ...sessionHeaders(init.method) } });
  let response: Response;
  try {
    response = await send();
    // A session renewed in another tab has another token: ask for it once, then send again.
    if (response.status === 403 && !READS.has(init.method.toUpperCase()) && (await errorBody(response.clone())).error === 'csrf_failed' && (await renewCsrfToken())) response = await send();
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network_error', 'The server cannot be reached. Check that it is running, then try again.');
  }
  if (response.status === 401 && !NOT_A_SESSION_END.has((await errorBody(response.clone())).error ?? '')) sessionEnded();
  return response;
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await apiFetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  if (!response.ok) throw await refusalOf(response);
  const text = await response.text();
  try {
    return (text ? JSON.parse(text) : undefined) as T;
  } catch {
    return undefined as T;
  }
}
