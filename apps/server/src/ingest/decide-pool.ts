// Decide threads: the rule evaluation of ingest, the largest part of its work, on other cores than the one that
// parses requests and commits. The engine is pure, so a thread needs only the published rules (sent as data when
// they change) and each mention with its context; decisions come back in order. What a thread cannot do it reports,
// and ingest decides in its own thread instead.
import type { Worker } from 'node:worker_threads';
import { EngineError, type CompiledWorkflow, type EngineErrorCode, type MentionEvaluation, type RuleEngine, type Settings } from '@mentionflow/engine';
import type { Logger } from '../log.ts';
import type { Decided } from './decided.ts';
import { holdWhileBusy, typeScriptWorker } from '../worker-threads.ts';

export type ToDecideThread =
  | { type: 'rules'; generation: number; workflows: readonly CompiledWorkflow[]; settings: Settings }
  | { type: 'decide'; id: number; generation: number; evaluations: MentionEvaluation[] };

export type DecideReply =
  | { id: number; ready: true }
  | { id: number; decided: Decided[] }
  | { id: number; error: { name: string; message: string; code?: unknown } };

/** Mentions per message to a thread (see `send`). */
const MESSAGE_SIZE = 8;
/** A thread unused this long is stopped (started again under load). */
const IDLE_MS = 30_000;

interface Queued {
  readonly engine: RuleEngine;
  readonly evaluations: MentionEvaluation[];
  resolve(decided: Decided[]): void;
  reject(error: unknown): void;
}

/** A request's share of the messages sent: its decisions fill in as the replies arrive. */
interface Part {
  readonly request: Queued;
  readonly decided: Decided[];
  left: number;
}

interface Pending {
  readonly count: number;
  resolve(decided: Decided[]): void;
  reject(error: unknown): void;
}

class DecideThread {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  /** Rules generations this thread has been sent. */
  readonly generations = new Set<number>();
  ready = false;
  load = 0;

  constructor(onReply: (thread: DecideThread, reply: DecideReply) => void, onFailure: (thread: DecideThread, error: unknown) => void) {
    this.worker = typeScriptWorker(new URL('./decide-worker.ts', import.meta.url));
    this.worker.on('message', (reply: DecideReply) => onReply(this, reply));
    this.worker.on('error', (error) => onFailure(this, error));
    this.worker.on('exit', (code) => onFailure(this, new Error(`the decide thread exited (${code})`)));
  }
}

export class DecidePool {
  private threads: DecideThread[] = [];
  private readonly generations = new WeakMap<RuleEngine, number>();
  private nextGeneration = 1;
  private nextId = 1;
  private queued: Queued[] = [];
  private lastUse = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Set when a thread could not even start (no loader, no engine): then ingest keeps deciding in its thread. */
  private broken = false;

  constructor(
    private readonly size: number,
    private readonly logger: Logger,
  ) {}

  /** True once a thread has started and loaded the engine; `start()` before. */
  get ready(): boolean {
    return this.threads.some((thread) => thread.ready);
  }

  get started(): boolean {
    return this.threads.length > 0;
  }

  start(): void {
    if (this.broken || this.threads.length > 0) return;
    for (let index = 0; index < this.size; index++) this.threads.push(new DecideThread(this.onReply, this.onFailure));
    this.lastUse = Date.now();
    this.idleTimer = setInterval(() => {
      if (Date.now() - this.lastUse > IDLE_MS && this.threads.every((thread) => thread.pending.size === 0)) void this.stop();
    }, IDLE_MS / 2);
    this.idleTimer.unref();
  }

  /**
   * Decisions for `evaluations`, in order, by `engine`'s rules. Requests made in one event-loop turn travel together
   * (a message costs more than a small batch), to the least busy ready thread.
   */
  decide(engine: RuleEngine, evaluations: MentionEvaluation[]): Promise<Decided[]> {
    if (!this.ready) return Promise.reject(new Error('no decide thread is ready'));
    this.lastUse = Date.now();
    return new Promise<Decided[]>((resolve, reject) => {
      this.queued.push({ engine, evaluations, resolve, reject });
      if (this.queued.length === 1) setImmediate(this.send);
    });
  }

