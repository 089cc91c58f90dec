// Two real server processes on one database file run the scheduler at the same moment: every due escalation is
// applied exactly once in total, because jobs are claimed with one UPDATE … RETURNING under SQLite's writer lock.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { JobStore } from '../apps/server/src/time/job-store.ts';
import { EscalationRunner } from '../apps/server/src/time/escalation-runner.ts';
import { timeWorkspace } from './support/time-workspace.ts';

const SCRIPT = resolve(import.meta.dirname, 'support', 'scheduler-process.ts');
const TICKETS = 300;

interface ProcessReport {
  pid: number;
  jobs: number;
  applied: { ticketId: number; type: string; to?: string }[];
}

function start(databaseUrl: string, clock: string): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; report: Promise<ProcessReport> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { env: { ...process.env, DATABASE_URL: databaseUrl, MENTIONFLOW_CLOCK: clock, TICKS: '4' }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const report = new Promise<ProcessReport>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('{')) resolve(JSON.parse(line) as ProcessReport);
    });
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`scheduler process exited with ${code}: ${stderr}`))));
  });
  return { child, ready, report };
}

describe('two scheduler processes on one database', () => {
  it('apply each escalation exactly once between them', { timeout: 120_000 }, async () => {
    const ws = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation'] });
    const texts = ['urgent @acmeair', 'my booking @acmeair', 'a question @acmeair', 'whenever you can @acmeair'];
    for (let batch = 0; batch < TICKETS / 100; batch++) {
      const mentions = Array.from({ length: 100 }, (_, index) => {
        const n = batch * 100 + index;
        return { id: `m${n}`, channel: 'x', kind: 'post', text: texts[n % 4], createdAt: '2026-03-03T09:00:00Z', author: { handle: `@c${n}` } };
      });
      expect((await ws.server.call('POST', '/api/mentions', mentions)).status).toBe(200);
    }
    const databaseUrl = ws.server.databaseUrl;
    await ws.server.stop();

    // Thursday 15:30Z: P1, P2 and P3 are past twice their targets (supervisor and manager), P4 past its target only.
    const processes = [start(databaseUrl, '2026-03-05T15:30:00Z'), start(databaseUrl, '2026-03-05T15:30:00Z')];
    await Promise.all(processes.map((entry) => entry.ready));
    for (const entry of processes) entry.child.stdin.write('go\n');
    const reports = await Promise.all(processes.map((entry) => entry.report));

    const escalations = reports.flatMap((report) => report.applied.filter((action) => action.type === 'escalate').map((action) => `${action.ticketId}:${action.to}`));
    const expected = TICKETS * 2 - TICKETS / 4; // P4 tickets reach the supervisor only
    expect(escalations).toHaveLength(expected);
    expect(new Set(escalations).size).toBe(expected);
    // The jobs really were shared: both processes ran some (300 checks, claimed 100 at a time).
    expect(reports.every((report) => report.jobs > 0)).toBe(true);
    expect(reports.reduce((total, report) => total + report.jobs, 0)).toBe(TICKETS);
    console.log('two-process split', reports.map((report) => ({ jobs: report.jobs, escalations: report.applied.filter((action) => action.type === 'escalate').length })));

    const reopened = await timeWorkspace('2026-03-05T15:30:00Z', { dir: ws.server.dir });
    try {
      const [counts] = await reopened.rows(`SELECT count(*) AS actions, count(DISTINCT ticket_id || action_key) AS distinct_actions FROM ticket_actions WHERE type = 'escalate'`);
      expect(counts).toEqual({ actions: expected, distinct_actions: expected });
      const duplicates = await reopened.rows(`SELECT id FROM tickets WHERE json_array_length(escalated_to) <> (SELECT count(DISTINCT value) FROM json_each(tickets.escalated_to))`);
      expect(duplicates).toEqual([]);
      const [p1] = await reopened.rows(`SELECT escalated_to FROM tickets WHERE mention_id = 'm0'`);
      expect(JSON.parse(String(p1!.escalated_to)).sort()).toEqual(['manager', 'supervisor']);
    } finally {
      await reopened.server.stop(true);
    }
  });

  it('a claim whose lease ran out changes nothing: the job was claimed again and done by someone else', async () => {
    const ws = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation'] });
    try {
      await ws.ingest({ id: 'slow', text: 'urgent @acmeair' });
      await ws.server.scheduler.tick();
      const jobs = new JobStore(ws.server.services);
      ws.clock.set('2026-03-03T09:16:00Z');
      const [stale] = await jobs.claim(10, 60_000); // a process that claims, then stalls past its lease
      expect(stale).toMatchObject({ kind: 'escalation_check', key: 'escalation:x:slow' });
      ws.clock.set('2026-03-03T09:17:01Z');
      const report = await ws.server.scheduler.tick();
      expect(report.fired).toEqual([expect.objectContaining({ key: 'escalation:x:slow', outcome: expect.objectContaining({ applied: [expect.objectContaining({ type: 'escalate', to: 'supervisor' })] }) })]);
      // The stalled process wakes up and runs the job it thought it held: its commit is a no-op.
      const late = await new EscalationRunner(ws.server.services, jobs).run(stale!);
      expect(late.applied).toEqual([]);
      expect(await ws.rows(`SELECT type FROM ticket_actions`)).toEqual([{ type: 'escalate' }]);
      expect(await ws.rows(`SELECT status, due_at FROM scheduled_jobs WHERE key = 'escalation:x:slow'`)).toEqual([{ status: 'pending', due_at: Date.parse('2026-03-03T09:31:00Z') }]);
    } finally {
      await ws.server.stop(true);
    }
  });
});
