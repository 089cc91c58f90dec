// Group commit: writes submitted during one event-loop turn are committed together in one transaction on the
// next tick, and each submitter is answered only after that commit. One fsync serves many requests.
import type { Client, InStatement, ResultSet } from '@libsql/client';
import type { Logger } from '../log.ts';

interface Pending {
  readonly statements: InStatement[];
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
}

export class CommitQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly client: Client,
    /** Also where ingest logs what it does around the commits (decide threads). */
    readonly logger: Logger,
  ) {}

  /** Resolves with one result per statement once they are durably committed; rejects if they could not be. */
  submit(statements: InStatement[]): Promise<ResultSet[]> {
    if (this.closed) return Promise.reject(new Error('the commit queue is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ statements, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.flushing = this.flushing.then(() => this.flush());
        });
      }
    });
  }

  /** Waits until everything submitted so far is committed (for shutdown). */
  async drain(): Promise<void> {
    while (this.scheduled || this.pending.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.flushing;
    }
    await this.flushing;
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    if (batch.length === 0) return;
    const statements = batch.flatMap((entry) => entry.statements);
    try {
      const results = await this.client.batch(statements, 'write');
      let offset = 0;
      for (const entry of batch) {
        entry.resolve(results.slice(offset, offset + entry.statements.length));
        offset += entry.statements.length;
      }
    } catch (error) {
      // A write whose outcome is unknown (its thread died) must not be tried again: it may have been committed.
      if (batch.length === 1 || (error as { outcomeUnknown?: boolean }).outcomeUnknown) {
        for (const entry of batch) entry.reject(error);
        return;
      }
      // One submission's failure must not fail the others: commit each on its own.
      this.logger.log('warn', 'group_commit_split', { submissions: batch.length, error: (error as Error).message });
      for (const entry of batch) {
        try {
          entry.resolve(await this.client.batch(entry.statements, 'write'));
        } catch (single) {
          entry.reject(single);
        }
      }
    }
  }
}
