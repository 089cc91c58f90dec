// Runs one comparison through the panel's `onRun`: rows and progress reach the store once per animation frame,
// a new run or Cancel aborts the previous one, and refusals become messages (with the problems the server listed).
import { ApiRequestError } from '../api/http.ts';
import type { CompareProgress, CompareRow, OnRun, RunRequest } from './compare-types.ts';
import { frameBatcher, type Schedule } from './frame-batcher.ts';
import type { SimulationStore } from './store/simulation-store.ts';

export async function runComparison(store: SimulationStore, onRun: OnRun, request: RunRequest, schedule?: Schedule): Promise<void> {
  store.getState().cancel?.();
  const controller = new AbortController();
  const runId = store.getState().actions.began(request, () => controller.abort());
  const actions = () => store.getState().actions;
  const batch = frameBatcher<CompareRow | CompareProgress>((items) => actions().received(runId, items), schedule);
  let summarized = false;
  try {
    await onRun(request, {
      signal: controller.signal,
      onStart: (start) => actions().started(runId, start),
      onRow: (row) => batch.add(row),
      onProgress: (progress) => batch.add(progress),
      onSummary: (summary) => {
        batch.flush();
        summarized = true;
        actions().summarized(runId, summary);
      },
    });
    batch.flush();
    if (controller.signal.aborted) actions().finished(runId, cancelled(store));
    else if (!summarized) actions().finished(runId, { status: 'error', message: 'The comparison stopped before its end; the rows shown are partial. Try again.', problems: [] });
    else actions().finished(runId, { status: 'done' });
  } catch (error) {
    batch.flush();
    if (controller.signal.aborted) actions().finished(runId, cancelled(store));
    else actions().finished(runId, { status: 'error', ...describeFailure(error) });
  }
}

function cancelled(store: SimulationStore) {
  const { rows, progress } = store.getState();
  const total = progress.total ? progress.total.toLocaleString() : '?';
  return { status: 'cancelled' as const, message: `Cancelled after ${rows.length.toLocaleString()} of ${total} mentions; the summary covers those shown.` };
}

/** A refusal in words, with every problem the server listed (rule problems have a path, input problems a field). */
export function describeFailure(error: unknown): { message: string; problems: string[] } {
  if (!(error instanceof ApiRequestError)) return { message: error instanceof Error ? error.message : String(error), problems: [] };
  type Listed = { path?: string; field?: string; nodeId?: string; message: string };
  const details = error.details as { problems?: Listed[] } | Listed[] | undefined;
  const listed = Array.isArray(details) ? details : (details?.problems ?? []);
  // A rule problem names its node: that is what the canvas shows, not the JSON path inside the request.
  const where = (item: Listed) => (item.nodeId ? `node ${item.nodeId}` : (item.path ?? item.field));
  const problems = listed.filter((item): item is Listed => typeof item?.message === 'string').map((item) => (where(item) ? `${where(item)}: ${item.message}` : item.message));
  return { message: error.message, problems };
}
