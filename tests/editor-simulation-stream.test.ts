// The comparison stream in the browser: NDJSON read incrementally (lines and characters split across chunks), each
// event handed to the panel's handlers, rows reaching the store once per frame, and cancel/refusal/truncation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineSplitter, NdjsonError, readNdjson } from '../apps/editor/src/simulation/ndjson-lines.ts';
import { frameBatcher } from '../apps/editor/src/simulation/frame-batcher.ts';
import { compareBody, dispatchEvent, simulationApi } from '../apps/editor/src/api/simulation-api.ts';
import { ApiRequestError } from '../apps/editor/src/api/http.ts';
import { createSimulationStore } from '../apps/editor/src/simulation/store/simulation-store.ts';
import { describeFailure, runComparison } from '../apps/editor/src/simulation/run-comparison.ts';
import type { CompareEvent, OnRun, RunHandlers, RunRequest } from '../apps/editor/src/simulation/compare-types.ts';
import { row, start, summaryOf } from './support/simulation-rows.ts';

afterEach(() => vi.unstubAllGlobals());

/** A byte stream delivering `pieces` one read at a time. */
function streamOf(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= pieces.length) return controller.close();
      const piece = pieces[next++]!;
      controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
    },
  });
}

async function valuesOf(pieces: (string | Uint8Array)[]): Promise<unknown[]> {
  const values: unknown[] = [];
  await readNdjson(streamOf(pieces), (value) => values.push(value));
  return values;
}

const collect = () => {
  const events: string[] = [];
  const handlers: RunHandlers = {
    signal: new AbortController().signal,
    onStart: (event) => events.push(`start ${event.total}`),
    onRow: (event) => events.push(`row ${event.index}`),
    onProgress: (event) => events.push(`progress ${event.done}/${event.total}`),
    onSummary: (event) => events.push(`summary ${event.changed}`),
  };
  return { events, handlers };
};

describe('reading NDJSON incrementally', () => {
  it('keeps an unfinished line for the next piece, skips blank lines and strips \\r', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(splitter.push(':2}\r\n\n  \n{"c":')).toEqual(['{"b":2}']);
    expect(splitter.push('3}')).toEqual([]);
    expect(splitter.flush()).toEqual(['{"c":3}']);
    expect(splitter.flush()).toEqual([]);
  });

  it('parses values split anywhere, including inside a multi-byte character, and a last line without newline', async () => {
    const text = '{"text":"remboursement déjà 👍"}\n{"n":2}';
    const bytes = new TextEncoder().encode(text);
    const byteOffset = (before: string) => new TextEncoder().encode(text.slice(0, text.indexOf(before))).length;
    // One byte into "é" (2 bytes in UTF-8), two bytes into the emoji (4 bytes).
    const cuts = [byteOffset('é') + 1, byteOffset('👍') + 2];
    const pieces = [bytes.slice(0, cuts[0]), bytes.slice(cuts[0], cuts[1]), bytes.slice(cuts[1])];
    expect(await valuesOf(pieces)).toEqual([{ text: 'remboursement déjà 👍' }, { n: 2 }]);
  });

  it('hands each value over as soon as its line is complete, before the stream ends', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"first":true}\n'));
        else if (sent === 1) await gate.then(() => controller.enqueue(new TextEncoder().encode('{"second":true}\n')));
        else controller.close();
        sent++;
      },
    });
    const seen: unknown[] = [];
    const reading = readNdjson(stream, (value) => seen.push(value));
    await vi.waitFor(() => expect(seen).toEqual([{ first: true }]));
    release();
    await reading;
    expect(seen).toEqual([{ first: true }, { second: true }]);
  });

  it('names the line that is not JSON and stops reading', async () => {
    await expect(valuesOf(['{"ok":1}\n', 'not json\n', '{"never":1}\n'])).rejects.toThrowError(NdjsonError);
    await expect(valuesOf(['{"ok":1}\nnot json\n'])).rejects.toThrow(/line 2 of the answer is not JSON/);
  });
});