  async stop(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    if (this.idleTimer) clearInterval(this.idleTimer);
    for (const thread of threads) this.fail(thread, new Error('the decide threads were stopped'));
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  /**
   * Sends what was asked this turn in messages of at most MESSAGE_SIZE mentions: the first decisions come back while
   * the thread works on the rest, so this thread commits and answers them meanwhile instead of waiting for all.
   */
  private readonly send = (): void => {
    const queued = this.queued;
    this.queued = [];
    const byEngine = new Map<RuleEngine, Part[]>();
    for (const request of queued) {
      const parts = byEngine.get(request.engine) ?? [];
      parts.push({ request, decided: new Array(request.evaluations.length), left: request.evaluations.length });
      byEngine.set(request.engine, parts);
    }
    for (const [engine, parts] of byEngine) {
      const items = parts.flatMap((part) => part.request.evaluations.map((_, index): [Part, number] => [part, index]));
      for (let start = 0; start < items.length; start += MESSAGE_SIZE) this.post(engine, items.slice(start, start + MESSAGE_SIZE));
    }
  };

  private post(engine: RuleEngine, items: readonly [Part, number][]): void {
    const thread = this.threads.filter((candidate) => candidate.ready).sort((a, b) => a.load - b.load)[0];
    if (!thread) {
      for (const [part] of items) part.request.reject(Object.assign(new Error('no decide thread is ready'), { threadFailed: true }));
      return;
    }
    const generation = this.generationOf(engine);
    if (!thread.generations.has(generation)) {
      thread.worker.postMessage({ type: 'rules', generation, workflows: engine.workflows, settings: engine.settings } satisfies ToDecideThread);
      thread.generations.add(generation);
    }
    const id = this.nextId++;
    thread.load += items.length;
    thread.pending.set(id, {
      count: items.length,
      resolve: (decided) =>
        items.forEach(([part, index], position) => {
          part.decided[index] = decided[position]!;
          if (--part.left === 0) part.request.resolve(part.decided);
        }),
      reject: (error) => items.forEach(([part]) => part.request.reject(error)),
    });
    holdWhileBusy(thread.worker, thread.pending.size);
    thread.worker.postMessage({ type: 'decide', id, generation, evaluations: items.map(([part, index]) => part.request.evaluations[index]!) } satisfies ToDecideThread);
  }

  private generationOf(engine: RuleEngine): number {
    let generation = this.generations.get(engine);
    if (generation === undefined) {
      generation = this.nextGeneration++;
      this.generations.set(engine, generation);
    }
    return generation;
  }

  private readonly onReply = (thread: DecideThread, reply: DecideReply): void => {
    if ('ready' in reply) {
      thread.ready = true;
      return;
    }
    const pending = thread.pending.get(reply.id);
    if (!pending) return;
    thread.pending.delete(reply.id);
    holdWhileBusy(thread.worker, thread.pending.size);
    thread.load -= pending.count;
    if ('decided' in reply) pending.resolve(reply.decided);
    else pending.reject(reply.error.name === 'EngineError' ? new EngineError(reply.error.code as EngineErrorCode, reply.error.message) : Object.assign(new Error(reply.error.message), { name: reply.error.name }));
  };

  /** A thread that fails is dropped with what it had in hand; ingest decides those itself. */
  private readonly onFailure = (thread: DecideThread, error: unknown): void => {
    if (!this.threads.includes(thread)) return;
    this.threads = this.threads.filter((candidate) => candidate !== thread);
    if (!thread.ready) this.broken = true;
    this.logger.log('warn', 'decide_thread_failed', { error: (error as Error).message, threadsLeft: this.threads.length });
    this.fail(thread, error);
    void thread.worker.terminate();
  };

  private fail(thread: DecideThread, error: unknown): void {
    for (const pending of thread.pending.values()) pending.reject(Object.assign(new Error((error as Error).message), { threadFailed: true }));
    thread.pending.clear();
  }
}
