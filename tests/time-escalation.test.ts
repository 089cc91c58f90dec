// Escalation as time passes: the SLA pack over real tickets, with a virtual clock and the scheduler ticked by hand.
// Every threshold of every priority, business hours and the workspace time zone (Paris), the after-hours
// acknowledgement once, answered tickets left alone, and the next check scheduled at the next threshold.
import { afterEach, describe, expect, it } from 'vitest';
import { compilePack, nextBusinessHoursChange, nextWaitingCheck, waitingThresholds, type CompiledWorkflow } from '../packages/engine/src/index.ts';
import { pack, timeWorkspace, type TimeWorkspace } from './support/time-workspace.ts';
import { settings } from './support/mentions.ts';

let ws: TimeWorkspace;
afterEach(async () => {
  await ws?.server.stop(true);
});

const escalations = async (ticketId: number) =>
  (await ws.rows(`SELECT type, json_extract(action, '$.to') AS "to", applied_at FROM ticket_actions WHERE ticket_id = ? ORDER BY id`, [ticketId])).map((row) => ({
    type: row.type,
    ...(row.to ? { to: row.to } : {}),
    at: new Date(Number(row.applied_at)).toISOString(),
  }));

const jobOf = async (mentionId: string) => {
  const [job] = await ws.rows(`SELECT status, due_at FROM scheduled_jobs WHERE key = ?`, [`escalation:x:${mentionId}`]);
  return { status: job?.status, dueAt: job ? new Date(Number(job.due_at)).toISOString() : null };
};

// Tuesday 3 March 2026, 10:00 in Paris (09:00Z). Each row: when, and who the ticket is escalated to by then.
const SCHEDULES: [priority: string, text: string, steps: [at: string, escalatedTo: string[]][]][] = [
  ['P1', 'urgent: stranded at CDG @acmeair', [['2026-03-03T09:15:00Z', []], ['2026-03-03T09:16:00Z', ['supervisor']], ['2026-03-03T09:30:00Z', ['supervisor']], ['2026-03-03T09:31:00Z', ['supervisor', 'manager']]]],
  ['P2', 'I need to change my booking @acmeair', [['2026-03-03T10:00:00Z', []], ['2026-03-03T10:01:00Z', ['supervisor']], ['2026-03-03T11:00:00Z', ['supervisor']], ['2026-03-03T11:01:00Z', ['supervisor', 'manager']]]],
  // 240 business minutes: Tuesday 14:00 local; 480: Tuesday 18:00 (closing), so the manager comes Wednesday 09:01.
  ['P3', 'a question about seats @acmeair', [['2026-03-03T13:00:00Z', []], ['2026-03-03T13:01:00Z', ['supervisor']], ['2026-03-03T17:00:00Z', ['supervisor']], ['2026-03-04T08:00:00Z', ['supervisor']], ['2026-03-04T08:01:00Z', ['supervisor', 'manager']]]],
  // 1440 business minutes: Thursday 16:00 local; 2880: the next Tuesday 13:00 local.
  ['P4', 'whenever you can, a question @acmeair', [['2026-03-05T15:00:00Z', []], ['2026-03-05T15:01:00Z', ['supervisor']], ['2026-03-10T12:00:00Z', ['supervisor']], ['2026-03-10T12:01:00Z', ['supervisor', 'manager']]]],
];