describe('frame batching', () => {
  it('delivers everything added before a frame in one batch, and flushes on demand', () => {
    const frames: (() => void)[] = [];
    const batches: number[][] = [];
    const batcher = frameBatcher<number>((items) => batches.push(items), (callback) => frames.push(callback));
    for (let n = 0; n < 1000; n++) batcher.add(n);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    batcher.add(1000);
    batcher.flush();
    expect(batches.map((batch) => batch.length)).toEqual([1000, 1]);
    frames.shift()!(); // the frame scheduled for 1000 finds nothing left
    expect(batches).toHaveLength(2);
  });
});

describe('the comparison client', () => {
  const lines = (events: unknown[]) => events.map((event) => `${JSON.stringify(event)}\n`).join('');

  it('dispatches start, rows, progress and summary in order; ignores unknown types; throws on an error line', () => {
    const { events, handlers } = collect();
    for (const event of [start(2), row(0), { type: 'progress', done: 1, total: 2 }, { type: 'future-thing' }, row(1, { queue: 'refunds' }), summaryOf([row(0), row(1, { queue: 'refunds' })])]) {
      dispatchEvent(event, handlers);
    }
    expect(events).toEqual(['start 2', 'row 0', 'progress 1/2', 'row 1', 'summary 1']);
    expect(() => dispatchEvent({ type: 'error', error: 'internal_error', message: 'the comparison stopped' }, handlers)).toThrowError(ApiRequestError);
  });

  it('POSTs the body and streams the answer into the handlers, chunk by chunk', async () => {
    const body = lines([start(2), row(0), row(1, { queue: 'refunds' }), summaryOf([row(0), row(1, { queue: 'refunds' })])]);
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(streamOf([body.slice(0, 37), body.slice(37, 200), body.slice(200)]), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const { events, handlers } = collect();
    await simulationApi.compare(compareBody({ source: { kind: 'text', text: 'x', fileName: null }, explain: false }, { workflowId: 'refunds' }), handlers);
    expect(events).toEqual(['start 2', 'row 0', 'row 1', 'summary 1']);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/simulate/compare');
    expect(JSON.parse(init.body as string)).toEqual({ text: 'x', candidate: { workflowId: 'refunds' } });
    expect(init.signal).toBe(handlers.signal);
  });

  it('turns a refusal before streaming into an ApiRequestError with its details', async () => {
    const refusal = { error: 'not_publishable', message: 'the candidate rules have 1 problem(s)', details: { problems: [{ path: 'candidate.workflowId → nodes[1]', nodeId: 'is-refund', message: 'Clause 1 is empty' }] } };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(refusal), { status: 422 })));
    const failure = await simulationApi.compare({ text: 'x', candidate: { workflowId: 'w' } }, collect().handlers).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect(describeFailure(failure)).toEqual({ message: 'the candidate rules have 1 problem(s)', problems: ['node is-refund: Clause 1 is empty'] });
    expect(describeFailure(new ApiRequestError(422, 'validation_failed', 'stored.limit: too big', [{ field: 'stored.limit', message: 'too big' }])).problems).toEqual(['stored.limit: too big']);
  });

  it('builds one mention source per request, with now and explain only when set', () => {
    const candidate = { workflowId: 'w' };
    expect(compareBody({ source: { kind: 'pack', packId: 'triage' }, explain: true, now: '2026-03-02T12:00:00.000Z' }, candidate)).toEqual({
      packId: 'triage',
      candidate,
      now: '2026-03-02T12:00:00.000Z',
      explain: true,
    });
    expect(compareBody({ source: { kind: 'stored', filters: { channel: 'x', limit: 50 } }, explain: false }, candidate)).toEqual({ stored: { channel: 'x', limit: 50 }, candidate });
  });
});

