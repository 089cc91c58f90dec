// End to end: a published routing workflow and a changed draft. The simulation workbench uploads a file of mentions,
// compares the published version with the draft (changed rows highlighted, summary), explains one mention with its
// path drawn on the canvas, saves it as a regression case, and publishing the draft then asks to acknowledge it.
// Large runs stream into a virtualized table and can be cancelled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startEditorSession, textOf, valueOf, type EditorSession } from './browser-harness.ts';

let session: EditorSession;
beforeAll(async () => {
  session = await startEditorSession();
}, 240_000);
afterAll(async () => {
  await session?.close();
});

/** start → is-refund? yes → route to `queue` (at `rank`: lower wins among workflows); no → route to general. */
function refunds(queue: string, rank = 50) {
  return {
    nodes: [
      { id: 'start', type: 'routing_trigger', position: { x: 0, y: 0 }, data: { channels: [] } },
      { id: 'is-refund', type: 'condition', position: { x: 320, y: 0 }, data: { combinator: 'all', clauses: [{ fact: 'text', operator: 'containsTerms', value: ['refund'] }] } },
      { id: 'to-queue', type: 'route', position: { x: 640, y: -80 }, data: { queue, rank } },
      { id: 'to-general', type: 'route', position: { x: 640, y: 120 }, data: { queue: 'general', rank: 90 } },
    ],
    edges: [
      { id: 'a', source: 'start', target: 'is-refund' },
      { id: 'b', source: 'is-refund', target: 'to-queue', sourceHandle: 'yes' },
      { id: 'c', source: 'is-refund', target: 'to-general', sourceHandle: 'no' },
    ],
  };
}

