// Access: signing in, sessions and their CSRF tokens, the sign-in throttle, users and the last admin, API tokens
// (shown once, stored as digests, scoped, revocable, expiring, rate-limited), the first admin, and the audit trail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer, TEST_ADMIN, TEST_PASSWORD, type TestServer } from './support/server.ts';
import { refundWorkflow } from './support/workflows.ts';
import { mention } from './support/mentions.ts';

const NOW = '2026-03-02T10:00:00Z';
let clock: ManualClock;
let server: TestServer;

beforeEach(async () => {
  clock = new ManualClock(NOW);
  server = await startTestServer({ clock, scheduler: false });
});
afterEach(async () => {
  await server.stop(true);
});

const anonymous = { authorization: '' };

async function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  const response = await server.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });
  const body = (await response.json()) as any;
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { status: response.status, body, setCookie, retryAfter: response.headers.get('retry-after'), cookie: setCookie.split(';')[0]! };
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers with the user, permissions and CSRF token', async () => {
    const signedIn = await signIn(TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ user: { email: TEST_ADMIN.email, name: TEST_ADMIN.name, role: 'admin', kind: 'user' }, csrfToken: expect.stringMatching(/^[\w-]{40,}$/) });
    expect(signedIn.body.permissions).toContain('users:manage');
    expect(signedIn.setCookie).toMatch(/^mentionflow_session=[\w-]{40,};/);
    expect(signedIn.setCookie).toMatch(/HttpOnly/i);
    expect(signedIn.setCookie).toMatch(/SameSite=Strict/i);
    expect(signedIn.setCookie).toMatch(/Path=\//);
    expect(signedIn.setCookie).not.toMatch(/Secure/);
    // Behind TLS (directly or through a proxy that says so) the cookie is Secure.
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password, { 'x-forwarded-proto': 'https' })).setCookie).toMatch(/; Secure/);

    const session = await server.call('GET', '/api/auth/session', undefined, { cookie: signedIn.cookie });
    expect(session).toMatchObject({ status: 200, body: { user: { email: TEST_ADMIN.email }, csrfToken: signedIn.body.csrfToken } });
    // The session id is stored as a digest only.
    const stored = await server.services.database.client.execute('SELECT digest FROM sessions');
    expect(stored.rows.map((row) => row.digest)).not.toContain(signedIn.cookie.split('=')[1]);
  });

  it('refuses a wrong password and an unknown email alike, and records the failure', async () => {
    const wrong = await signIn(TEST_ADMIN.email, 'not the password at all');
    const unknown = await signIn('nobody@example.test', TEST_ADMIN.password);
    expect([wrong.status, wrong.body.error, wrong.setCookie]).toEqual([401, 'invalid_credentials', '']);
    expect([unknown.status, unknown.body.error]).toEqual([401, 'invalid_credentials']);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect((await server.services.events.list({ type: 'auth.sign_in_failed' })).map((entry) => entry.subject)).toEqual(['nobody@example.test', TEST_ADMIN.email]);
  });

  it('locks an email for 15 minutes after five failures, even for the right password, then lets it in', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(TEST_ADMIN.email, `guess number ${attempt}`)).status).toBe(401);
    const locked = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(locked).toMatchObject({ status: 429, body: { error: 'too_many_attempts' } });
    expect(Number(locked.retryAfter)).toBeGreaterThan(800);
    // Another account is not locked by it.
    await server.userFor('olga', 'analyst');
    expect((await signIn('olga@example.test', TEST_PASSWORD)).status).toBe(200);
    clock.advance(16);
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
  });

  it('signing out ends the session', async () => {
    const { cookie, body } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await server.call('POST', '/api/auth/logout', undefined, { cookie, 'x-csrf-token': body.csrfToken })).status).toBe(204);
    expect((await server.call('GET', '/api/auth/session', undefined, { cookie })).status).toBe(401);
  });

  it('ends sessions after 12 idle hours and after 7 days', async () => {
    const idle = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    clock.advance(12 * 60 + 1);
    expect((await server.call('GET', '/api/auth/session', undefined, { cookie: idle.cookie })).status).toBe(401);

    const busy = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    for (let day = 0; day < 7; day++) {
      expect((await server.call('GET', '/api/workflows', undefined, { cookie: busy.cookie })).status).toBe(200);
      clock.advance(11 * 60);
      expect((await server.call('GET', '/api/workflows', undefined, { cookie: busy.cookie })).status).toBe(200);
      clock.advance(11 * 60);
      expect((await server.call('GET', '/api/workflows', undefined, { cookie: busy.cookie })).status).toBe(200);
      clock.advance(2 * 60);
    }
    expect((await server.call('GET', '/api/workflows', undefined, { cookie: busy.cookie })).status).toBe(401);
  });
});

