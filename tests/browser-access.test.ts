// End to end: access control in the editor. Signing in (a wrong password is refused, the right one goes back where
// you were headed); an analyst is offered neither publishing nor the admin pages; an admin adds a user, creates an API
// token (its secret shown once, then only its prefix) and revokes it; the audit log lists all of it and filters it;
// an admin links an agent-role user to the queue agent they work as, changes the link, and is warned when it is none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startEditorSession, textOf, valueOf, type EditorSession } from './browser-harness.ts';
import { TEST_PASSWORD } from './support/server.ts';
import { complaintsWorkflow } from './support/workflows.ts';

let session: EditorSession;
beforeAll(async () => {
  session = await startEditorSession();
}, 240_000);
afterAll(async () => {
  await session?.close();
});


describe('signing in', () => {
  it('refuses a wrong password, signs in and goes where the person was headed; changes the password; signs out', async () => {
    expect((await session.server.call('POST', '/api/users', { email: 'ada@example.test', name: 'Ada', role: 'admin', password: TEST_PASSWORD })).status).toBe(201);
    const context = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: session.baseUrl });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
    await page.goto('/users');
    await page.waitForURL('**/login?next=%2Fusers');
    await page.getByLabel('Email').fill('ada@example.test');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => textOf(page.getByRole('alert'))).toBe('Wrong email or password.');
    await session.screenshot(page, 'access-sign-in-refused');

    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/users');
    expect(await textOf(page.getByLabel('You'))).toContain('Ada');

    // Changing the password asks for the current one, and the session carries on with the new one.
    await page.getByRole('button', { name: 'Change password' }).click();
    const change = page.getByRole('dialog', { name: 'Change your password' });
    await change.getByLabel('Current password').fill('not the password at all');
    await change.getByLabel('New password', { exact: true }).fill('ada picked a new password');
    await change.getByLabel('New password again').fill('ada picked a new password');
    await change.getByRole('button', { name: 'Change password' }).click();
    await eventually(() => textOf(change.getByRole('alert'))).toBe('The current password is wrong.');
    await change.getByLabel('Current password').fill(TEST_PASSWORD);
    await change.getByRole('button', { name: 'Change password' }).click();
    await eventually(() => textOf(change.getByRole('status'))).toContain('Your password is changed.');
    await change.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/audit');
    await page.waitForURL('**/login?next=%2Faudit');
    await page.getByLabel('Email').fill('ada@example.test');
    await page.getByLabel('Password').fill('ada picked a new password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await context.close();
  });
});

