// Proactive notices: a burst of outage mentions (the outage-notice pack: 20 within 15 minutes) opens one incident
// with one notice draft; later outage mentions are linked to it instead of acknowledged one by one; an operations
// lead publishes the notice; resolving it follows up once with every linked author.
import { afterEach, describe, expect, it } from 'vitest';
import { volumeKey } from '../packages/engine/src/index.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import { installDefaultTemplates } from '../apps/server/src/domain/template-store.ts';
import { startTestServer } from './support/server.ts';
import { node, trigger, edge, workflow } from './support/workflow-builder.ts';
import { timeWorkspace, workspaceOf, type TimeWorkspace } from './support/time-workspace.ts';

const acknowledgeAll = workflow('acknowledge-all', 'routing', [trigger(), node('ack', 'auto_acknowledge', { template: 'acknowledgement' })], [edge('start', 'ack')]);
const OUTAGE = ['@acmeair your app is down again', 'Acme Air website not working, trying to check in', "can't log in to the Acme Air app", 'the Acme Air app crashed at checkout', 'is @acmeair down? cannot log in'];

let ws: TimeWorkspace;
afterEach(async () => {
  await ws?.server.stop(true);
});

async function outageWorkspace(): Promise<TimeWorkspace> {
  const workspace = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['outage-notice'] });
  await installDefaultTemplates(workspace.server.services);
  expect((await workspace.server.call('POST', '/api/workflows', acknowledgeAll)).status).toBe(201);
  expect((await workspace.server.call('POST', '/api/workflows/acknowledge-all/publish', {})).status).toBe(201);
  return workspace;
}

const types = (decision: { actions: { type: string }[] }) => decision.actions.map((action) => action.type);

