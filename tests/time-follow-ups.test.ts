// Follow-ups: a `schedule_follow_up` action becomes a durable job due at its `dueAt`; when due, a ticket appears in
// the `follow-up` queue (P3, for the mention's author, with the template) and a `follow_up.due` event is queued.
// Proactive workflows on `ticket_resolved` run once per resolution, noticed by the scheduler.
import { afterEach, describe, expect, it } from 'vitest';
import { installDefaultTemplates } from '../apps/server/src/domain/template-store.ts';
import { timeWorkspace, type TimeWorkspace } from './support/time-workspace.ts';

let ws: TimeWorkspace;
afterEach(async () => {
  await ws?.server.stop(true);
});

async function followUpWorkspace(): Promise<TimeWorkspace> {
  const workspace = await timeWorkspace('2026-03-02T10:00:00Z', { packs: ['follow-up'] });
  await installDefaultTemplates(workspace.server.services);
  expect((await workspace.server.call('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/', events: ['follow_up.due'] })).status).toBe(201);
  return workspace;
}

const jobs = () => ws.rows(`SELECT kind, key, status, due_at FROM scheduled_jobs WHERE kind = 'follow_up' ORDER BY id`);

describe('follow-ups', () => {
  it('turns a follow-up decided on arrival into a job, then a ticket in the follow-up queue and an event', async () => {
    ws = await followUpWorkspace();
    const response = await ws.ingest({ id: 'fu-6', text: 'Flying to Rome for our anniversary on 14 March, any chance of seats together? @acmeair', author: { handle: '@giulia', name: 'Giulia' }, lang: 'en' });
    expect(response.body.decision.actions).toContainEqual(expect.objectContaining({ type: 'schedule_follow_up', dueAt: '2026-03-15T11:00:00.000Z', template: 'personal-event' }));
    expect(await jobs()).toEqual([{ kind: 'follow_up', key: 'follow_up:mention:x:fu-6:0', status: 'pending', due_at: Date.parse('2026-03-15T11:00:00Z') }]);

    await ws.at('2026-03-15T10:59:00Z');
    expect((await ws.server.call('GET', '/api/queue?queue=follow-up')).body.items).toEqual([]);
    await ws.at('2026-03-15T11:00:00Z');
    const queue = (await ws.server.call('GET', '/api/queue?queue=follow-up')).body.items;
    expect(queue).toHaveLength(1);
    expect(queue[0].ticket).toMatchObject({ queue: 'follow-up', priority: 'P3', authorHandle: '@giulia', conversationId: 'fu-6', tags: ['follow-up'], status: 'open' });
    expect(queue[0].decision.actions).toEqual([expect.objectContaining({ type: 'schedule_follow_up', template: 'personal-event', text: expect.stringContaining('Giulia'), followUpOf: { channel: 'x', mentionId: 'fu-6' } })]);

    const [event] = await ws.rows(`SELECT type, body FROM outbound_events WHERE type = 'follow_up.due'`);
    expect(JSON.parse(String(event!.body))).toMatchObject({ type: 'follow_up.due', data: { ticketId: queue[0].ticket.id, followUp: { mentionId: 'fu-6', authorHandle: '@giulia', template: 'personal-event', source: 'mention', text: expect.stringContaining('Giulia') } } });
    expect((await ws.rows(`SELECT count(*) AS n FROM webhook_deliveries WHERE event_type = 'follow_up.due' AND status = 'pending'`))[0]).toEqual({ n: 1 });
    expect(await jobs()).toEqual([expect.objectContaining({ status: 'done' })]);
    // Again later: nothing new.
    await ws.at('2026-03-16T11:00:00Z');
    expect((await ws.server.call('GET', '/api/queue?queue=follow-up')).body.items).toHaveLength(1);
  });

  it('runs proactive workflows once when a ticket is resolved, and does not follow up on a follow-up', async () => {
    ws = await followUpWorkspace();
    await ws.ingest({ id: 'refund', text: 'Where is my refund? @acmeair', author: { handle: '@marc' } });
    const ticket = await ws.ticket('refund');
    ws.clock.set('2026-03-02T16:30:00Z');
    expect((await ws.server.call('POST', `/api/tickets/${ticket.id}/resolve`)).status).toBe(200);
    const report = await ws.server.scheduler.tick();
    expect(report.fired.map((job) => job.kind)).toContain('resolution');
    // 3 days after the resolution, not after the mention.
    expect(await jobs()).toEqual([expect.objectContaining({ status: 'pending', due_at: Date.parse('2026-03-05T16:30:00Z') })]);
    await ws.server.scheduler.tick();
    expect(await jobs()).toHaveLength(1);

    await ws.at('2026-03-05T16:30:00Z');
    const [followUp] = (await ws.server.call('GET', '/api/queue?queue=follow-up')).body.items;
    expect(followUp.ticket).toMatchObject({ authorHandle: '@marc', priority: 'P3' });
    expect(followUp.decision.actions[0]).toMatchObject({ template: 'follow-up', source: 'resolution' });

    // Resolving the follow-up ticket closes it; it is not followed up in turn.
    expect((await ws.server.call('POST', `/api/tickets/${followUp.ticket.id}/resolve`)).status).toBe(200);
    await ws.at('2026-03-09T12:00:00Z');
    expect(await jobs()).toHaveLength(1);

    // Reopened and resolved again: a new resolution, a new follow-up.
    expect((await ws.server.call('POST', `/api/tickets/${ticket.id}/reopen`)).status).toBe(200);
    expect((await ws.server.call('POST', `/api/tickets/${ticket.id}/resolve`)).status).toBe(200);
    await ws.server.scheduler.tick();
    expect((await jobs()).map((job) => job.due_at)).toEqual([Date.parse('2026-03-05T16:30:00Z'), Date.parse('2026-03-12T12:00:00Z')]);
  });
});
