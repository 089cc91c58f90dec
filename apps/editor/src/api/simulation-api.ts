// /api/simulate/compare and /api/simulate/explain: the published rules against a candidate (a workflow's draft), with
// no side effects. The comparison streams NDJSON; it is read incrementally and handed over event by event.
import type { Workflow } from '@mentionflow/engine';
import { readNdjson } from '../simulation/ndjson-lines.ts';
import type { CompareEvent, RowExplanation, RunHandlers, RunRequest, SideTrace } from '../simulation/compare-types.ts';
import { ApiRequestError, apiFetch, refusalOf } from './http.ts';

/** The "after" rules: a workflow's saved draft, or workflows sent as they are (an unsaved canvas). */
export type Candidate = { readonly workflowId: string } | { readonly workflows: readonly Workflow[] };

export interface CompareBody {
  readonly text?: string;
  readonly stored?: Record<string, string | number>;
  readonly packId?: string;
  readonly candidate: Candidate;
  readonly now?: string;
  readonly explain?: boolean;
}

/** The request body for a panel's request: exactly one mention source, and the candidate. */
export function compareBody(request: RunRequest, candidate: Candidate): CompareBody {
  const { source } = request;
  const common = { candidate, ...(request.now ? { now: request.now } : {}), ...(request.explain ? { explain: true } : {}) };
  if (source.kind === 'text') return { text: source.text, ...common };
  if (source.kind === 'pack') return { packId: source.packId, ...common };
  const stored = Object.fromEntries(Object.entries(source.filters).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string | number>;
  return { stored, ...common };
}

const HEADERS = { accept: 'application/x-ndjson, application/json', 'content-type': 'application/json' };

/** Hands each event of the stream to the matching handler; an `error` line (a failure after the start) is thrown. */
export function dispatchEvent(value: unknown, handlers: Omit<RunHandlers, 'signal'>): void {
  const event = value as CompareEvent | { type: 'error'; error?: string; message?: string; details?: unknown };
  switch (event?.type) {
    case 'start':
      return handlers.onStart(event);
    case 'row':
      return handlers.onRow(event);
    case 'progress':
      return handlers.onProgress(event);
    case 'summary':
      return handlers.onSummary(event);
    case 'error':
      throw new ApiRequestError(500, event.error ?? 'stream_error', event.message ?? 'The comparison failed on the server.', event.details);
    default:
      return; // a newer server may add event types: ignore them rather than fail
  }
}

export const simulationApi = {
  /** Streams a comparison into `handlers`; abort `handlers.signal` to cancel (the server stops with the connection). */
  async compare(body: CompareBody, handlers: RunHandlers): Promise<void> {
    const response = await apiFetch('/api/simulate/compare', { method: 'POST', headers: HEADERS, body: JSON.stringify(body), signal: handlers.signal });
    if (!response.ok || !response.body) throw await refusalOf(response);
    await readNdjson(response.body, (value) => dispatchEvent(value, handlers));
  },

  /** Before and after explanations of one mention. */
  async explain(body: { mention: unknown; candidate: Candidate; now?: string }, signal?: AbortSignal): Promise<RowExplanation> {
    const response = await apiFetch('/api/simulate/explain', { method: 'POST', headers: { ...HEADERS, accept: 'application/json' }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
    if (!response.ok) throw await refusalOf(response);
    const answer = (await response.json()) as { before: SideTrace; after: SideTrace };
    return { before: answer.before, after: answer.after };
  },
};