const mentions = [
  { id: 'r1', channel: 'x', kind: 'post', text: 'I want a refund for my cancelled flight', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@ana' } },
  { id: 'r2', channel: 'facebook', kind: 'comment', text: 'Still no refund after three weeks', createdAt: '2026-03-02T10:05:00Z', author: { handle: 'ben' } },
  { id: 'r3', channel: 'x', kind: 'post', text: 'Lovely crew on my flight today', createdAt: '2026-03-02T10:10:00Z', author: { handle: '@cleo' } },
];

describe('the simulation workbench', () => {
  it('compares an uploaded file, explains a mention on the canvas, saves a regression case, and gates the publish on it', async () => {
    expect((await session.api('POST', '/api/workflows', { id: 'refunds', name: 'Refunds', kind: 'routing', description: '', graph: refunds('billing') })).status).toBe(201);
    expect((await session.api('POST', '/api/workflows/refunds/publish', { note: 'refunds to billing' }, 'nora')).status).toBe(201);
    // The draft now sends refunds to their own queue.
    expect((await session.api('PUT', '/api/workflows/refunds', { version: 1, graph: refunds('refunds') }, 'nora')).status).toBe(200);

    const page = await session.newPage('lea');
    await page.goto('/workflows/refunds');
    await eventually(() => textOf(page.getByTestId('workflow-status'))).toBe('Draft ahead of v1');
    await page.getByRole('link', { name: 'Simulate…' }).click();
    await eventually(() => page.evaluate('location.pathname')).toBe('/workflows/refunds/simulate');
    const workbench = page.getByRole('region', { name: 'Simulation' });
    await workbench.waitFor();

    // Upload the mentions as a file; explanations are then fetched one mention at a time.
    await workbench.getByLabel(/Mentions file/).setInputFiles({ name: 'mentions.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(mentions.map((item) => JSON.stringify(item)).join('\n')) });
    await eventually(() => textOf(workbench.getByRole('status'))).toContain('mentions.ndjson');
    await workbench.getByLabel(/Explain each mention/).uncheck();
    await workbench.getByRole('button', { name: 'Run comparison' }).click();

    await eventually(() => textOf(workbench.getByRole('status'))).toContain('Compared 3 mentions: 2 changed');
    const rows = workbench.locator('tbody tr[data-index]');
    await eventually(() => rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-changed')))).toEqual(['true', 'true', 'false']);
    expect(await workbench.locator('tbody tr.row-changed').count()).toBe(2);
    expect(await textOf(rows.nth(0))).toContain('billing → refunds');
    expect(await textOf(workbench.getByTestId('sim-changed-count'))).toBe('2');
    expect(await textOf(workbench.getByRole('table', { name: 'By queue' }).getByRole('row', { name: /^refunds/ }))).toMatch(/refunds\s*0\s*2\s*\+2/);
    expect(await textOf(workbench.getByRole('table', { name: /Mentions by published queue/ }))).toContain('2 moved to another queue');
    await session.screenshot(page, 'simulation-results');

    // Explain r1: its path (start → is-refund “yes” → to-queue) is drawn on the canvas, and the rule routing to
    // general stopped at is-refund, which needed “no”.
    await workbench.getByRole('button', { name: 'Explain mention r1' }).click();
    const explanation = page.getByRole('tabpanel');
    await eventually(() => page.getByRole('tab', { name: 'Explanation' }).getAttribute('aria-selected')).toBe('true');
    await eventually(() => textOf(explanation)).toContain('stopped at is-refund (needed “no”)');
    expect(await textOf(explanation)).toContain('text contains any of “refund”');
    expect(await textOf(explanation)).toContain('“I want a refund for my cancelled flight”');
    const node = (id: string) => page.getByTestId(`node-${id}`);
    await eventually(() => node('to-queue').getAttribute('data-path')).toBe('reached');
    expect(await node('start').getAttribute('data-path')).toBe('reached');
    expect(await node('is-refund').getAttribute('data-path')).toBe('stopped');
    expect(await node('is-refund').getAttribute('data-outcome')).toBe('yes');
    expect(await node('to-general').getAttribute('data-path')).toBe('unreached');
    expect(await node('to-queue').getAttribute('class')).toContain('path-reached');
    expect(await textOf(node('is-refund'))).toContain('took “yes”');
    expect(await textOf(node('is-refund'))).toContain('stopped 1 rule');
    expect(await page.locator('.react-flow__edge.edge-path-taken').count()).toBe(2);
    expect(await page.locator('.react-flow__edge.edge-path-not-taken').count()).toBe(1);
    await eventually(() => textOf(page.getByRole('status', { name: 'Simulated path' }))).toContain('Path of Draft · mention r1');
    await session.screenshot(page, 'simulation-explanation-path');

    // The published side: the same mention went to billing.
    await explanation.getByLabel('Published').check();
    await eventually(() => textOf(page.getByRole('status', { name: 'Simulated path' }))).toContain('Path of Published · mention r1');
    await explanation.getByLabel('Draft').check();

    // Save it as a regression case expecting the published decision (billing): the draft would change it.
    await explanation.getByRole('button', { name: 'Save as regression case…' }).click();
    const save = page.getByRole('dialog', { name: 'Save as a regression case' });
    await save.getByLabel('Name').fill('Refunds stay with billing');
    await save.getByLabel('the published version').check();
    await eventually(() => valueOf(save.getByLabel('Expected queue'))).toBe('billing');
    await save.getByRole('button', { name: 'Save case' }).click();
    await eventually(() => textOf(save.getByRole('status'))).toContain('Saved “Refunds stay with billing”');
    await save.getByRole('button', { name: 'Done' }).click();
    const stored = await session.api('GET', '/api/workflows/refunds/cases');
    expect(stored.body.cases).toHaveLength(1);
    expect(stored.body.cases[0]).toMatchObject({ name: 'Refunds stay with billing', mention: mentions[0], expect: { queue: 'billing', priority: 'P3' }, createdBy: 'lea@example.test' });

    await page.getByRole('tab', { name: 'Cases' }).click();
    const cases = page.getByRole('tabpanel');
    await cases.getByRole('button', { name: 'Run 1 case against the draft' }).click();
    await eventually(() => textOf(cases.getByRole('status'))).toContain('1 of 1 would change with this draft.');
    expect(await textOf(cases.getByRole('list', { name: 'Regression cases' }))).toContain('✗ would change');

    // Publishing shows the case that would change and needs an explicit acknowledgement.
    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish' });
    await publish.getByLabel('Change note').fill('Refunds get their own queue');
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    const gate = publish.getByRole('alert', { name: /regression case would change/ });
    await eventually(() => textOf(gate)).toContain('Refunds stay with billing');
    expect(await textOf(gate)).toContain('queue');
    expect(await publish.getByRole('button', { name: 'Publish anyway' }).isDisabled()).toBe(true);
    expect((await session.api('GET', '/api/workflows/refunds')).body.publishedVersion).toBe(1);
    await session.screenshot(page, 'simulation-publish-gate');
    await gate.getByLabel('I have reviewed these changes and accept the new decisions').check();
    await publish.getByRole('button', { name: 'Publish anyway' }).click();
    await eventually(() => textOf(publish.getByRole('status'))).toContain('Published version 2.');
    await publish.getByRole('button', { name: 'Done' }).click();
    await eventually(() => textOf(page.getByTestId('workflow-status'))).toBe('Published v2');
    const versions = await session.api('GET', '/api/workflows/refunds/versions');
    expect(versions.body.versions[0]).toMatchObject({ version: 2, note: 'Refunds get their own queue', publishedBy: 'lea@example.test' });
  }, 120_000);

  it('streams 10,000 mentions into a table that renders only the rows in view, and cancels a slow run midway', async () => {
    // Rank 10 outranks the other test's published refunds workflow, so this draft alone decides the change.
    expect((await session.api('POST', '/api/workflows', { id: 'volume', name: 'Volume', kind: 'routing', description: '', graph: refunds('volume-old', 10) })).status).toBe(201);
    expect((await session.api('POST', '/api/workflows/volume/publish', {})).status).toBe(201);
    expect((await session.api('PUT', '/api/workflows/volume', { version: 1, graph: refunds('volume-new', 10) })).status).toBe(200);
    const start = Date.parse('2026-03-02T10:00:00Z');
    const lines = Array.from({ length: 10_000 }, (_unused, n) =>
      JSON.stringify({ id: `v${n}`, channel: 'x', kind: 'post', text: n % 3 ? `refund number ${n}, please` : `hello number ${n}`, createdAt: new Date(start + n * 1000).toISOString(), author: { handle: '@many' } }),
    );

    const page = await session.newPage('lea');
    await page.goto('/workflows/volume/simulate');
    const workbench = page.getByRole('region', { name: 'Simulation' });
    await workbench.getByLabel(/Mentions file/).setInputFiles({ name: 'volume.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
    await workbench.getByLabel(/Explain each mention/).uncheck();
    await workbench.getByRole('button', { name: 'Run comparison' }).click();
    await eventually(() => textOf(workbench.getByRole('status'))).toContain('Compared 10,000 mentions: 6,666 changed');
    const rendered = workbench.locator('tbody tr[data-index]');
    expect(await rendered.count()).toBeLessThan(60);
    expect(await textOf(workbench.locator('.sim-export'))).toContain('10,000 of 10,000 shown');
    await workbench.locator('.sim-results').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await eventually(() => rendered.last().getAttribute('data-index')).toBe('9999');
    expect(await rendered.count()).toBeLessThan(60);
    await workbench.getByLabel('Changed only').check();
    await eventually(() => textOf(workbench.locator('.sim-export'))).toContain('6,666 of 10,000 shown');

    // A slow connection: the stream arrives over seconds, and Cancel stops it with the rows so far kept.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 150 * 1024, uploadThroughput: 50 * 1024 * 1024 });
    await workbench.getByRole('button', { name: 'Run comparison' }).click();
    await workbench.getByRole('progressbar', { name: 'Mentions compared' }).waitFor();
    await eventually(() => rendered.count()).toBeGreaterThan(0);
    await session.screenshot(page, 'simulation-streaming');
    await workbench.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => textOf(workbench.getByRole('status'))).toMatch(/Cancelled after [\d,]+ of 10,000 mentions/);
    const kept = Number((await textOf(workbench.getByRole('status'))).match(/after ([\d,]+)/)![1]!.replace(/,/g, ''));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10_000);
    expect(await textOf(workbench.getByRole('heading', { name: /^Summary/ }))).toContain('(of the rows shown)');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  }, 120_000);
});
