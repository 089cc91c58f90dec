// The workbench's store: one per open workbench (created by SimulationStoreProvider), its state beside its actions.
// It holds what the panel shows — the chosen mentions, the streamed rows, the summary, filters and explanations —
// and nothing about where the comparison ran.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CompareProgress, CompareRow, CompareStart, CompareSummary, RowExplanation, RunRequest } from '../compare-types.ts';
import { NO_FILTERS, type RowFilters } from '../results/row-filters.ts';

export type SourceMode = 'file' | 'stored' | 'pack';

export interface StoredDraft {
  readonly from: string;
  readonly to: string;
  readonly channel: string;
  readonly queue: string;
  readonly tag: string;
  readonly limit: string;
}

export interface SourceDraft {
  readonly mode: SourceMode;
  readonly text: string;
  readonly fileName: string | null;
  readonly stored: StoredDraft;
  readonly packId: string;
}

export type RunState =
  | { readonly status: 'idle' | 'running' | 'done' }
  | { readonly status: 'cancelled'; readonly message: string }
  | { readonly status: 'error'; readonly message: string; readonly problems: readonly string[] };

export type ExplanationState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly explanation: RowExplanation }
  | { readonly status: 'error'; readonly message: string };

export type Side = 'before' | 'after';

export interface SimulationState {
  readonly source: SourceDraft;
  /** A `datetime-local` value; empty means "when each mention arrived". */
  readonly now: string;
  readonly explain: boolean;
  /** Bumped by every run, so a cancelled run's late events are ignored. */
  readonly runId: number;
  readonly run: RunState;
  /** The request the rows shown answer (what a row's explanation or case is asked with). */
  readonly request: RunRequest | null;
  readonly start: CompareStart | null;
  readonly rows: readonly CompareRow[];
  readonly changedCount: number;
  readonly progress: { readonly done: number; readonly total: number };
  readonly summary: CompareSummary | null;
  readonly filters: RowFilters;
  /** The selected row's `index`. */
  readonly selected: number | null;
  readonly explanations: Readonly<Record<number, ExplanationState>>;
  /** Which decision's trace the explanation and the canvas show. */
  readonly side: Side;
  /** Stops the running comparison (aborts its request). */
  readonly cancel: (() => void) | null;
}

export interface SimulationActions {
  setSource(changes: Partial<SourceDraft>): void;
  setStored(changes: Partial<StoredDraft>): void;
  setNow(now: string): void;
  setExplain(explain: boolean): void;
  /** A run starts: previous results go; returns the run's id. */
  began(request: RunRequest, cancel: () => void): number;
  started(runId: number, start: CompareStart): void;
  /** A frame's worth of rows and progress. */
  received(runId: number, items: readonly (CompareRow | CompareProgress)[]): void;
  summarized(runId: number, summary: CompareSummary): void;
  finished(runId: number, run: RunState): void;
  setFilters(changes: Partial<RowFilters>): void;
  select(index: number | null): void;
  explanationChanged(index: number, state: ExplanationState): void;
  setSide(side: Side): void;
}

export type SimulationStore = StoreApi<SimulationState & { actions: SimulationActions }>;

export const EMPTY_STORED: StoredDraft = { from: '', to: '', channel: '', queue: '', tag: '', limit: '500' };

export function createSimulationStore(): SimulationStore {
  return createStore<SimulationState & { actions: SimulationActions }>()((set, get) => {
    const current = (runId: number) => get().runId === runId;
    const actions: SimulationActions = {
      setSource(changes) {
        set((state) => ({ source: { ...state.source, ...changes } }));
      },
      setStored(changes) {
        set((state) => ({ source: { ...state.source, stored: { ...state.source.stored, ...changes } } }));
      },
      setNow(now) {
        set({ now });
      },
      setExplain(explain) {
        set({ explain });
      },
      began(request, cancel) {
        const runId = get().runId + 1;
        set({
          runId,
          request,
          cancel,
          run: { status: 'running' },
          start: null,
          rows: [],
          changedCount: 0,
          progress: { done: 0, total: 0 },
          summary: null,
          selected: null,
          explanations: {},
        });
        return runId;
      },
      started(runId, start) {
        if (current(runId)) set({ start, progress: { done: 0, total: start.total } });
      },
      received(runId, items) {
        if (!current(runId)) return;
        const rows: CompareRow[] = [];
        let progress: CompareProgress | null = null;
        for (const item of items) {
          if (item.type === 'row') rows.push(item);
          else progress = item;
        }
        set((state) => {
          const all = rows.length ? [...state.rows, ...rows] : state.rows;
          const done = Math.max(progress?.done ?? 0, all.length);
          return {
            rows: all,
            changedCount: state.changedCount + rows.filter((row) => row.change.changed).length,
            progress: { done, total: Math.max(progress?.total ?? state.progress.total, done) },
          };
        });
      },
      summarized(runId, summary) {
        if (current(runId)) set({ summary });
      },
      finished(runId, run) {
        if (current(runId)) set({ run, cancel: null });
      },
      setFilters(changes) {
        set((state) => ({ filters: { ...state.filters, ...changes } }));
      },
      select(selected) {
        set({ selected });
      },
      explanationChanged(index, explanation) {
        set((state) => ({ explanations: { ...state.explanations, [index]: explanation } }));
      },
      setSide(side) {
        set({ side });
      },
    };
    return {
      source: { mode: 'file', text: '', fileName: null, stored: EMPTY_STORED, packId: '' },
      now: '',
      explain: true,
      runId: 0,
      run: { status: 'idle' },
      request: null,
      start: null,
      rows: [],
      changedCount: 0,
      progress: { done: 0, total: 0 },
      summary: null,
      filters: NO_FILTERS,
      selected: null,
      explanations: {},
      side: 'after',
      cancel: null,
      actions,
    };
  });
}
