// The write thread: a second connection to the same file, in a worker thread, that runs write batches (the group
// commits) so their inserts, the fsync of every commit and the WAL checkpoints happen off the event loop. SQLite lets
// one connection write at a time; the other connection's writes wait for it (busy_timeout), as two processes' do.
// It starts under load and stops when idle; until it is ready, write batches run in the calling thread.
import type { Worker } from 'node:worker_threads';
import { LibsqlBatchError, LibsqlError, type InStatement } from '@libsql/client';
import type { RawResult } from './sqlite-values.ts';
import { holdWhileBusy, typeScriptWorker } from '../worker-threads.ts';

export type ToWriteThread = { id: number; texts: [number, string][]; statements: { text: number; args: unknown }[] };
export type WriteReply =
  | { id: number; ready: true }
  | { id: number; results: RawResult[] }
  | { id: number; error: { message: string; code?: string; extendedCode?: string; rawCode?: number; statementIndex?: number } };

/** SQL texts remembered by number on both sides, at most (the group commits use a few dozen). */
const MAX_TEXTS = 2_000;
/** A thread unused this long is stopped (started again under load). */
const IDLE_MS = 30_000;

interface Pending {
  resolve(results: RawResult[]): void;
  reject(error: unknown): void;
}

export class WriteThread {
  private worker: Worker | undefined;
  private ready = false;
  /** Set when the thread could not start or died: writes stay in the calling thread from then on. */
  private broken = false;
  private readonly pending = new Map<number, Pending>();
  /** SQL texts are sent once and named by number after that. */
  private readonly texts = new Map<string, number>();
  private nextId = 1;
  private windowStart = 0;
  private inWindow = 0;
  private lastUse = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly pragmas: readonly string[],
    private readonly startAtPerSecond: number,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** Counts a write batch of `statements`; true when it is to run on the thread (started and ready). */
  take(statements: number): boolean {
    if (this.broken) return false;
    const now = Date.now();
    this.lastUse = now;
    if (this.ready) return true;
    if (now - this.windowStart > 1_000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    this.inWindow += statements;
    if (!this.worker && this.inWindow >= this.startAtPerSecond) this.start();
    return false;
  }

  /** Runs the statements in one write transaction on the thread; its results, or its error as the client raises it. */
  batch(statements: readonly InStatement[]): Promise<RawResult[]> {
    const worker = this.worker!;
    // Numbers are reused after this: the thread takes the text sent with a number over what it had under it.
    if (this.texts.size >= MAX_TEXTS) this.texts.clear();
    const texts: [number, string][] = [];
    const message: ToWriteThread = {
      id: this.nextId++,
      texts,
      statements: statements.map((stmt) => {
        const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] } : stmt;
        let text = this.texts.get(sql);
        if (text === undefined) {
          text = this.texts.size;
          this.texts.set(sql, text);
          texts.push([text, sql]);
        }
        return { text, args: args ?? [] };
      }),
    };
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      holdWhileBusy(worker, this.pending.size);
      worker.postMessage(message);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    this.texts.clear();
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.failPending(new Error('the write thread was stopped'));
    await worker?.terminate();
  }

  private start(): void {
    const worker = typeScriptWorker(new URL('./write-thread-worker.ts', import.meta.url), { workerData: { path: this.path, pragmas: [...this.pragmas] } });
    this.worker = worker;
    worker.on('message', (reply: WriteReply) => this.onReply(reply));
    worker.on('error', (error) => this.onFailure(worker, error));
    worker.on('exit', (code) => this.onFailure(worker, new Error(`the write thread exited (${code})`)));
    this.idleTimer = setInterval(() => {
      if (Date.now() - this.lastUse > IDLE_MS && this.pending.size === 0) void this.stop();
    }, IDLE_MS / 2);
    this.idleTimer.unref();
  }

  private onReply(reply: WriteReply): void {
    if ('ready' in reply) {
      this.ready = true;
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.worker) holdWhileBusy(this.worker, this.pending.size);
    if ('results' in reply) pending.resolve(reply.results);
    else pending.reject(clientError(reply.error));
  }

  private onFailure(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    // Whether the batches in hand were committed is unknown: say so, and write in the calling thread from now on.
    this.broken = true;
    this.worker = undefined;
    this.ready = false;
    this.failPending(error);
  }

  private failPending(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(Object.assign(new Error(`${error.message}: the outcome of this write is unknown`), { outcomeUnknown: true }));
    this.pending.clear();
  }
}

/** The error the client would have raised in this thread (LibsqlError prefixes its message with the code again). */
function clientError(error: Extract<WriteReply, { error: unknown }>['error']): Error {
  const message = error.code && error.message.startsWith(`${error.code}: `) ? error.message.slice(error.code.length + 2) : error.message;
  if (error.statementIndex !== undefined) return new LibsqlBatchError(message, error.statementIndex, error.code ?? 'UNKNOWN', error.extendedCode, error.rawCode);
  if (error.code !== undefined) return new LibsqlError(message, error.code, error.extendedCode, error.rawCode);
  return new Error(error.message);
}
