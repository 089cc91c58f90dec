// Worker threads that run a TypeScript entry the way the server runs (tsx): the thread registers tsx's loader, then
// imports the entry. Used by the write thread (write-thread.ts) and ingest's decide threads.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker running `entry` (a .ts file URL). It starts unref'd: an idle thread never keeps a process alive; its owner
 * refs it while it has work in hand (`holdWhileBusy`), so that a script awaiting that work is not ended early.
 */
export function typeScriptWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(`import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { ...options, eval: true });
  worker.unref();
  return worker;
}

/** Keeps the process alive exactly while `pending` work is in hand: call after every change of the count. */
export function holdWhileBusy(worker: Worker, pending: number): void {
  if (pending > 0) worker.ref();
  else worker.unref();
}