describe('CSRF protection for cookie sessions', () => {
  it('refuses a change carried by the cookie alone, a wrong token and a foreign origin; accepts the session’s token', async () => {
    const { cookie, body } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const create = (headers: Record<string, string>) => server.call('POST', '/api/workflows', refundWorkflow(), { cookie, ...headers });
    expect(await create({})).toMatchObject({ status: 403, body: { error: 'csrf_failed' } });
    expect(await create({ 'x-csrf-token': `${body.csrfToken.slice(0, -1)}x` })).toMatchObject({ status: 403, body: { error: 'csrf_failed' } });
    expect(await create({ 'x-csrf-token': body.csrfToken, origin: 'https://evil.example' })).toMatchObject({ status: 403, body: { error: 'csrf_failed' } });
    expect((await server.call('GET', '/api/workflows', undefined, { cookie })).body.workflows).toEqual([]);
    expect((await create({ 'x-csrf-token': body.csrfToken, origin: 'http://localhost' })).status).toBe(201);
    // Reads need no token; API tokens need none either (they are not sent by browsers on their own).
    expect((await server.call('GET', '/api/workflows', undefined, { cookie })).status).toBe(200);
    expect((await server.call('PUT', '/api/settings', (await server.call('GET', '/api/settings')).body, await server.headersFor('admin'))).status).toBe(200);
  });
});

