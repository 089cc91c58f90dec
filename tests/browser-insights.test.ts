// End to end: the insights dashboard on the demo workspace draws every chart and exports CSV; a workflow's canvas
// shows how often its nodes fired; and a workflow whose action can never run shows a yellow warning in the problems
// list that selects the action and highlights the two contradicting conditions, without blocking publishing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, eventually, startEditorSession, textOf, type EditorSession } from './browser-harness.ts';
import { seedDemoWorkspace } from '../apps/server/src/demo/seed.ts';
import { installDemoAgents } from '../apps/server/src/demo/demo-agents.ts';
import { installDefaultTemplates } from '../apps/server/src/domain/template-store.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';

const RULES_DIR = resolve(import.meta.dirname, '..', 'rules');

let session: EditorSession;
beforeAll(async () => {
  session = await startEditorSession();
  expect(await seedDemoWorkspace(session.server.services, RULES_DIR, [installDefaultTemplates, installDemoAgents])).toBe(true);
}, 240_000);
afterAll(async () => {
  await session?.close();
});

/** Every chart on the dashboard, by its card's heading. */
const CHARTS = [
  'First response by priority, against targets',
  'First response by channel',
  'First response by queue',
  'Target breaches and escalations',
  'Mentions by weekday and hour',
  'Mentions per day',
  'Mentions per tag',
  'Sentiment',
  'Incidents',
  'Queue backlog',
  'Agent workload',
  'Customer satisfaction',
  'Rule hits per workflow',
];

/** A burst of outage mentions opens an incident (the outage-notice pack: 20 within 15 minutes). */
async function outageBurst(): Promise<void> {
  const now = Date.now();
  const texts = ['@acmeair your app is down again', 'Acme Air website not working, trying to check in', "can't log in to the Acme Air app", 'is @acmeair down? cannot log in'];
  const burst = Array.from({ length: 22 }, (_, n) => ({
    id: `outage-${n}`,
    channel: 'x',
    kind: 'post',
    text: texts[n % texts.length],
    createdAt: new Date(now - (22 - n) * 20_000).toISOString(),
    author: { handle: `@traveller${n}` },
  }));
  for (const mention of burst) expect((await session.api('POST', '/api/mentions', mention)).status).toBe(201);
}

/** An agent answers the oldest ticket in the queue, resolves it and the customer rates it. */
async function answerAndRate(): Promise<void> {
  const queue = await session.api('GET', '/api/queue?limit=50');
  const item = queue.body.items.find((candidate: { ticket: { assigneeId: string | null } }) => candidate.ticket.assigneeId === null) ?? queue.body.items[0];
  const id = item.ticket.id;
  expect((await session.api('POST', `/api/tickets/${id}/replies`, { agentId: 'amelie', text: 'Sorry about that, we are looking into it now.', visibility: 'public' })).status).toBe(201);
  expect((await session.api('POST', `/api/tickets/${id}/resolve`, { agentId: 'amelie' })).status).toBe(200);
  expect((await session.api('POST', `/api/tickets/${id}/rating`, { rating: 4 })).status).toBe(200);
}

