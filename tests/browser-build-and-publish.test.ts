// End to end: build a routing workflow from scratch on the canvas, publish it, and see a matching mention land in
// its queue on the queue page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startEditorSession, textOf, valueOf, type EditorSession } from './browser-harness.ts';

let session: EditorSession;
beforeAll(async () => {
  session = await startEditorSession();
}, 240_000);
afterAll(async () => {
  await session?.close();
});

describe('building, publishing and deciding with a workflow drawn in the editor', () => {
  it('draws trigger → "text contains refund" → route to billing, publishes it, and the queue shows the routed mention', async () => {
    const page = await session.newPage('lea');
    await page.goto('/');
    await page.getByText('No workflows yet').waitFor();

    await page.getByRole('button', { name: 'New workflow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workflow' });
    await dialog.getByLabel('Name').fill('Refund requests');
    await eventually(() => valueOf(dialog.getByLabel('Id'))).toBe('refund-requests');
    await dialog.getByRole('radio', { name: /routing/ }).check();
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    await page.getByRole('heading', { name: 'Refund requests', level: 1 }).waitFor();

    // A blank workflow starts with its trigger; replace it with one from the palette to draw everything ourselves.
    const pane = page.locator('.react-flow__pane');
    await page.getByRole('group', { name: /^When a mention arrives start$/ }).click();
    await page.keyboard.press('Delete');
    await eventually(() => page.getByRole('group', { name: /^When a mention arrives/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Add When a mention arrives' }).click();
    const trigger = page.getByRole('group', { name: /^When a mention arrives routing-trigger-1$/ });
    await trigger.waitFor();

    // The condition arrives by drag and drop from the palette; it is not connected yet.
    const box = (await pane.boundingBox())!;
    await page.getByRole('button', { name: 'Add Condition' }).dragTo(pane, { targetPosition: { x: box.width / 2, y: box.height / 2 + 120 } });
    const condition = page.getByRole('group', { name: /^Condition condition-1$/ });
    await condition.waitFor();
    await eventually(() => textOf(page.getByRole('list', { name: 'Problems' }))).toContain('cannot be reached from the trigger');

    // Connect trigger → condition by dragging from the trigger's output handle to the condition's input.
    await trigger.locator('.react-flow__handle.source').dragTo(condition.locator('.react-flow__handle.target'));
    await eventually(() => page.locator('.react-flow__edge').count()).toBe(1);

    // Say what the condition checks: the text contains "refund".
    await condition.click();
    const inspector = page.getByRole('tabpanel');
    await eventually(() => valueOf(inspector.getByLabel('Fact'))).toBe('text');
    await eventually(() => valueOf(inspector.getByLabel('Operator'))).toBe('containsTerms');
    const terms = inspector.getByRole('textbox', { name: 'Value: any language' });
    await terms.fill('refund');
    await terms.press('Enter');
    await eventually(() => textOf(condition)).toContain('text contains any of “refund”');

    // With the condition selected, clicking an action adds it on the condition's first free output ("yes").
    await page.getByRole('button', { name: 'Add Route to queue' }).click();
    const route = page.getByRole('group', { name: /^Route to queue route-1$/ });
    await route.waitFor();
    await inspector.getByLabel('Queue', { exact: true }).fill('billing');
    await eventually(() => textOf(route)).toContain('route to queue “billing”');
    await eventually(() => textOf(inspector.getByRole('region', { name: 'Paths to this node' }))).toContain('When a mention arrives and text contains any of “refund” → route to queue “billing”');

    await eventually(() => textOf(page.getByRole('button', { name: /Problems/ }))).toContain('ready to publish');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await session.screenshot(page, 'canvas-refund-workflow');

    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish' });
    await publish.getByLabel('Change note').fill('Refunds go to billing');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await eventually(() => textOf(publish.getByRole('status'))).toContain('Published version 1.');
    await publish.getByRole('button', { name: 'Done' }).click();
    await eventually(() => textOf(page.getByTestId('workflow-status'))).toBe('Published v1');

    const versions = await session.api('GET', '/api/workflows/refund-requests/versions');
    expect(versions.body.versions[0]).toMatchObject({ version: 1, note: 'Refunds go to billing', publishedBy: 'lea@example.test' });

    const posted = await session.api('POST', '/api/mentions', {
      id: 'e2e-refund-1',
      channel: 'x',
      kind: 'post',
      text: 'I still have not received my refund, @acmeair',
      createdAt: new Date().toISOString(),
      author: { handle: '@traveller' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.decision.queue).toBe('billing');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
    const card = page.getByRole('listitem', { name: /ticket in billing/ });
    await eventually(() => textOf(card)).toContain('I still have not received my refund');
    await eventually(() => textOf(card)).toContain('queue billing');
    await session.screenshot(page, 'queue-billing');
  }, 90_000);
});
