// Timers are rows, not in-memory timers: work that fell due while no server was running fires once after start,
// and never again on a second pass or a second restart.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer } from './support/server.ts';
import { timeWorkspace, workspaceOf } from './support/time-workspace.ts';

describe('restarting with overdue work', () => {
  it('fires what fell due while the server was down, once', async () => {
    const first = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation', 'follow-up'] });
    await first.ingest({ id: 'urgent', text: 'urgent: stranded @acmeair' });
    // A follow-up due in 2 days (a birthday tomorrow, followed up the day after).
    const birthday = await first.ingest({ id: 'birthday', text: 'It is my birthday tomorrow, flying with @acmeair!' });
    expect(birthday.body.decision.actions).toContainEqual(expect.objectContaining({ type: 'schedule_follow_up', dueAt: '2026-03-05T09:00:00.000Z' }));
    await first.server.scheduler.tick();
    expect((await first.ticket('urgent')).escalated_to).toEqual([]);
    const dir = first.server.dir;
    await first.server.stop();

    // Down for two days: the P1 passed both thresholds, the follow-up fell due.
    const clock = new ManualClock('2026-03-05T10:00:00Z');
    const second = workspaceOf(await startTestServer({ clock, dir, scheduler: false, assignIntervalMs: 0 }), clock);
    const report = await second.server.scheduler.tick();
    expect(report.fired.map((job) => job.kind).sort()).toEqual(['escalation_check', 'escalation_check', 'follow_up']);
    expect((await second.ticket('urgent')).escalated_to.sort()).toEqual(['manager', 'supervisor']);
    expect((await second.ticket('birthday')).escalated_to.sort()).toEqual(['manager', 'supervisor']);
    expect(await second.rows(`SELECT queue, priority, author_handle FROM tickets WHERE queue = 'follow-up'`)).toEqual([{ queue: 'follow-up', priority: 'P3', author_handle: '@birthday' }]);
    expect((await second.server.scheduler.tick()).fired).toEqual([]);
    await second.server.stop();

    const third = workspaceOf(await startTestServer({ clock, dir, scheduler: false, assignIntervalMs: 0 }), clock);
    try {
      expect((await third.server.scheduler.tick()).fired).toEqual([]);
      clock.advance(30);
      await third.server.scheduler.tick();
      const [counts] = await third.rows(`SELECT (SELECT count(*) FROM ticket_actions WHERE type = 'escalate') AS escalations, (SELECT count(*) FROM tickets WHERE queue = 'follow-up') AS follow_ups`);
      expect(counts).toEqual({ escalations: 4, follow_ups: 1 });
    } finally {
      await third.server.stop(true);
    }
  });

  it('starts the timer on its own when not driven by hand', async () => {
    const clock = new ManualClock('2026-03-03T09:00:00Z');
    const server = await startTestServer({ clock, scheduler: { intervalMs: 20 }, assignIntervalMs: 0 });
    const ws = workspaceOf(server, clock);
    try {
      await ws.server.call('PUT', '/api/settings', (await import('./support/mentions.ts')).settings);
      await ws.server.call('POST', '/api/workflows', (await import('./support/time-workspace.ts')).triage);
      await ws.server.call('POST', '/api/workflows/triage/publish', {});
      await ws.server.call('POST', '/api/packs/import', { pack: (await import('./support/time-workspace.ts')).pack('sla-escalation') });
      await ws.ingest({ id: 'urgent', text: 'urgent @acmeair' });
      clock.advance(20);
      await expect.poll(async () => (await ws.ticket('urgent')).escalated_to, { timeout: 5000 }).toEqual(['supervisor']);
    } finally {
      await server.stop(true);
    }
  });
});