describe('running a comparison into the store', () => {
  const request: RunRequest = { source: { kind: 'text', text: '…', fileName: 'm.ndjson' }, explain: false };
  /** An onRun that plays `events`, yielding between them like a network would. */
  const playing =
    (events: CompareEvent[], end: 'complete' | 'hang' = 'complete'): OnRun =>
    async (_request, handlers) => {
      for (const event of events) {
        await Promise.resolve();
        if (handlers.signal.aborted) throw new DOMException('aborted', 'AbortError');
        dispatchEvent(event, handlers);
      }
      if (end === 'hang') await new Promise((_resolve, reject) => handlers.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };

  it('adds rows in frame-sized batches, counts the changed ones, and ends with the summary', async () => {
    const store = createSimulationStore();
    const frames: (() => void)[] = [];
    const updates: number[] = [];
    store.subscribe((state, previous) => state.rows !== previous.rows && updates.push(state.rows.length));
    const rows = Array.from({ length: 500 }, (_unused, index) => row(index, index % 5 === 0 ? { queue: 'refunds' } : {}));
    const running = runComparison(store, playing([start(500), ...rows, summaryOf(rows)]), request, (callback) => frames.push(callback));
    await vi.waitFor(() => expect(frames.length).toBeGreaterThan(0));
    frames.splice(0).forEach((frame) => frame());
    await running;
    const state = store.getState();
    expect(state.run).toEqual({ status: 'done' });
    expect(state.rows).toHaveLength(500);
    expect(state.rows.map((item) => item.index)).toEqual(rows.map((item) => item.index));
    expect(state.changedCount).toBe(100);
    expect(state.summary?.changed).toBe(100);
    expect(updates.length).toBeLessThan(10); // not one store update per row
    expect(state.cancel).toBeNull();
  });

  it('cancels: the request is aborted, the rows so far stay, and the run says so', async () => {
    const store = createSimulationStore();
    const rows = [row(0), row(1)];
    const running = runComparison(store, playing([start(10), ...rows], 'hang'), request, (callback) => void callback());
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    store.getState().cancel!();
    await running;
    expect(store.getState().run).toEqual({ status: 'cancelled', message: 'Cancelled after 2 of 10 mentions; the summary covers those shown.' });
    expect(store.getState().rows).toHaveLength(2);
  });

  it('a new run aborts the previous one, whose late events are ignored', async () => {
    const store = createSimulationStore();
    let firstSignal: AbortSignal | undefined;
    const first: OnRun = async (_request, handlers) => {
      firstSignal = handlers.signal;
      handlers.onStart(start(1));
      await new Promise((resolve) => setTimeout(resolve, 20));
      handlers.onRow(row(0, { queue: 'stale' })); // arrives after the second run began
    };
    const one = runComparison(store, first, request, (callback) => void callback());
    const two = runComparison(store, playing([start(1), row(0), summaryOf([row(0)])]), request, (callback) => void callback());
    await Promise.all([one, two]);
    expect(firstSignal?.aborted).toBe(true);
    expect(store.getState().rows.map((item) => item.after.queue)).toEqual(['billing']);
    expect(store.getState().run.status).toBe('done');
  });

  it('a stream that ends without its summary is an error; a refusal lists its problems', async () => {
    const store = createSimulationStore();
    await runComparison(store, playing([start(3), row(0)]), request, (callback) => void callback());
    expect(store.getState().run).toMatchObject({ status: 'error', message: expect.stringContaining('stopped before its end') });
    await runComparison(
      store,
      async () => {
        throw new ApiRequestError(422, 'validation_failed', 'text: no mentions in the text', [{ field: 'text', message: 'no mentions in the text' }]);
      },
      request,
    );
    expect(store.getState().run).toEqual({ status: 'error', message: 'text: no mentions in the text', problems: ['text: no mentions in the text'] });
    expect(store.getState().rows).toEqual([]);
  });
});