describe('the insights dashboard', () => {
  it('draws every chart for the demo workspace and downloads a chart’s data as CSV', async () => {
    await outageBurst();
    await answerAndRate();

    const page = await session.newPage('lea');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/insights');

    for (const title of CHARTS) {
      const region = page.getByRole('region', { name: title });
      // Drawn: an SVG with marks in it (bars, lines, areas or heat-map cells), and neither an error nor an empty state.
      await eventually(() => region.locator('svg :is(path, rect)').count()).toBeGreaterThan(0);
      expect(await region.locator('.state-error, .state-empty, .state-loading').count(), title).toBe(0);
      expect(await region.getByRole('link', { name: `Download “${title}” as CSV` }).count(), title).toBe(1);
    }
    expect(await page.locator('.state-error').count()).toBe(0);

    // The heat map outlines business hours (demo: Mon–Fri 09:00–18:00, Europe/Paris) and names every cell.
    const heatmap = page.getByRole('img', { name: /^Mentions by weekday and hour \(Europe\/Paris\)/ });
    expect(await heatmap.locator('rect.heatmap-cell').count()).toBe(7 * 24);
    expect(await heatmap.locator('rect.heatmap-cell.coverage-open').count()).toBe(5 * 9);
    expect(await heatmap.locator('rect[data-weekday="tue"][data-hour="10"] title').textContent()).toMatch(/^Tuesday 10:00–11:00: \d+ mentions?, within business hours$/);
    await page.screenshot({ path: join(ARTIFACTS, 'insights-dashboard.png'), fullPage: true });

    // One chart's CSV: the same resource and filters, downloaded as a file.
    const volume = page.getByRole('region', { name: 'Mentions by weekday and hour' });
    const [download] = await Promise.all([page.waitForEvent('download'), volume.getByRole('link', { name: /as CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/volume-\d{4}-\d{2}-\d{2}-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(2);
    expect(csv.split('\n')[0]).toContain(',');

    // A narrower range and a queue filter ask again, and say so in the URL.
    await page.getByRole('radio', { name: '7 days' }).check();
    await page.getByRole('search', { name: 'Insight filters' }).getByRole('combobox', { name: 'Queue' }).selectOption({ index: 1 });
    await eventually(() => new URL(page.url()).searchParams.get('range')).toBe('7');
    expect(new URL(page.url()).searchParams.get('queue')).toBeTruthy();
    await eventually(() => page.locator('.state-loading').count()).toBe(0);
    expect(await page.locator('.state-error').count()).toBe(0);
  }, 90_000);
});

describe('insights on the canvas', () => {
  it('shows how often each node of a published workflow fired, as badges on the nodes', async () => {
    const rules = await session.api('GET', '/api/insights/rules');
    expect(rules.status).toBe(200);
    // The busiest workflow that also has an action that never fired (the demo's mentions leave some actions idle).
    type Counted = { workflowId: string; hits: number; publishedVersion: number; nodes: { nodeId: string; hits: number }[]; neverFired: string[] };
    const busiest = (rules.body.workflows as Counted[]).filter((found) => found.neverFired.length > 0 && found.nodes.some((counted) => counted.hits > 0)).sort((a, b) => b.hits - a.hits)[0]!;
    expect(busiest).toBeDefined();
    const fired = busiest.nodes.find((found) => found.hits > 0)!;

    const page = await session.newPage('lea');
    await page.goto(`/workflows/${busiest.workflowId}`);
    const hitsSelect = page.getByLabel('Hit counts');
    await hitsSelect.waitFor();
    expect(await hitsSelect.inputValue()).toBe('30'); // the last 30 days unless chosen otherwise
    const firedNode = page.locator(`[data-testid="node-${fired.nodeId}"]`);
    // The badge is short ("▸ 1.2k hits"); its tooltip and accessible name give the exact count, range and version.
    const badgeText = fired.hits < 1000 ? new RegExp(`^▸ ${fired.hits} hits?$`) : /^▸ \d+(\.\d)?[kM] hits$/;
    await eventually(() => textOf(firedNode.getByTestId('hit-badge'))).toMatch(badgeText);
    expect(await firedNode.getByTestId('hit-badge').getAttribute('aria-label')).toBe(`Fired ${fired.hits.toLocaleString('en')} time${fired.hits === 1 ? '' : 's'} in the last 30 days (published v${busiest.publishedVersion}).`);
    const idle = page.locator(`[data-testid="node-${busiest.neverFired[0]}"]`).getByTestId('hit-badge');
    await eventually(() => textOf(idle)).toBe('○ never fired');
    expect(await idle.getAttribute('class')).toContain('hit-badge-never');
    expect(await idle.getAttribute('aria-label')).toMatch(/^Never fired in the last 30 days \(published v\d+\): /);
    await session.screenshot(page, 'canvas-hit-badges');

    // "Off" hides them; another range counts again.
    await hitsSelect.selectOption('0');
    await eventually(() => page.getByTestId('hit-badge').count()).toBe(0);
    await hitsSelect.selectOption('90');
    await eventually(() => page.getByTestId('hit-badge').count()).toBeGreaterThan(0);
  }, 60_000);

  it('warns, in yellow and without blocking publishing, about an action whose conditions contradict each other', async () => {
    const impossible = workflow(
      'big-and-small',
      'routing',
      [trigger(), condition('big', [['author.followers', 'greaterThan', 1000]]), condition('small', [['author.followers', 'lessThan', 500]]), node('to-influencers', 'route', { queue: 'influencers', rank: 40 })],
      [edge('start', 'big'), edge('big', 'small', 'yes'), edge('small', 'to-influencers', 'yes')],
    );
    expect((await session.api('POST', '/api/workflows', { ...impossible, name: 'Big and small' })).status).toBe(201);

    const page = await session.newPage('lea');
    await page.goto('/workflows/big-and-small');
    const toggle = page.getByRole('button', { name: /^Problems/ });
    await eventually(() => textOf(toggle)).toMatch(/ready to publish · \d+ warnings?/);
    const warnings = page.getByRole('list', { name: 'Warnings' });
    await eventually(() => textOf(warnings)).toContain(
      '“to-influencers” (route to “influencers”, rank 40) can never run: “author followers is more than 1000” and “author followers is less than 500” cannot both hold.',
    );
    expect(await page.getByRole('list', { name: 'Problems' }).count()).toBe(0); // no error
    const route = page.locator('[data-testid="node-to-influencers"]');
    await eventually(() => route.getByRole('img', { name: /warning/ }).count()).toBe(1);
    expect(await route.getAttribute('class')).toContain('has-warnings');
    expect(await page.getByRole('button', { name: 'Publish…' }).isEnabled()).toBe(true);

    // Choosing the warning selects the action and highlights the two conditions to look at.
    await warnings.getByRole('button', { name: /can never run/ }).click();
    await eventually(() => textOf(page.getByRole('tabpanel').getByRole('heading', { level: 2 }))).toBe('Route to queue');
    for (const related of ['big', 'small']) {
      await eventually(() => page.locator(`[data-testid="node-${related}"]`).getAttribute('class')).toContain('related-highlight');
    }
    await session.screenshot(page, 'canvas-rule-warning');

    // Fixing the contradiction ("less than 500" becomes "more than 500") clears that warning. The route can now fire,
    // and the analysis of all workflows together finds it ties with a published route of the same rank elsewhere.
    await page.locator('[data-testid="node-small"]').click();
    await page.getByRole('tabpanel').getByLabel('Operator').selectOption('greaterThan');
    await eventually(() => textOf(warnings)).not.toContain('can never run');
    await eventually(() => route.getAttribute('class')).not.toContain('has-warnings');
    const tie = warnings.getByRole('listitem').filter({ hasText: 'have the same rank and can both apply to one mention' });
    await eventually(() => tie.count()).toBe(1);
    expect(await textOf(tie)).toContain('“to-influencers” (route to “influencers”, rank 40) in workflow “Big and small”');
    expect(await tie.getByRole('link', { name: /^Open / }).count()).toBe(1); // the other route is in another workflow
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await tie.getByRole('button').click();
    await eventually(() => route.getAttribute('class')).toContain('selected');
  }, 60_000);
});
