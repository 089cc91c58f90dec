// End to end: mistakes show as you make them — on the node (red outline and a count) and in the problems list —
// choosing a problem selects its node, and a workflow with problems cannot be published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startEditorSession, textOf, type EditorSession } from './browser-harness.ts';
import { complaintsWorkflow } from './support/workflows.ts';

let session: EditorSession;
beforeAll(async () => {
  session = await startEditorSession();
}, 240_000);
afterAll(async () => {
  await session?.close();
});


describe('validation as you type', () => {
  it('shows an empty term list and an unconnected node on the node and in the problems list, and refuses to publish', async () => {
    expect((await session.api('POST', '/api/workflows', complaintsWorkflow())).status).toBe(201);
    const page = await session.newPage('sam');
    await page.goto('/workflows/complaints');
    const condition = page.getByRole('group', { name: 'Condition is-complaint' });
    await condition.waitFor();
    const problemsToggle = page.getByRole('button', { name: /^Problems/ });
    await eventually(() => textOf(problemsToggle)).toContain('ready to publish');
    const publishButton = page.getByRole('button', { name: 'Publish…' });
    expect(await publishButton.isEnabled()).toBe(true);

    // Empty the term list: the condition turns red with a count, and the list says why.
    await condition.click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Remove complaint' }).click();
    await eventually(() => textOf(condition.getByRole('img', { name: /problem/ }))).toBe('1');
    expect(await condition.locator('.wf-node').getAttribute('class')).toContain('has-problems');
    const problems = page.getByRole('list', { name: 'Problems' });
    await eventually(() => textOf(problems)).toContain('Clause 1: the term list is empty; add at least one word or phrase.');
    await eventually(() => textOf(page.getByRole('tabpanel'))).toContain('the term list is empty');

    // An action dropped on the canvas without a connection cannot be reached.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.getByRole('button', { name: 'Add Tag' }).click();
    const tag = page.getByRole('group', { name: 'Tag tag-1' });
    await tag.waitFor();
    await eventually(() => textOf(problems)).toContain('“Tag” cannot be reached from the trigger; connect it or delete it.');
    await eventually(() => textOf(tag.getByRole('img', { name: /problem/ }))).toBe('2'); // unreachable, and no tags yet

    // Publishing is refused, and the toolbar says why.
    expect(await publishButton.isDisabled()).toBe(true);
    await eventually(() => textOf(page.locator('#publish-blocked'))).toContain('Cannot publish: 3 problems to fix');
    await session.screenshot(page, 'canvas-problems');

    // Choosing a problem selects its node and shows it in the inspector.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await problems.getByRole('button', { name: /the term list is empty/ }).click();
    await eventually(() => textOf(page.getByRole('tabpanel').getByRole('heading', { level: 2 }))).toBe('Condition');
    expect(await condition.getAttribute('class')).toContain('selected');

    // The server agrees: once saved, the draft is refused with its problems.
    await page.keyboard.press('Control+s');
    await eventually(() => textOf(page.getByRole('status').filter({ hasText: /saved/i }))).toContain('All changes saved');
    const refused = await session.api('POST', '/api/workflows/complaints/publish', { note: 'try' });
    expect(refused.status).toBe(422);
    expect(refused.body.details.problems.map((problem: { code: string }) => problem.code)).toEqual(expect.arrayContaining(['empty_terms', 'unreachable_node']));

    // Fixing both makes it publishable again.
    await condition.click();
    const terms = page.getByRole('tabpanel').getByRole('textbox', { name: 'Value: any language' });
    await terms.fill('complaint');
    await terms.press('Enter');
    await tag.click();
    await page.keyboard.press('Delete');
    await eventually(() => textOf(problemsToggle)).toContain('ready to publish');
    expect(await publishButton.isEnabled()).toBe(true);
  }, 90_000);
});
