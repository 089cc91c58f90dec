// One Mentionflow server process for the two-process scheduler test: opens the database at DATABASE_URL with a
// clock fixed at MENTIONFLOW_CLOCK, says `ready`, waits for `go` on stdin, runs TICKS scheduler passes and prints
// one JSON line with every escalation it applied. Run with `node --import tsx tests/support/scheduler-process.ts`.
import { createInterface } from 'node:readline';
import { createServer } from '../../apps/server/src/server.ts';
import { ManualClock } from '../../apps/server/src/clock.ts';
import { silentLogger } from '../../apps/server/src/log.ts';

const clock = new ManualClock(process.env.MENTIONFLOW_CLOCK ?? new Date().toISOString());
const server = await createServer({ databaseUrl: process.env.DATABASE_URL!, clock, logger: silentLogger, scheduler: false, assignIntervalMs: 0, refreshIntervalMs: 0 });
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line.trim() === 'go') break;

const applied: { ticketId: number | null; type: string; to?: unknown }[] = [];
let jobs = 0;
for (let tick = 0; tick < Number(process.env.TICKS ?? 3); tick++) {
  const report = await server.scheduler.tick();
  jobs += report.fired.length;
  for (const fired of report.fired) {
    if (fired.error) throw new Error(`job ${fired.id} failed: ${fired.error}`);
    const outcome = fired.outcome as { ticketId?: number | null; applied?: { type: string; to?: unknown }[] } | undefined;
    for (const action of outcome?.applied ?? []) applied.push({ ticketId: outcome?.ticketId ?? null, type: action.type, ...(action.to ? { to: action.to } : {}) });
  }
}
process.stdout.write(JSON.stringify({ pid: process.pid, jobs, applied }) + '\n');
lines.close();
await server.close();