describe('an analyst', () => {
  it('reads a workflow without being offered to edit or publish it, and sees no admin page', async () => {
    expect((await session.api('POST', '/api/workflows', complaintsWorkflow())).status).toBe(201);
    expect((await session.api('POST', '/api/workflows/complaints/publish', { note: 'complaints to care' })).status).toBe(201);
    const page = await session.newPage('ana', 'analyst');
    await page.goto('/');
    await page.getByRole('link', { name: 'Complaints' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await textOf(nav.getByRole('link'))).toBe(['Workflows', 'Queue', 'Insights', 'Settings'].join('\n'));
    expect(await page.getByRole('button', { name: 'New workflow' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import a pack' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Complaints' }).click();
    await page.getByRole('group', { name: 'Condition is-complaint' }).waitFor();
    await eventually(() => textOf(page.getByRole('toolbar', { name: 'Workflow' }))).toContain('View only: your role (Analyst) cannot change workflows.');
    expect(await page.getByRole('button', { name: 'Publish…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add Condition' }).isDisabled()).toBe(true);
    // The node's settings are there to read, not to change.
    await page.getByRole('group', { name: 'Condition is-complaint' }).click();
    await page.getByRole('heading', { name: 'Condition', exact: true, level: 2 }).waitFor();
    expect(await page.getByRole('tabpanel').getByLabel('Fact').isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Compare v1 with the draft' }).waitFor();
    expect(await page.getByRole('button', { name: 'Roll back to v1' }).count()).toBe(0);
    await session.screenshot(page, 'access-analyst-canvas');

    await page.goto('/users');
    await eventually(() => textOf(page.getByRole('alert'))).toContain('Your role (analyst) cannot open this page.');
    // The server refuses too, and says which permission is missing.
    const refused = await session.server.call('POST', '/api/workflows/complaints/publish', { note: 'try' }, await session.server.headersFor('analyst'));
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden', details: { permission: 'workflows:publish' } } });
  });
});

describe('a session that ends under an open page', () => {
  it('asks to sign in again over the page, and the unsaved change is still there to save', async () => {
    expect((await session.api('POST', '/api/workflows', { ...complaintsWorkflow(), id: 'escalations', name: 'Escalations' })).status).toBe(201);
    const page = await session.newPage('nina');
    await page.goto('/workflows/escalations');
    await page.getByLabel('Name', { exact: true }).fill('Escalations to care');

    // An admin resets Nina's password: every session of hers ends, this one included.
    const users = await session.server.call('GET', '/api/users');
    const nina = users.body.users.find((user: { email: string }) => user.email === 'nina@example.test');
    expect((await session.server.call('PATCH', `/api/users/${nina.id}`, { password: 'a brand new password' })).status).toBe(200);

    await page.getByRole('button', { name: 'Save draft' }).click();
    const again = page.getByRole('dialog', { name: 'Sign in again' });
    await again.waitFor();
    expect(await valueOf(again.getByLabel('Email'))).toBe('nina@example.test');
    await again.getByLabel('Password').fill('a brand new password');
    await again.getByRole('button', { name: 'Sign in and carry on' }).click();
    await again.waitFor({ state: 'hidden' });

    expect(await valueOf(page.getByLabel('Name', { exact: true }))).toBe('Escalations to care');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await eventually(() => textOf(page.getByRole('toolbar', { name: 'Workflow' }).getByRole('status'))).toContain('All changes saved');
    expect((await session.api('GET', '/api/workflows/escalations')).body.name).toBe('Escalations to care');
  });
});

describe('an admin', () => {
  it('adds a user, creates a token shown once, revokes it, and finds it all in the audit log', async () => {
    const page = await session.newPage('root', 'admin');
    await page.goto('/users');
    await page.getByRole('button', { name: 'Add a user' }).click();
    const add = page.getByRole('dialog', { name: 'Add a user' });
    await add.getByLabel('Name').fill('Sam Ortiz');
    await add.getByLabel('Email').fill('sam@example.test');
    await add.getByLabel('Role').selectOption('ops_lead');
    await eventually(() => textOf(add.locator('.help').first())).toContain('workflows: read, edit, publish');
    await add.getByLabel('First password').fill('short');
    expect(await add.getByRole('button', { name: 'Add user' }).isDisabled()).toBe(true);
    await add.getByLabel('First password').fill('a long enough first password');
    await add.getByRole('button', { name: 'Add user' }).click();
    await eventually(() => textOf(page.getByRole('status'))).toContain('Sam Ortiz is added as Operations lead.');
    await eventually(() => valueOf(page.getByLabel('Role of Sam Ortiz'))).toBe('ops_lead');

    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('button', { name: 'New token' }).click();
    const create = page.getByRole('dialog', { name: 'New API token' });
    await create.getByLabel('Name').fill('Zendesk bridge');
    await create.getByLabel('Rate limit (requests per minute)').fill('120');
    await create.getByRole('radio', { name: '90 days' }).check();
    await create.getByRole('button', { name: 'Create token' }).click();
    const created = page.getByRole('dialog', { name: 'Token “Zendesk bridge” created' });
    await created.getByText('It is shown only once').waitFor();
    const secret = (await valueOf(created.getByLabel('Secret')))!;
    expect(secret).toMatch(/^mf_/);
    await session.screenshot(page, 'access-token-secret');
    // The secret works, as an integration.
    const ingested = await fetch(new URL('/api/mentions', session.baseUrl), { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: '{}' });
    expect(ingested.status).not.toBe(401);
    await created.getByRole('button', { name: 'I have copied it' }).click();

    const row = page.getByRole('row', { name: /Zendesk bridge/ });
    await eventually(() => textOf(row)).toContain('120/min');
    const listed = await textOf(row);
    expect(listed).toContain(`${secret.slice(0, 9)}…`);
    expect(listed).toContain('Integration');
    expect(listed).toContain('active');
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: 'Revoke Zendesk bridge' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “Zendesk bridge”?' });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await eventually(() => textOf(page.getByRole('status'))).toContain('“Zendesk bridge” is revoked.');
    await eventually(() => textOf(row)).toContain('revoked');
    const afterRevoking = await fetch(new URL('/api/mentions', session.baseUrl), { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: '{}' });
    expect(afterRevoking.status).toBe(401);

    await page.getByRole('link', { name: 'Audit' }).click();
    const entries = page.getByRole('table', { name: /Audit entries/ });
    await eventually(() => textOf(entries)).toContain('token.revoked');
    const log = await textOf(entries);
    expect(log).toContain('token.created');
    expect(log).toContain('user.created');
    expect(log).toContain('sam@example.test');
    expect(log).toContain('root@example.test');

    await page.getByLabel('Action').fill('token.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**/audit?action=token.');
    await eventually(async () => (await entries.locator('tbody tr').allInnerTexts()).map((text) => text.split('\t')[2])).toEqual(['token.revoked', 'token.created']);

    await entries.getByRole('button', { name: /Show changes of token.revoked/ }).click();
    const changes = entries.getByRole('table', { name: /Changes/ });
    await eventually(() => textOf(changes.getByRole('row', { name: /revokedAt/ }))).toContain('null');
    expect(await textOf(changes.getByRole('row', { name: /revokedBy/ }))).toContain('"root@example.test"');
    await session.screenshot(page, 'access-audit');

    // The filters live in the URL: a reload keeps them.
    await page.reload();
    await eventually(() => valueOf(page.getByLabel('Action'))).toBe('token.');
    expect((await entries.locator('tbody tr').allInnerTexts()).length).toBe(2);
  });
});

describe('linking a user to a queue agent', () => {
  it('adds an agent linked to a queue agent, shows and changes the link, shows a refusal on the field, and warns when none', async () => {
    for (const [id, name, queue] of [['kim-care', 'Kim Care', 'care'], ['kim-billing', 'Kim Billing', 'billing']] as const) {
      expect((await session.api('POST', '/api/agents', { id, name, tier: 'senior', languages: ['en'], queues: [queue] })).status).toBe(201);
    }
    const page = await session.newPage('root', 'admin');
    await page.goto('/users');
    await page.getByRole('button', { name: 'Add a user' }).click();
    const add = page.getByRole('dialog', { name: 'Add a user' });
    await add.getByLabel('Name').fill('Kim');
    await add.getByLabel('Email').fill('kim@example.test');
    await add.getByLabel('Role').selectOption('agent');
    await eventually(() => textOf(add.locator('.help-warn'))).toContain('can’t work the queue until linked');
    const choices = await add.getByLabel('Queue agent').locator('option').allInnerTexts();
    expect(choices).toEqual(['none', 'Kim Billing (kim-billing)', 'Kim Care (kim-care)']);
    await add.getByLabel('Queue agent').selectOption('kim-care');
    await add.getByLabel('First password').fill(TEST_PASSWORD);
    await add.getByRole('button', { name: 'Add user' }).click();
    await eventually(() => textOf(page.getByRole('status'))).toContain('Kim is added as Agent.');

    // The table shows the link, and what the linked agent does; no warning.
    const row = page.getByRole('row', { name: /kim@example\.test/ });
    const link = row.getByLabel('Queue agent of Kim');
    await eventually(() => valueOf(link)).toBe('kim-care');
    expect(await textOf(link.locator('option:checked'))).toBe('Kim Care (kim-care)');
    expect(await textOf(row.locator('.row-description'))).toContain('senior · care');
    expect(await row.locator('.agent-unlinked').count()).toBe(0);
    // Kim's session says which agent she works as.
    expect((await session.api('GET', '/api/auth/session', undefined, 'kim')).body.user.agentId).toBe('kim-care');
    await session.screenshot(page, 'access-agent-linked');

    await link.selectOption('kim-billing');
    await eventually(() => textOf(page.getByRole('status'))).toContain('Kim now works the queue as Kim Billing (kim-billing) and is signed out.');
    await eventually(() => textOf(row.locator('.row-description'))).toContain('senior · billing');
    const kim = async () => ((await session.api('GET', '/api/users')).body.users as { email: string; agentId: string | null }[]).find((user) => user.email === 'kim@example.test');
    expect((await kim())?.agentId).toBe('kim-billing');

    // An agent id the server does not know (as if removed since the page loaded) is refused on the field, and the select keeps the link.
    await page.route('**/api/users/*', (route) => route.continue({ postData: JSON.stringify({ agentId: 'kim-gone' }) }));
    await link.selectOption('kim-care');
    await eventually(() => textOf(row.getByRole('alert'))).toContain('The server refused this queue agent: no such agent.');
    expect(await link.getAttribute('aria-invalid')).toBe('true');
    await eventually(() => valueOf(link)).toBe('kim-billing');
    await page.unrouteAll();

    await link.selectOption('');
    await eventually(() => textOf(page.getByRole('status'))).toContain('Kim is no longer linked to a queue agent and is signed out.');
    expect(await row.getByRole('alert').count()).toBe(0);
    await eventually(() => textOf(row.locator('.agent-unlinked'))).toBe('can’t work the queue until linked');
    expect((await kim())?.agentId).toBeNull();
    await session.screenshot(page, 'access-agent-unlinked');

    // Another role without a link is not warned about.
    await row.getByLabel('Role of Kim').selectOption('analyst');
    await eventually(() => row.locator('.agent-unlinked').count()).toBe(0);
  });
});
