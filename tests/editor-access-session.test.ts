// The browser's session in the editor: every change carries the CSRF token, reads do not; a 401 ends the session
// (keeping the page when one was open), a stale CSRF token is renewed once, refusals read as sentences; signing in
// goes back where you were, never to another site.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, request } from '../apps/editor/src/api/http.ts';
import { sessionState, setSession, type Session } from '../apps/editor/src/access/session.ts';
import { returnPathOf, safeReturnPath, signInPath } from '../apps/editor/src/access/return-path.ts';
import { signInRefusal } from '../apps/editor/src/access/SignInForm.tsx';

const lea: Session = { user: { id: 7, email: 'lea@example.test', name: 'Lea', role: 'ops_lead', kind: 'user' }, permissions: ['workflows:read', 'workflows:edit'], csrfToken: 'csrf-1' };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function mockFetch(answer: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; method: string; headers: Record<string, string>; credentials: RequestCredentials | undefined }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, credentials: init.credentials });
      return answer(url, init);
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe('requests with the session', () => {
  it('send cookies on every request and the CSRF token on changes only', async () => {
    setSession(lea);
    const calls = mockFetch(() => json({ ok: true }));
    await request('GET', '/api/workflows');
    await request('PUT', '/api/workflows/refunds', { version: 1 });
    await request('DELETE', '/api/tokens/3');
    expect(calls.map((call) => [call.method, call.headers['x-csrf-token'], call.credentials])).toEqual([
      ['GET', undefined, 'same-origin'],
      ['PUT', 'csrf-1', 'same-origin'],
      ['DELETE', 'csrf-1', 'same-origin'],
    ]);
  });

  it('keep the page when the session ends under it, and sign out when there was none', async () => {
    setSession(lea);
    mockFetch(() => json({ error: 'unauthenticated', message: 'sign in' }, 401));
    await expect(request('PUT', '/api/workflows/refunds', {})).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(sessionState()).toEqual({ status: 'expired', session: lea });
    setSession(null);
    await expect(request('GET', '/api/workflows')).rejects.toBeInstanceOf(ApiRequestError);
    expect(sessionState()).toEqual({ status: 'signed-out' });
  });

  it('leave the session alone when a sign-in is refused', async () => {
    setSession(lea);
    mockFetch(() => json({ error: 'invalid_credentials', message: 'the email or password is not right' }, 401));
    await expect(request('POST', '/api/auth/login', { email: 'x', password: 'y' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(sessionState().status).toBe('signed-in');
  });

  it('renew a stale CSRF token once and send the change again', async () => {
    setSession(lea);
    const calls = mockFetch((url, init) => {
      if (url === '/api/auth/session') return json({ ...lea, csrfToken: 'csrf-2' });
      return (init.headers as Record<string, string>)['x-csrf-token'] === 'csrf-2' ? json({ saved: true }) : json({ error: 'csrf_failed', message: 'reload the editor' }, 403);
    });
    expect(await request('PUT', '/api/settings', {})).toEqual({ saved: true });
    expect(calls.map((call) => `${call.method} ${call.url} ${call.headers['x-csrf-token'] ?? ''}`.trim())).toEqual(['PUT /api/settings csrf-1', 'GET /api/auth/session', 'PUT /api/settings csrf-2']);
  });

  it('word refusals: the permission a 403 names, the wait a 429 asks for', async () => {
    setSession(lea);
    mockFetch(() => json({ error: 'forbidden', details: { permission: 'workflows:publish' } }, 403));
    await expect(request('POST', '/api/workflows/refunds/publish', {})).rejects.toThrow('Your role does not allow this: it needs the “workflows:publish” permission.');
    mockFetch(() => json({ error: 'forbidden', message: 'the analyst role may not PUT /api/settings (needs settings:edit)', details: { permission: 'settings:edit', role: 'analyst' } }, 403));
    await expect(request('PUT', '/api/settings', {})).rejects.toThrow('Your role (analyst) does not allow this: it needs the “settings:edit” permission.');
    mockFetch(() => json({ error: 'too_many_attempts', message: 'too many failed sign-ins; try again in 5 min' }, 429, { 'retry-after': '300' }));
    await expect(request('POST', '/api/auth/login', {})).rejects.toMatchObject({ status: 429, retryAfterSeconds: 300, message: 'too many failed sign-ins; try again in 5 min' });
  });
});

describe('a refused sign-in', () => {
  it('says whether the pair is wrong or how long to wait after too many attempts', () => {
    expect(signInRefusal(new ApiRequestError(401, 'invalid_credentials', 'the email or password is not right'))).toBe('Wrong email or password.');
    expect(signInRefusal(new ApiRequestError(429, 'too_many_attempts', 'x', undefined, 300))).toBe('Too many sign-in attempts. Wait 5 minutes, then try again.');
    expect(signInRefusal(new ApiRequestError(429, 'too_many_attempts', 'x', undefined, 1))).toBe('Too many sign-in attempts. Wait 1 second, then try again.');
    expect(signInRefusal(new ApiRequestError(429, 'too_many_attempts', 'x'))).toBe('Too many sign-in attempts. Wait a few minutes, then try again.');
  });
});

describe('where signing in leads', () => {
  it('back to the page that asked, with its query', () => {
    expect(signInPath('/workflows/refunds/simulate')).toBe('/login?next=%2Fworkflows%2Frefunds%2Fsimulate');
    expect(returnPathOf(`?next=${encodeURIComponent('/insights?range=7')}`)).toBe('/insights?range=7');
    expect(signInPath('/')).toBe('/login');
  });

  it('never to another site, nor back to sign-in or setup', () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/login?next=/queue', '/setup?token=abc', '', null]) {
      expect(safeReturnPath(next)).toBe('/');
    }
  });
});
