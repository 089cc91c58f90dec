// The scheduler: everything that happens because time passed. Each pass re-reads the open incidents and counts
// the mentions other processes stored into the volume windows (both change elsewhere too), notices resolved
// tickets, brings escalation checks forward when the published escalation rules changed, runs every job due at
// the clock's now, and delivers due webhook events. Time only ever comes from `services.clock`; `tick()` runs one
// full pass, which is how tests drive it.
import type { Services } from '../services.ts';
import { JobStore, type ClaimedJob, type JobKind } from './job-store.ts';
import { EscalationRunner, type EscalationOutcome } from './escalation-runner.ts';
import { FollowUps, type FollowUpOutcome } from './follow-ups.ts';
import { ResolutionWatcher, type ResolutionOutcome } from './resolution-watcher.ts';
import { Deliverer, type DeliveryOptions, type DeliveryOutcome } from './delivery.ts';
import { timeHooks } from './ingest-hooks.ts';

/** `{ intervalMs }` runs passes on a timer; `false` runs them only when `tick()` is called (tests, simulations). */
export type SchedulerOption = { intervalMs: number } | false;

export interface FiredJob {
  readonly id: number;
  readonly kind: JobKind;
  readonly key: string;
  readonly outcome?: EscalationOutcome | FollowUpOutcome | ResolutionOutcome;
  readonly error?: string;
}

export interface TickReport {
  readonly fired: FiredJob[];
  readonly deliveries: DeliveryOutcome[];
}

export interface Scheduler {
  /** Process everything due at `clock.now()`: jobs first, then webhook deliveries. */
  tick(): Promise<TickReport>;
  /** Stop the timer and wait for a pass in progress. */
  stop(): Promise<void>;
}

const CLAIM_BATCH = 100;
/** A claimed job not finished within this long (clock time) may be claimed again. */
const JOB_LEASE_MS = 5 * 60_000;
/** A timed pass stops after this many claims (the next beat goes on), so that a shutdown never waits long. */
const CLAIMS_PER_BEAT = 10;
const CONCURRENCY = 8;

export async function startScheduler(services: Services, option: SchedulerOption, delivery: DeliveryOptions = {}): Promise<Scheduler> {
  const jobs = new JobStore(services);
  const escalations = new EscalationRunner(services, jobs);
  const followUps = new FollowUps(services, jobs);
  const resolutions = new ResolutionWatcher(services, jobs);
  const deliverer = new Deliverer(services, delivery);
  services.ingest.use(timeHooks(services));
  await services.time.incidents.refresh();
  // Load the rules first: their volume windows are seeded from storage, and the catch-up starts after that.
  await services.rulebook.rules();
  await services.time.volumes.run();
  await resolutions.init();
  let escalationRules: string | undefined;

  const run = async (job: ClaimedJob): Promise<FiredJob> => {
    try {
      const outcome = job.kind === 'escalation_check' ? await escalations.run(job) : job.kind === 'follow_up' ? await followUps.run(job) : await resolutions.run(job);
      return { id: job.id, kind: job.kind, key: job.key, outcome };
    } catch (error) {
      services.logger.log('error', 'job_failed', { jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts, error: (error as Error).message });
      await jobs.failed(job, error).catch(() => undefined);
      return { id: job.id, kind: job.kind, key: job.key, error: (error as Error).message };
    }
  };

  /** When the escalation rules change, every waiting ticket is looked at again now (its thresholds may have moved). */
  const watchRules = async () => {
    const { engine, versions } = await services.rulebook.rules();
    const signature = JSON.stringify([engine.workflowsOf('escalation').map((workflow) => [workflow.workflowId, versions[workflow.workflowId] ?? null]), engine.settings]);
    if (escalationRules !== undefined && signature !== escalationRules) await jobs.pullForward('escalation_check');
    escalationRules = signature;
  };

  let stopped = false;
  const jobPass = async (maxClaims: number): Promise<FiredJob[]> => {
    await services.time.incidents.refresh();
    await services.time.volumes.run();
    await resolutions.scan();
    await watchRules();
    const fired: FiredJob[] = [];
    for (let claims = 0; claims < maxClaims && !stopped; claims++) {
      const claimed = await jobs.claim(CLAIM_BATCH, JOB_LEASE_MS);
      if (claimed.length === 0) break;
      let next = 0;
      const worker = async () => {
        while (next < claimed.length) fired.push(await run(claimed[next++]!));
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
    }
    return fired;
  };

  // Jobs run one pass at a time; deliveries are started on every beat and answered whenever the receiver answers,
  // so a slow receiver never delays an escalation, nor the deliveries to other receivers.
  let jobsRunning: Promise<FiredJob[]> | undefined;
  const jobsOnce = (maxClaims: number) => (jobsRunning ??= jobPass(maxClaims).finally(() => (jobsRunning = undefined)));
  const quietly = <T>(pass: Promise<T>, event: string) => pass.catch((error) => services.logger.log('warn', event, { error: (error as Error).message }));

  const timer =
    option && option.intervalMs > 0
      ? setInterval(() => {
          if (stopped) return;
          if (!jobsRunning) void quietly(jobsOnce(CLAIMS_PER_BEAT), 'scheduler_pass_failed');
          void quietly(deliverer.pump(), 'webhook_pass_failed');
        }, option.intervalMs)
      : undefined;
  timer?.unref();

  return {
    async tick() {
      // A pass already running may have started before the clock moved: wait for it, then run a fresh one.
      await jobsRunning?.catch(() => undefined);
      const fired = await jobsOnce(Infinity);
      const deliveries = await deliverer.runDue();
      return { fired, deliveries };
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.all([jobsRunning?.catch(() => undefined), deliverer.stop()]);
    },
  };
}