describe('escalation workflows over waiting tickets', () => {
  for (const [priority, text, steps] of SCHEDULES) {
    it(`escalates a ${priority} ticket at each threshold, once per role`, async () => {
      ws = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation'] });
      expect((await ws.ingest({ id: `t-${priority}`, text })).status).toBe(201);
      await ws.server.scheduler.tick();
      const ticket = await ws.ticket(`t-${priority}`);
      expect(ticket.priority).toBe(priority);
      for (const [at, escalatedTo] of steps) {
        await ws.at(at);
        expect((await ws.ticket(`t-${priority}`)).escalated_to, `${priority} at ${at}`).toEqual(escalatedTo);
      }
      // Each role exactly once, at the threshold minute, and nothing more however often the scheduler runs.
      await ws.at('2026-03-20T12:00:00Z');
      await ws.server.scheduler.tick();
      const applied = (await escalations(ticket.id)).filter((entry) => entry.type === 'escalate');
      expect(applied.map((entry) => entry.to)).toEqual(['supervisor', 'manager']);
      expect(applied.map((entry) => entry.at)).toEqual([steps.find(([, to]) => to.length === 1)![0], steps.find(([, to]) => to.length === 2)![0]].map((at) => new Date(at).toISOString()));
    });
  }

  it('schedules the next check at the next threshold crossing, in business time', async () => {
    ws = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation'] });
    await ws.ingest({ id: 'p2', text: 'my booking please @acmeair' });
    expect(await jobOf('p2')).toEqual({ status: 'pending', dueAt: '2026-03-03T09:00:00.000Z' });
    await ws.server.scheduler.tick();
    // P1 marks (16, 31 minutes) come first even for a P2: thresholds are those of the published rules.
    expect(await jobOf('p2')).toEqual({ status: 'pending', dueAt: '2026-03-03T09:16:00.000Z' });
    await ws.at('2026-03-03T09:31:00Z');
    // 61 business minutes after 10:00 local.
    expect(await jobOf('p2')).toEqual({ status: 'pending', dueAt: '2026-03-03T10:01:00.000Z' });
    await ws.at('2026-03-03T10:01:00Z');
    expect(await jobOf('p2')).toEqual({ status: 'pending', dueAt: '2026-03-03T11:01:00.000Z' });
    // The next mark (241 business minutes, 13:01Z) is more than the fallback cadence away: an hour it is.
    await ws.at('2026-03-03T11:01:00Z');
    expect(await jobOf('p2')).toEqual({ status: 'pending', dueAt: '2026-03-03T12:01:00.000Z' });
    await ws.at('2026-03-03T16:30:00Z');
    // Past every mark of the day: the closing (18:00 local) is next, for the after-hours acknowledgement.
    expect(await jobOf('p2')).toEqual({ status: 'pending', dueAt: '2026-03-03T17:00:00.000Z' });
  });

  it('counts business hours in the workspace time zone: a Friday-evening P3 is late on Monday at 13:30, not at 21:00', async () => {
    ws = await timeWorkspace('2026-03-06T18:30:00Z', { packs: ['sla-escalation'] }); // Friday 19:30 in Paris
    await ws.ingest({ id: 'friday', text: 'a question about my seat @acmeair' });
    const first = await ws.server.scheduler.tick();
    expect(first.fired).toHaveLength(1);
    const ticket = await ws.ticket('friday');
    expect(ticket.tags).toContain('after-hours-acknowledged');
    await ws.at('2026-03-06T20:00:00Z'); // Friday 21:00
    await ws.at('2026-03-07T15:00:00Z'); // Saturday
    await ws.at('2026-03-09T12:00:00Z'); // Monday 13:00: 240 business minutes, not more
    expect((await ws.ticket('friday')).escalated_to).toEqual([]);
    await ws.at('2026-03-09T12:30:00Z'); // Monday 13:30: 270
    expect((await ws.ticket('friday')).escalated_to).toEqual(['supervisor']);
    expect((await escalations(ticket.id)).map((entry) => entry.type).sort()).toEqual(['auto_acknowledge', 'escalate', 'tag']);
  });

  it('acknowledges a customer waiting at night once, with the after-hours template, and not during the day', async () => {
    ws = await timeWorkspace('2026-03-03T20:00:00Z', { packs: ['sla-escalation'] }); // Tuesday 21:00 in Paris
    await ws.server.call('PUT', '/api/templates/after-hours', { description: 'after hours', variants: [{ channel: '*', language: '*', body: 'We are back {{expectedResponse}}.' }] });
    await ws.ingest({ id: 'night', text: 'a question @acmeair', lang: 'en' });
    await ws.ingest({ id: 'day', text: 'another question @acmeair', createdAt: '2026-03-03T20:00:00Z' });
    await ws.server.scheduler.tick();
    await ws.at('2026-03-03T22:00:00Z');
    await ws.at('2026-03-04T04:00:00Z');
    await ws.at('2026-03-04T21:00:00Z'); // the next night: the ticket is tagged, nothing more
    const acknowledgements = await ws.rows(`SELECT t.mention_id, a.action FROM ticket_actions a JOIN tickets t ON t.id = a.ticket_id WHERE a.type = 'auto_acknowledge' ORDER BY a.id`);
    expect(acknowledgements.map((row) => row.mention_id)).toEqual(['night', 'day']);
    expect(JSON.parse(String(acknowledgements[0]!.action))).toMatchObject({ type: 'auto_acknowledge', template: 'after-hours', text: expect.stringMatching(/^We are back /) });
    expect((await ws.ticket('night')).tags).toEqual(['after-hours-acknowledged']);

    // A mention arriving on a Tuesday morning gets no after-hours acknowledgement.
    await ws.at('2026-03-10T08:00:00Z'); // Tuesday 09:00 in Paris
    await ws.ingest({ id: 'morning', text: 'good morning @acmeair' });
    await ws.server.scheduler.tick();
    expect((await ws.ticket('morning')).tags).toEqual([]);
  });

  it('leaves answered and resolved tickets alone: their checks stop', async () => {
    ws = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation'] });
    await ws.server.call('POST', '/api/agents', { id: 'ana', name: 'Ana', languages: ['en'], queues: ['support'] });
    await ws.ingest({ id: 'answered', text: 'urgent help @acmeair' });
    await ws.ingest({ id: 'resolved', text: 'urgent help again @acmeair' });
    await ws.server.scheduler.tick();
    const answered = await ws.ticket('answered');
    const resolved = await ws.ticket('resolved');
    expect((await ws.server.call('POST', `/api/tickets/${answered.id}/replies`, { agentId: 'ana', text: 'On it!', visibility: 'public' })).status).toBe(201);
    expect((await ws.server.call('POST', `/api/tickets/${resolved.id}/resolve`)).status).toBe(200);
    await ws.at('2026-03-03T10:00:00Z');
    expect((await ws.ticket('answered')).escalated_to).toEqual([]);
    expect((await ws.ticket('resolved')).escalated_to).toEqual([]);
    expect(await jobOf('answered')).toMatchObject({ status: 'done' });
    expect(await jobOf('resolved')).toMatchObject({ status: 'done' });
  });

  it('records what it applied: ticket history, an escalation decision, and events for webhooks', async () => {
    ws = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation'] });
    expect((await ws.server.call('POST', '/api/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['ticket.escalated'] })).status).toBe(201);
    await ws.ingest({ id: 'p1', text: 'urgent @acmeair' });
    await ws.at('2026-03-03T09:16:00Z');
    const [decision] = await ws.rows(`SELECT stage, priority, decision FROM decisions WHERE mention_id = 'p1' AND stage = 'escalation'`);
    expect(JSON.parse(String(decision!.decision)).actions).toEqual([expect.objectContaining({ type: 'escalate', to: 'supervisor' })]);
    const events = await ws.rows(`SELECT type, body FROM outbound_events`);
    expect(events.map((event) => event.type)).toEqual(['ticket.escalated']);
    expect(JSON.parse(String(events[0]!.body))).toMatchObject({ type: 'ticket.escalated', data: { stage: 'escalation', ticket: { mentionId: 'p1', priority: 'P1' }, action: { type: 'escalate', to: 'supervisor' } } });
  });
});

describe('when the next check is due (engine, pure)', () => {
  const compiled = compilePack(pack('sla-escalation'));
  const sla = (compiled.ok ? compiled.workflows : []) as CompiledWorkflow[];

  it('reads the crossing points off the published rules', () => {
    expect(waitingThresholds(sla)).toEqual({ minutes: [16, 31], businessMinutes: [61, 121, 241, 481, 1441, 2881], businessHours: true, exact: true });
    const custom = { workflowId: 'w', name: 'w', kind: 'escalation', rules: [{ name: 'w:a', priority: 1, conditions: { all: [{ fact: 'minutesWaiting', operator: 'lessThan', value: 10 }, { fact: 'businessMinutesWaiting', operator: 'in', value: [5, 7] }] }, event: { type: 'notify', params: { action: { type: 'notify' }, workflowId: 'w', nodeId: 'a', rank: 1 } } }], reach: {} } as unknown as CompiledWorkflow;
    expect(waitingThresholds([custom])).toEqual({ minutes: [10], businessMinutes: [5, 6, 7, 8], businessHours: false, exact: true });
    const other = { ...custom, rules: [{ ...custom.rules[0]!, conditions: { all: [{ fact: 'minutesWaiting', operator: 'greaterThan', value: { fact: 'author.followers' } }] } }] } as unknown as CompiledWorkflow;
    expect(waitingThresholds([other]).exact).toBe(false);
  });

  it('walks a Friday-evening ticket to Monday: closing, opening, then business-minute marks', () => {
    const thresholds = waitingThresholds(sla);
    const createdAt = new Date('2026-03-06T16:30:00Z'); // Friday 17:30 in Paris
    const walk: string[] = [];
    let now = createdAt;
    for (let step = 0; step < 6; step++) {
      now = nextWaitingCheck(thresholds, { createdAt, now, working: settings })!;
      walk.push(now.toISOString());
    }
    // 16 and 31 minutes (P1 marks), the closing at 18:00, then Monday: 61 business minutes (30 on Friday, 31 on Monday).
    expect(walk).toEqual(['2026-03-06T16:46:00.000Z', '2026-03-06T17:00:00.000Z', '2026-03-06T17:01:00.000Z', '2026-03-09T08:00:00.000Z', '2026-03-09T08:31:00.000Z', '2026-03-09T09:31:00.000Z']);
  });

  it('finds the end of the shift across a DST change and for overnight shifts', () => {
    const night = { timezone: 'Europe/Paris', businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, start: '22:00', end: '06:00' } };
    // The night of 28–29 March 2026 is an hour shorter: 06:00 local is 04:00Z.
    expect(nextBusinessHoursChange(new Date('2026-03-28T22:30:00Z'), night as never)?.toISOString()).toBe('2026-03-29T04:00:00.000Z');
    expect(nextBusinessHoursChange(new Date('2026-03-28T03:30:00Z'), night as never)?.toISOString()).toBe('2026-03-28T05:00:00.000Z');
    expect(nextBusinessHoursChange(new Date('2026-03-03T16:59:30Z'), settings)?.toISOString()).toBe('2026-03-03T17:00:00.000Z');
    expect(nextBusinessHoursChange(new Date('2026-03-07T10:00:00Z'), settings)?.toISOString()).toBe('2026-03-09T08:00:00.000Z');
    const always = { timezone: 'UTC', businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, start: '00:00', end: '24:00' } };
    expect(nextBusinessHoursChange(new Date('2026-03-03T10:00:00Z'), always as never)).toBeUndefined();
  });
});
