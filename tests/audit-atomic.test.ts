// The audit trail is written with the change it describes: when its entry cannot be stored the change is not stored
// either (and nothing is logged), and the before and after it records are the states stored around the change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../apps/server/src/clock.ts';
import type { Logger } from '../apps/server/src/log.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { refundWorkflow } from './support/workflows.ts';

let server: TestServer;
let logged: string[];

beforeEach(async () => {
  logged = [];
  const logger: Logger = { log: (_level, event) => void logged.push(event) };
  server = await startTestServer({ clock: new ManualClock('2026-03-02T10:00:00Z'), scheduler: false, logger });
});
afterEach(async () => {
  await server.stop(true);
});

/** Makes every insert into the audit trail fail, as a full disk or a broken table would. */
async function auditDown(): Promise<void> {
  await server.services.database.client.execute(`CREATE TRIGGER audit_down BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'audit down'); END`);
}
async function auditUp(): Promise<void> {
  await server.services.database.client.execute('DROP TRIGGER audit_down');
}

const internalError = { status: 500, body: { error: 'internal_error', details: { requestId: expect.any(String) } } };

async function entries(action: string) {
  return (await server.call('GET', `/api/audit?action=${action}`)).body.entries as { action: string; subject: string; before: unknown; after: unknown; detail: Record<string, unknown> }[];
}

describe('a change whose audit entry cannot be stored', () => {
  it('publishing a workflow: nothing is published, then it publishes with its entry', async () => {
    expect((await server.call('POST', '/api/workflows', refundWorkflow())).status).toBe(201);
    await auditDown();
    expect(await server.call('POST', '/api/workflows/refunds/publish', { note: 'go' })).toMatchObject(internalError);
    expect((await server.call('GET', '/api/workflows/refunds')).body).toMatchObject({ publishedVersion: null, status: 'draft' });
    expect((await server.call('GET', '/api/workflows/refunds/versions')).body.versions).toEqual([]);
    expect(logged).not.toContain('workflow.published');

    await auditUp();
    expect(await server.call('POST', '/api/workflows/refunds/publish', { note: 'go' })).toMatchObject({ status: 201, body: { version: 1 } });
    expect((await server.call('GET', '/api/workflows/refunds')).body).toMatchObject({ publishedVersion: 1, status: 'published' });
    expect(await entries('workflow.published')).toMatchObject([{ subject: 'refunds', detail: { version: 1, note: 'go' }, before: { publishedVersion: null }, after: { publishedVersion: 1 } }]);
    expect(logged).toContain('workflow.published');
  });

  it('changing a user’s role: the role stays, then it changes with its entry', async () => {
    const created = await server.call('POST', '/api/users', { email: 'ana@example.test', name: 'Ana', role: 'agent', password: 'twelve chars!' });
    expect(created.status).toBe(201);
    await auditDown();
    expect(await server.call('PATCH', `/api/users/${created.body.id}`, { role: 'ops_lead' })).toMatchObject(internalError);
    const stored = async () => (await server.call('GET', '/api/users')).body.users.find((user: { id: number }) => user.id === created.body.id);
    const before = await stored();
    expect(before).toMatchObject({ role: 'agent' });

    await auditUp();
    expect(await server.call('PATCH', `/api/users/${created.body.id}`, { role: 'ops_lead' })).toMatchObject({ status: 200, body: { role: 'ops_lead' } });
    const [entry] = await entries('user.updated');
    expect(entry).toMatchObject({ subject: 'ana@example.test', detail: { userId: created.body.id, fields: ['role'] } });
    expect(entry!.before).toEqual(before);
    expect(entry!.after).toEqual(await stored());
  });

  it('creating an API token: no token exists, then it is created with its entry', async () => {
    const listed = async () => (await server.call('GET', '/api/tokens')).body.tokens.filter((token: { name: string }) => token.name === 'exporter');
    await auditDown();
    expect(await server.call('POST', '/api/tokens', { name: 'exporter', role: 'analyst' })).toMatchObject(internalError);
    expect(await listed()).toEqual([]);
    expect(logged).not.toContain('token.created');

    await auditUp();
    const created = await server.call('POST', '/api/tokens', { name: 'exporter', role: 'analyst' });
    expect(created.status).toBe(201);
    const [entry] = await entries('token.created');
    expect(entry).toMatchObject({ subject: `token:${created.body.token.id}`, detail: { tokenId: created.body.token.id, name: 'exporter', role: 'analyst' } });
    expect(entry!.after).toEqual((await listed())[0]);
    expect(JSON.stringify(entry)).not.toContain(created.body.secret);
  });

  it('updating the settings: they stay as they were, then they change with their entry', async () => {
    const before = (await server.call('GET', '/api/settings')).body;
    const next = { ...before, brand: { ...before.brand, names: ['Acme Air'] } };
    const storedRows = async () => (await server.services.database.client.execute('SELECT value FROM settings')).rows.map((row) => JSON.parse(String(row.value)));
    const rowsBefore = await storedRows();
    await auditDown();
    expect(await server.call('PUT', '/api/settings', next)).toMatchObject(internalError);
    expect((await server.call('GET', '/api/settings')).body).toEqual(before);
    expect(await storedRows()).toEqual(rowsBefore);

    await auditUp();
    expect((await server.call('PUT', '/api/settings', next)).status).toBe(200);
    const [entry] = await entries('settings.updated');
    expect(entry!.before).toEqual(before);
    expect(entry!.after).toEqual((await server.call('GET', '/api/settings')).body);
    expect(await storedRows()).toEqual([entry!.after]);
  });
});

describe('before and after', () => {
  it('are read in the change’s transaction: concurrent settings updates chain, each entry’s before the previous after', async () => {
    const initial = (await server.call('GET', '/api/settings')).body;
    const names = ['Acme', 'Acme Air', 'Acme Rail', 'Acme Sea'];
    const answers = await Promise.all(names.map((name) => server.call('PUT', '/api/settings', { ...initial, brand: { ...initial.brand, names: [name] } })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const chain = (await entries('settings.updated')).reverse();
    expect(chain).toHaveLength(names.length);
    expect(chain[0]!.before).toEqual(initial);
    chain.slice(1).forEach((entry, index) => expect(entry.before).toEqual(chain[index]!.after));
    expect(chain.at(-1)!.after).toEqual((await server.call('GET', '/api/settings')).body);
  });

  it('of a saved draft are the drafts stored before and after it', async () => {
    expect((await server.call('POST', '/api/workflows', refundWorkflow())).status).toBe(201);
    const draft = (await server.call('GET', '/api/workflows/refunds')).body;
    expect((await server.call('PUT', '/api/workflows/refunds', { version: draft.version, name: 'Refunds to billing', graph: draft.graph })).status).toBe(200);
    const saved = (await server.call('GET', '/api/workflows/refunds')).body;
    const [entry] = await entries('workflow.draft_saved');
    const stored = (workflow: typeof draft) => ({ name: workflow.name, description: workflow.description, graph: workflow.graph, version: workflow.version });
    expect(entry).toMatchObject({ detail: { version: 2 }, before: stored(draft), after: stored(saved) });
  });
});