describe('incidents from a burst of outage mentions', () => {
  it('opens one incident and one notice draft, links later mentions, publishes, resolves and closes the loop per author', async () => {
    ws = await outageWorkspace();
    // 19 outage mentions in 9 minutes, from 8 authors: no incident yet.
    for (let n = 0; n < 19; n++) {
      ws.clock.set(Date.parse('2026-03-03T09:00:00Z') + n * 30_000);
      const response = await ws.ingest({ id: `out-${n}`, text: OUTAGE[n % OUTAGE.length], author: { handle: `@author${n % 8}` } });
      expect(types(response.body.decision)).toEqual(['auto_acknowledge']);
    }
    expect((await ws.server.call('GET', '/api/incidents')).body.incidents).toEqual([]);

    // The 20th opens the incident and drafts the notice.
    ws.clock.set('2026-03-03T09:10:00Z');
    const twentieth = await ws.ingest({ id: 'out-19', text: 'Acme Air app down for anyone else?', author: { handle: '@author3' } });
    expect(types(twentieth.body.decision)).toEqual(expect.arrayContaining(['open_incident', 'publish_notice']));
    expect(ws.server.services.time.incidents.openTopics()).toEqual(['outage']);

    // Later outage mentions are linked to the notice, without an individual acknowledgement; others are not.
    const later: string[] = [];
    for (let n = 20; n < 26; n++) {
      ws.clock.set(Date.parse('2026-03-03T09:10:00Z') + (n - 19) * 20_000);
      const response = await ws.ingest({ id: `out-${n}`, text: 'still not working @acmeair', author: { handle: `@author${n % 10}` } });
      expect(types(response.body.decision)).toEqual(['link_to_notice']);
      expect(response.body.decision.dropped).toContainEqual(expect.objectContaining({ action: expect.objectContaining({ type: 'auto_acknowledge' }) }));
      later.push(response.body.mentionId);
    }
    const batch = await ws.server.call('POST', '/api/mentions', [
      { id: 'out-26', channel: 'x', kind: 'post', text: 'the Acme Air app crashed at checkout', createdAt: '2026-03-03T09:13:00Z', author: { handle: '@author1' } },
      { id: 'out-27', channel: 'facebook', kind: 'comment', text: 'site inaccessible, en panne', createdAt: '2026-03-03T09:13:00Z', author: { handle: '@author1' } },
      { id: 'thanks', channel: 'x', kind: 'post', text: 'thanks for the upgrade @acmeair', createdAt: '2026-03-03T09:13:00Z', author: { handle: '@happy' } },
    ]);
    expect(batch.body.results.map((result: { decision: { actions: { type: string }[] } }) => types(result.decision))).toEqual([['link_to_notice'], ['link_to_notice'], ['auto_acknowledge']]);

    const [listed] = (await ws.server.call('GET', '/api/incidents?status=open')).body.incidents;
    expect(listed).toMatchObject({ topic: 'outage', status: 'open', openedBy: { channel: 'x', mentionId: 'out-19' }, mentions: 9, notice: { status: 'draft', template: 'outage-notice' } });
    // @author1 on x and on facebook are two people; @author0…9 on x bring the rest.
    const incident = (await ws.server.call('GET', `/api/incidents/${listed.id}`)).body;
    expect(incident.linkedMentions.map((link: { mentionId: string }) => link.mentionId)).toEqual(['out-19', ...later, 'out-26', 'out-27']);
    expect(incident.linkedMentions[0].via).toBe('open_incident');
    expect(incident.notice.draftText).toMatch(/working on a fix|fix it/);
    const authors = new Set(incident.linkedMentions.map((link: { mentionId: string; authorHandle: string }) => `${link.mentionId === 'out-27' ? 'facebook' : 'x'} ${link.authorHandle}`));
    expect(incident.authors).toBe(authors.size);
    expect((await ws.rows(`SELECT count(*) AS n FROM incidents`))[0]).toEqual({ n: 1 });
    expect((await ws.rows(`SELECT count(*) AS n FROM notices`))[0]).toEqual({ n: 1 });

    // An operations lead approves and publishes the draft.
    const published = await ws.server.call('POST', `/api/incidents/${listed.id}/notice/publish`, {}, await ws.server.sessionFor('olivia'));
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedBy: 'olivia@example.test', text: incident.notice.draftText });
    expect((await ws.server.call('POST', `/api/incidents/${listed.id}/notice/publish`, { text: 'again' })).status).toBe(409);

    // Resolving closes the loop: one follow-up per author, not per mention.
    ws.clock.set('2026-03-03T11:00:00Z');
    const resolved = await ws.server.call('POST', `/api/incidents/${listed.id}/resolve`, { followUp: { after: '1d', template: 'follow-up' } }, await ws.server.sessionFor('olivia'));
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ followUpsScheduled: authors.size, incident: { status: 'resolved', resolvedBy: 'olivia@example.test', followUp: { after: '1d', template: 'follow-up' } } });
    expect((await ws.server.call('POST', `/api/incidents/${listed.id}/resolve`)).status).toBe(409);
    expect(ws.server.services.time.incidents.openTopics()).toEqual([]);

    await ws.at('2026-03-04T10:59:00Z');
    expect(await ws.rows(`SELECT id FROM tickets WHERE queue = 'follow-up'`)).toEqual([]);
    await ws.at('2026-03-04T11:00:00Z');
    const followUps = await ws.rows(`SELECT channel, author_handle FROM tickets WHERE queue = 'follow-up' ORDER BY channel, author_handle`);
    expect(followUps.map((row) => `${row.channel} ${row.author_handle}`)).toEqual([...authors].sort());

    // With the incident resolved, the next outage mention is answered on its own again.
    const after = await ws.ingest({ id: 'out-next', text: 'app down again?' });
    expect(types(after.body.decision)).toEqual(['auto_acknowledge']);
  });

  it('opens exactly one incident when the burst arrives all at once', async () => {
    ws = await outageWorkspace();
    const responses = await Promise.all(Array.from({ length: 40 }, (_, n) => ws.ingest({ id: `burst-${n}`, text: OUTAGE[n % OUTAGE.length], author: { handle: `@b${n}` } })));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const opening = responses.filter((response) => types(response.body.decision).includes('open_incident'));
    expect(opening.length).toBeGreaterThanOrEqual(1);
    expect((await ws.rows(`SELECT count(*) AS n FROM incidents`))[0]).toEqual({ n: 1 });
    expect((await ws.rows(`SELECT count(*) AS n FROM notices`))[0]).toEqual({ n: 1 });
    const [linked] = await ws.rows(`SELECT count(*) AS n FROM incident_mentions`);
    expect(Number(linked!.n)).toBe(responses.filter((response) => types(response.body.decision).some((type) => type === 'open_incident' || type === 'link_to_notice')).length);
  });

  it('sees incidents opened and resolved by another process on the same database', async () => {
    ws = await outageWorkspace();
    const clock = new ManualClock('2026-03-03T09:00:00Z');
    const other = workspaceOf(await startTestServer({ clock, dir: ws.server.dir, scheduler: false, assignIntervalMs: 0 }), clock);
    try {
      await Promise.all(Array.from({ length: 20 }, (_, n) => ws.ingest({ id: `o-${n}`, text: OUTAGE[n % OUTAGE.length] })));
      expect(other.server.services.time.incidents.openTopics()).toEqual([]);
      await other.server.scheduler.tick();
      expect(other.server.services.time.incidents.openTopics()).toEqual(['outage']);
      // The other process links its outage mentions to the incident this one opened.
      const linked = await other.ingest({ id: 'o-other', text: 'app down for me too' });
      expect(types(linked.body.decision)).toEqual(['link_to_notice']);
      const [incident] = (await ws.server.call('GET', '/api/incidents')).body.incidents;
      await ws.server.call('POST', `/api/incidents/${incident.id}/resolve`);
      await other.server.scheduler.tick();
      expect(other.server.services.time.incidents.openTopics()).toEqual([]);
    } finally {
      await other.server.stop();
    }
  });

  it('adds up a burst spread over two processes', async () => {
    ws = await outageWorkspace();
    const clock = new ManualClock('2026-03-03T09:00:00Z');
    const other = workspaceOf(await startTestServer({ clock, dir: ws.server.dir, scheduler: false, assignIntervalMs: 0 }), clock);
    try {
      for (let n = 0; n < 10; n++) expect(types((await ws.ingest({ id: `here-${n}`, text: OUTAGE[n % OUTAGE.length] })).body.decision)).toEqual(['auto_acknowledge']);
      await other.server.scheduler.tick(); // counts the 10 stored by the first process
      const decisions = [];
      for (let n = 0; n < 10; n++) decisions.push(types((await other.ingest({ id: `there-${n}`, text: OUTAGE[n % OUTAGE.length] })).body.decision));
      expect(decisions.slice(0, 9).every((actions) => actions.join() === 'auto_acknowledge')).toBe(true);
      expect(decisions[9]).toEqual(expect.arrayContaining(['open_incident', 'publish_notice']));
      // And the first process does not count its own mentions twice when it catches up.
      await ws.server.scheduler.tick();
      const { engine } = await ws.server.services.rulebook.rules();
      const window = volumeKey(engine.volumeQueries()[0]!);
      const counts = ws.server.services.volumes.observe({ id: 'probe', channel: 'x', kind: 'post', text: 'nothing to see', createdAt: '2026-03-03T09:00:00Z', author: { handle: '@p' } });
      expect(counts[window]).toBe(20);
    } finally {
      await other.server.stop();
    }
  });
});
