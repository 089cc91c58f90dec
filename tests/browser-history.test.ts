// End to end: versions, a visual diff between them, rolling back (the status follows), and a save conflict that
// tells who saved first and overwrites nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startEditorSession, textOf, valueOf, type EditorSession } from './browser-harness.ts';

let session: EditorSession;
beforeAll(async () => {
  session = await startEditorSession();
}, 240_000);
afterAll(async () => {
  await session?.close();
});

function refunds(id: string, queue: string) {
  return {
    id,
    name: `Refunds ${id}`,
    kind: 'routing',
    description: '',
    graph: {
      nodes: [
        { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
        { id: 'is-refund', type: 'condition', position: { x: 320, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: ['refund'] }] } },
        { id: 'to-queue', type: 'route', position: { x: 640, y: 0 }, data: { queue, rank: 50 } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'is-refund' },
        { id: 'b', source: 'is-refund', target: 'to-queue', sourceHandle: 'yes' },
      ],
    },
  };
}

/** Publishes v1 (queue billing), then v2 (queue refunds, plus a tag node), as another user through the API. */
async function twoVersions(id: string) {
  const first = refunds(id, 'billing');
  expect((await session.api('POST', '/api/workflows', first)).status).toBe(201);
  expect((await session.api('POST', `/api/workflows/${id}/publish`, { note: 'billing handles refunds' }, 'nora')).status).toBe(201);
  const second = refunds(id, 'refunds').graph;
  second.nodes.push({ id: 'tag-money', type: 'tag', position: { x: 960, y: 0 }, data: { tags: ['money'] } } as never);
  second.edges.push({ id: 'c', source: 'to-queue', target: 'tag-money' } as never);
  expect((await session.api('PUT', `/api/workflows/${id}`, { version: 1, graph: second }, 'nora')).status).toBe(200);
  expect((await session.api('POST', `/api/workflows/${id}/publish`, { note: 'a refunds queue' }, 'nora')).status).toBe(201);
}

describe('versions, diffs and rollback', () => {
  it('compares v1 with the draft on the canvas, rolls back to v1, and the status and draft follow', async () => {
    await twoVersions('refunds');
    const page = await session.newPage('lea');
    await page.goto('/workflows/refunds');
    const status = page.getByTestId('workflow-status');
    await eventually(() => textOf(status)).toBe('Published v2');

    await page.getByRole('tab', { name: 'History' }).click();
    const versions = page.getByRole('list', { name: 'Published versions' });
    await eventually(() => textOf(versions)).toContain('“a refunds queue”');
    expect(await textOf(versions)).toContain('by nora');

    // The diff: the route changed (queue), the tag node was added since v1.
    await page.getByRole('button', { name: 'Compare v1 with the draft' }).click();
    const banner = page.getByRole('status').filter({ hasText: 'Comparing' });
    await eventually(() => textOf(banner)).toContain('Comparing v1 → your draft');
    expect(await textOf(banner)).toContain('1 added, 0 removed, 1 changed');
    const route = page.getByRole('group', { name: 'Route to queue to-queue' });
    await eventually(() => textOf(route)).toContain('changed: queue');
    expect(await textOf(page.getByRole('group', { name: 'Tag tag-money' }))).toContain('added');
    await session.screenshot(page, 'canvas-diff-v1-draft');
    await page.getByRole('button', { name: 'Close comparison' }).click();
    await eventually(() => banner.count()).toBe(0);

    // Roll back to v1 with a note: v3 is a copy of v1, live, and the draft is v1's graph again.
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Roll back to v1' });
    await dialog.getByLabel('Note').fill('refunds queue is not staffed yet');
    await dialog.getByRole('button', { name: 'Roll back to v1' }).click();
    await eventually(() => textOf(dialog.getByRole('status'))).toContain('version 3 is a copy of version 1');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await eventually(() => textOf(status)).toBe('Published v3');
    await eventually(() => page.getByRole('group', { name: 'Tag tag-money' }).count()).toBe(0);
    await eventually(() => textOf(route)).toContain('route to queue “billing”');
    await eventually(() => textOf(versions)).toContain('a copy of v1');
    const listed = await session.api('GET', '/api/workflows');
    expect(listed.body.workflows[0]).toMatchObject({ id: 'refunds', status: 'published', publishedVersion: 3, publishedBy: 'lea@example.test' });

    // Editing and saving puts the draft ahead of the live version.
    await route.click();
    await page.getByRole('tabpanel').getByLabel('Queue', { exact: true }).fill('finance');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await eventually(() => textOf(status)).toBe('Draft ahead of v3');
    expect((await session.api('GET', '/api/workflows')).body.workflows[0].status).toBe('draft_ahead');
  }, 90_000);

  it('on a save conflict says who saved first, keeps their version, and offers to reload it', async () => {
    expect((await session.api('POST', '/api/workflows', refunds('shared', 'billing'))).status).toBe(201);
    const page = await session.newPage('lea');
    await page.goto('/workflows/shared');
    const route = page.getByRole('group', { name: 'Route to queue to-queue' });
    await route.click();

    // Meanwhile, someone else saves a change.
    const theirs = refunds('shared', 'theirs').graph;
    expect((await session.api('PUT', '/api/workflows/shared', { version: 1, graph: theirs }, 'omar')).status).toBe(200);

    await page.getByRole('tabpanel').getByLabel('Queue', { exact: true }).fill('mine');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'saved this workflow first' });
    await eventually(() => textOf(alert)).toContain('omar@example.test saved this workflow first');
    expect(await textOf(alert)).toContain('Your changes are not saved');
    expect(await page.getByRole('button', { name: 'Publish…' }).isDisabled()).toBe(true);
    const stored = await session.api('GET', '/api/workflows/shared');
    expect(stored.body.graph.nodes[2].data.queue).toBe('theirs');
    await session.screenshot(page, 'canvas-save-conflict');

    await alert.getByRole('button', { name: 'Reload their version (discard mine)' }).click();
    await eventually(() => textOf(route)).toContain('route to queue “theirs”');
    await route.click();
    await eventually(() => valueOf(page.getByRole('tabpanel').getByLabel('Queue', { exact: true }))).toBe('theirs');
    await eventually(() => textOf(page.getByRole('status').filter({ hasText: /saved/ }))).toContain('All changes saved');
  }, 90_000);
});
