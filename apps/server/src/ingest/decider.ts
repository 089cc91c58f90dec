// Where ingest's decisions are made: in this thread while the load is light, on decide threads (decide-pool.ts)
// once it is heavy enough to pay for them. Either way the same engine rules on the same input.
import { availableParallelism } from 'node:os';
import type { MentionEvaluation, RuleEngine } from '@mentionflow/engine';
import type { Logger } from '../log.ts';
import { DecidePool } from './decide-pool.ts';
import { decide, type Decided } from './decided.ts';

/** Threads start once this many mentions arrive within a second (a trickle never pays for starting one). */
const START_AT_PER_SECOND = 50;

/**
 * Decide threads: MENTIONFLOW_DECIDE_THREADS, else one core left for the thread that parses, commits and answers,
 * at most 4 (0 on one core: a thread would only compete with it).
 */
export function decideThreadCount(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.MENTIONFLOW_DECIDE_THREADS;
  if (given !== undefined && given !== '' && Number.isInteger(Number(given)) && Number(given) >= 0) return Number(given);
  return Math.min(4, availableParallelism() - 1);
}

export class Decider {
  private readonly pool: DecidePool | undefined;
  private windowStart = 0;
  private inWindow = 0;

  constructor(logger: Logger, threads: number = decideThreadCount()) {
    this.pool = threads > 0 ? new DecidePool(threads, logger) : undefined;
  }

  async decide(engine: RuleEngine, evaluations: MentionEvaluation[]): Promise<Decided[]> {
    if (this.pool) {
      this.countArrivals(evaluations.length);
      if (this.pool.ready) {
        try {
          return await this.pool.decide(engine, evaluations);
        } catch (error) {
          // A thread that died takes its batch with it: decide that batch here (nothing of it was stored).
          if (!(error as { threadFailed?: boolean }).threadFailed) throw error;
        }
      }
    }
    return evaluations.map((evaluation) => decide(engine, evaluation));
  }

  async close(): Promise<void> {
    await this.pool?.stop();
  }

  private countArrivals(count: number): void {
    const now = Date.now();
    if (now - this.windowStart > 1_000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    this.inWindow += count;
    if (this.inWindow >= START_AT_PER_SECOND && !this.pool!.started) this.pool!.start();
  }
}