describe('users', () => {
  it('an admin adds people with a role; a password is 12+ characters; emails are unique', async () => {
    const created = await server.call('POST', '/api/users', { email: 'Ana@Example.test', name: 'Ana', role: 'agent', password: 'twelve chars!' });
    expect(created).toMatchObject({ status: 201, body: { email: 'ana@example.test', name: 'Ana', role: 'agent', disabled: false, lastSignInAt: null } });
    expect(created.body).not.toHaveProperty('passwordHash');
    const stored = await server.services.database.client.execute("SELECT password_hash FROM users WHERE email = 'ana@example.test'");
    expect(String(stored.rows[0]!.password_hash)).toMatch(/^\$argon2id\$/);
    expect(await server.call('POST', '/api/users', { email: 'ana@example.test', name: 'Ana 2', role: 'agent', password: 'twelve chars!' })).toMatchObject({ status: 409, body: { details: [{ field: 'email' }] } });
    const short = await server.call('POST', '/api/users', { email: 'bo@example.test', name: 'Bo', role: 'agent', password: 'short' });
    expect(short).toMatchObject({ status: 422, body: { error: 'validation_failed', details: [{ field: 'password', message: 'a password needs at least 12 characters' }] } });
    expect(await server.call('POST', '/api/users', { email: 'bo@example.test', name: 'Bo', role: 'root', password: 'twelve chars!' })).toMatchObject({ status: 422, body: { details: [{ field: 'role' }] } });
    expect((await server.call('GET', '/api/users')).body.users.map((user: { email: string }) => user.email)).toEqual(['admin@example.test', 'ana@example.test']);
    expect((await signIn('ana@example.test', 'twelve chars!')).body.user.role).toBe('agent');
  });

  it('disabling someone or changing their role or password ends their sessions', async () => {
    const analyst = await server.userFor('olga', 'analyst');
    const olga = (await server.call('GET', '/api/users')).body.users.find((user: { email: string }) => user.email === analyst.email);
    let password = TEST_PASSWORD;
    for (const change of [{ role: 'ops_lead' }, { password: 'a brand new password' }, { disabled: true }]) {
      const { cookie } = await signIn(analyst.email, password);
      expect((await server.call('GET', '/api/auth/session', undefined, { cookie })).status).toBe(200);
      expect((await server.call('PATCH', `/api/users/${olga.id}`, change)).status).toBe(200);
      expect((await server.call('GET', '/api/auth/session', undefined, { cookie })).status, JSON.stringify(change)).toBe(401);
      password = change.password ?? password;
    }
    expect(await signIn(analyst.email, 'a brand new password')).toMatchObject({ status: 401 });
    expect((await server.call('PATCH', `/api/users/${olga.id}`, { disabled: false })).body).toMatchObject({ disabled: false, role: 'ops_lead' });
    expect((await signIn(analyst.email, 'a brand new password')).status).toBe(200);
  });

  it('never leaves the workspace without an enabled admin', async () => {
    const admin = (await server.call('GET', '/api/users')).body.users[0];
    expect(await server.call('PATCH', `/api/users/${admin.id}`, { role: 'analyst' })).toMatchObject({ status: 409, body: { error: 'last_admin', details: [{ field: 'role' }] } });
    expect(await server.call('PATCH', `/api/users/${admin.id}`, { disabled: true })).toMatchObject({ status: 409, body: { error: 'last_admin', details: [{ field: 'disabled' }] } });
    const second = await server.call('POST', '/api/users', { email: 'second@example.test', name: 'Second', role: 'admin', password: 'another admin pass' });
    expect((await server.call('PATCH', `/api/users/${admin.id}`, { role: 'analyst' })).status).toBe(200);
    expect(await server.call('PATCH', `/api/users/${second.body.id}`, { disabled: true })).toMatchObject({ status: 409, body: { error: 'last_admin' } });
    expect(await server.call('PATCH', '/api/users/999', { name: 'x' })).toMatchObject({ status: 404 });
    expect(await server.call('PATCH', '/api/users/abc', { name: 'x' })).toMatchObject({ status: 400, body: { details: [{ field: 'id' }] } });
  });

  it('changing one’s own password needs the current one and hands back a fresh session', async () => {
    const signedIn = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const other = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const headers = { cookie: signedIn.cookie, 'x-csrf-token': signedIn.body.csrfToken };
    expect(await server.call('POST', '/api/auth/password', { currentPassword: 'wrong one', newPassword: 'the next long password' }, headers)).toMatchObject({ status: 422, body: { details: [{ field: 'currentPassword' }] } });
    const changed = await server.call('POST', '/api/auth/password', { currentPassword: TEST_ADMIN.password, newPassword: 'the next long password' }, headers);
    expect(changed.status).toBe(200);
    const fresh = changed.headers.get('set-cookie')!.split(';')[0]!;
    expect((await server.call('GET', '/api/auth/session', undefined, { cookie: fresh })).body.csrfToken).toBe(changed.body.csrfToken);
    expect((await server.call('GET', '/api/auth/session', undefined, { cookie: other.cookie })).status).toBe(401);
    expect((await signIn(TEST_ADMIN.email, 'the next long password')).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('shows the secret once, stores a digest, lists a prefix, and authenticates as its role', async () => {
    const created = await server.call('POST', '/api/tokens', { name: 'social listening', role: 'integration' });
    expect(created).toMatchObject({ status: 201, body: { secret: expect.stringMatching(/^mf_[\w-]{43}$/), token: { name: 'social listening', role: 'integration', revokedAt: null, createdBy: 'token:test admin' } } });
    const { secret, token } = created.body;
    expect(secret.startsWith(token.prefix)).toBe(true);
    const listed = await server.call('GET', '/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const stored = await server.services.database.client.execute('SELECT * FROM api_tokens');
    expect(JSON.stringify(stored.rows)).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    expect((await server.call('POST', '/api/mentions', mention({ id: 'via-token', text: 'hello' }), bearer)).status).toBe(201);
    expect(await server.call('GET', '/api/workflows', undefined, bearer)).toMatchObject({ status: 403, body: { error: 'forbidden', details: { permission: 'workflows:read', role: 'integration' } } });
    expect(await server.call('GET', '/api/workflows', undefined, { authorization: 'Bearer mf_unknown-token-value-here-1234567890' })).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    expect(await server.call('GET', '/api/workflows', undefined, { authorization: 'Basic abc' })).toMatchObject({ status: 401 });
    expect((await server.call('GET', '/api/tokens')).body.tokens.find((entry: { id: number }) => entry.id === token.id).lastUsedAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('a revoked token stops working at once; an expired one at its time', async () => {
    const revocable = (await server.call('POST', '/api/tokens', { name: 'old laptop', role: 'analyst' })).body;
    const bearer = { authorization: `Bearer ${revocable.secret}` };
    expect((await server.call('GET', '/api/workflows', undefined, bearer)).status).toBe(200);
    expect(await server.call('DELETE', `/api/tokens/${revocable.token.id}`)).toMatchObject({ status: 200, body: { token: { revokedAt: '2026-03-02T10:00:00.000Z', revokedBy: 'token:test admin' } } });
    expect((await server.call('GET', '/api/workflows', undefined, bearer)).status).toBe(401);

    expect(await server.call('POST', '/api/tokens', { name: 'past', role: 'analyst', expiresAt: '2026-03-01T00:00:00Z' })).toMatchObject({ status: 422, body: { details: [{ field: 'expiresAt' }] } });
    const expiring = (await server.call('POST', '/api/tokens', { name: 'one hour', role: 'analyst', expiresAt: '2026-03-02T11:00:00Z' })).body;
    expect((await server.call('GET', '/api/workflows', undefined, { authorization: `Bearer ${expiring.secret}` })).status).toBe(200);
    clock.advance(61);
    expect((await server.call('GET', '/api/workflows', undefined, { authorization: `Bearer ${expiring.secret}` })).status).toBe(401);
  });

  it('keeps each token to its own rate limit, answering 429 with Retry-After', async () => {
    const slow = (await server.call('POST', '/api/tokens', { name: 'slow', role: 'integration', rateLimitPerMinute: 3 })).body.secret;
    const other = (await server.call('POST', '/api/tokens', { name: 'other', role: 'integration', rateLimitPerMinute: 3 })).body.secret;
    const send = (secret: string, id: string) => server.call('POST', '/api/mentions', mention({ id, text: 'hi' }), { authorization: `Bearer ${secret}` });
    for (const id of ['a', 'b', 'c']) expect((await send(slow, id)).status).toBe(201);
    const limited = await send(slow, 'd');
    expect(limited).toMatchObject({ status: 429, body: { error: 'rate_limited', details: { retryAfterSeconds: 20 } } });
    expect(limited.headers.get('retry-after')).toBe('20');
    expect((await server.call('GET', '/api/mentions/d?channel=x')).status).toBe(404);
    expect((await send(other, 'e')).status).toBe(201);
    clock.advance(1 / 3);
    expect((await send(slow, 'd')).status).toBe(201);
  });
});

describe('the first admin', () => {
  it('is created from the environment once, or through a one-time link that works once', async () => {
    const empty = await startTestServer({ clock, scheduler: false });
    try {
      // The test server made its admin; a fresh database is what first start sees.
      await empty.services.database.client.execute('DELETE FROM users');
      expect(await empty.services.access.ensureFirstAdmin({})).toMatchObject({ kind: 'setup_link', token: expect.any(String) });
      const { token } = (await empty.services.access.ensureFirstAdmin({})) as { token: string };
      expect(await empty.call('GET', '/api/auth/setup', undefined, anonymous)).toMatchObject({ status: 200, body: { needed: true } });
      const setup = { email: 'root@example.test', name: 'Root', password: 'first admin password' };
      expect(await empty.call('POST', '/api/auth/setup', { ...setup, token: 'guess' }, anonymous)).toMatchObject({ status: 403, body: { error: 'invalid_setup_token' } });
      const created = await empty.call('POST', '/api/auth/setup', { ...setup, token }, anonymous);
      expect(created).toMatchObject({ status: 201, body: { user: { email: 'root@example.test', role: 'admin' } } });
      expect(await empty.call('POST', '/api/auth/setup', { ...setup, email: 'again@example.test', token }, anonymous)).toMatchObject({ status: 409 });
      expect(await empty.services.access.ensureFirstAdmin({ email: 'env@example.test', password: 'from the environment' })).toEqual({ kind: 'exists' });

      await empty.services.database.client.execute('DELETE FROM users');
      expect(await empty.services.access.ensureFirstAdmin({ email: 'Env@Example.test', password: 'from the environment' })).toEqual({ kind: 'created', email: 'env@example.test' });
      expect(await empty.services.access.ensureFirstAdmin({ email: 'env@example.test', password: 'from the environment' })).toEqual({ kind: 'exists' });
    } finally {
      await empty.stop(true);
    }
  });
});

describe('the audit trail', () => {
  it('records who changed what with before and after, filterable by actor, action, subject and time, paged', async () => {
    const lea = await server.sessionFor('lea', 'ops_lead');
    expect((await server.call('POST', '/api/workflows', refundWorkflow(), lea)).status).toBe(201);
    const draft = (await server.call('GET', '/api/workflows/refunds', undefined, lea)).body;
    clock.advance(5);
    expect((await server.call('PUT', '/api/workflows/refunds', { version: draft.version, name: 'Refunds to billing', graph: draft.graph }, lea)).status).toBe(200);
    expect((await server.call('POST', '/api/workflows/refunds/publish', { note: 'go' }, lea)).status).toBe(201);
    const settings = (await server.call('GET', '/api/settings')).body;
    await server.call('PUT', '/api/settings', { ...settings, brand: { ...settings.brand, names: ['Acme Air'] } });
    await server.call('POST', '/api/users', { email: 'ana@example.test', name: 'Ana', role: 'agent', password: 'twelve chars!' });

    const all = (await server.call('GET', '/api/audit', undefined, lea)).body;
    expect(all.entries.map((entry: { action: string }) => entry.action)).toEqual(['user.created', 'settings.updated', 'workflow.published', 'workflow.draft_saved', 'workflow.created', 'auth.signed_in']);
    const saved = all.entries.find((entry: { action: string }) => entry.action === 'workflow.draft_saved');
    expect(saved).toMatchObject({ actor: 'lea@example.test', subject: 'refunds', before: { name: refundWorkflow().name }, after: { name: 'Refunds to billing' }, at: '2026-03-02T10:05:00.000Z' });
    expect(all.entries[0]).toMatchObject({ actor: 'token:test admin', subject: 'ana@example.test', after: { email: 'ana@example.test', role: 'agent' } });
    expect(JSON.stringify(all.entries[0])).not.toMatch(/argon2|twelve chars/);
    expect(all.entries[1]).toMatchObject({ before: { brand: settings.brand }, after: { brand: { names: ['Acme Air'] } } });

    const query = async (params: string) => (await server.call('GET', `/api/audit?${params}`)).body.entries.map((entry: { action: string }) => entry.action);
    expect(await query('action=workflow.')).toEqual(['workflow.published', 'workflow.draft_saved', 'workflow.created']);
    expect(await query('actor=lea%40example.test&action=workflow.d')).toEqual(['workflow.draft_saved']);
    expect(await query('subject=refunds&until=2026-03-02T10:01:00Z')).toEqual(['workflow.created']);
    expect(await query('since=2026-03-02T10:04:00Z&action=workflow')).toEqual(['workflow.published', 'workflow.draft_saved']);

    const first = (await server.call('GET', '/api/audit?limit=2')).body;
    expect(first.entries).toHaveLength(2);
    const second = (await server.call('GET', `/api/audit?limit=2&before=${first.next}`)).body;
    expect(second.entries.map((entry: { id: number }) => entry.id).every((id: number) => id < first.next)).toBe(true);
    const rest = (await server.call('GET', `/api/audit?limit=500&before=${second.next}`)).body;
    expect(rest.next).toBeNull();
    expect(first.entries.length + second.entries.length + rest.entries.length).toBe(all.entries.length);

    expect(await server.call('GET', '/api/audit?since=yesterday')).toMatchObject({ status: 400, body: { details: [{ field: 'since' }] } });
    expect(await server.call('GET', '/api/audit?limit=0')).toMatchObject({ status: 400, body: { details: [{ field: 'limit' }] } });
    expect(await server.call('GET', '/api/audit', undefined, await server.headersFor('analyst'))).toMatchObject({ status: 403, body: { details: { permission: 'audit:read' } } });
  });
});
