// The comparison as the workbench sees it: the events of POST /api/simulate/compare (one JSON value per line), and
// the `onRun`/`onExplain` callbacks through which the panel asks for them without knowing where evaluation happens.
import type { ComparisonSummaryJson, Decision, DecisionChange, PathTrace, RuleTrace } from '@mentionflow/engine';

/** A trace without its decision: per rule and per condition, and the path each workflow's graph took. */
export interface SideTrace {
  readonly rules: readonly RuleTrace[];
  readonly paths: readonly PathTrace[];
  /** When a virtual "now" sent the mention through the escalation workflows too. */
  readonly escalation?: { readonly rules: readonly RuleTrace[]; readonly paths: readonly PathTrace[] };
}

export interface RowExplanation {
  readonly before: SideTrace;
  readonly after: SideTrace;
}

export type { DecisionChange };

export type Rejection = { readonly line: number; readonly message: string } | { readonly index: number; readonly message: string };

export interface CompareStart {
  readonly type: 'start';
  readonly total: number;
  readonly rejected: readonly Rejection[];
  readonly baseline: { readonly workflows: Readonly<Record<string, number>> };
  readonly candidate: { readonly workflows: readonly string[] };
}

export interface CompareRow {
  readonly type: 'row';
  /** Counts rows from 0, in input order. */
  readonly index: number;
  /** The line of the file the mention was read from (text sources). */
  readonly line?: number;
  readonly mentionId: string;
  readonly channel: string;
  readonly text: string;
  readonly before: Decision;
  readonly after: Decision;
  readonly change: DecisionChange;
  readonly explanation?: RowExplanation;
}

export interface CompareProgress {
  readonly type: 'progress';
  readonly done: number;
  readonly total: number;
}

export type Counts = Readonly<Record<string, number>>;
/** from → to → number of mentions. */
export type Matrix = Readonly<Record<string, Counts>>;

/** Totals, counts per queue and priority on each side, and the from → to matrices (the engine's ComparisonSummary). */
export type CompareSummary = { readonly type: 'summary' } & ComparisonSummaryJson;

export type CompareEvent = CompareStart | CompareRow | CompareProgress | CompareSummary;

/** Where the mentions come from; exactly one. */
export type MentionSource =
  | { readonly kind: 'text'; readonly text: string; readonly fileName: string | null }
  | { readonly kind: 'stored'; readonly filters: StoredFilters }
  | { readonly kind: 'pack'; readonly packId: string };

export interface StoredFilters {
  readonly from?: string;
  readonly to?: string;
  readonly channel?: string;
  readonly queue?: string;
  readonly tag?: string;
  readonly limit?: number;
}

/** What the panel asks for. Which rules are "before" and "after" is the caller's business. */
export interface RunRequest {
  readonly source: MentionSource;
  /** ISO time: a virtual clock for escalations and follow-ups. */
  readonly now?: string;
  readonly explain: boolean;
}

export interface RunHandlers {
  readonly signal: AbortSignal;
  onStart(start: CompareStart): void;
  onRow(row: CompareRow): void;
  onProgress(progress: CompareProgress): void;
  onSummary(summary: CompareSummary): void;
}

/** Streams one comparison into the handlers; resolves when the stream ends, rejects on a refusal or a broken stream. */
export type OnRun = (request: RunRequest, handlers: RunHandlers) => Promise<void>;

/** The before/after explanation of one row that came without one. */
export type OnExplain = (row: CompareRow, request: RunRequest) => Promise<RowExplanation>;
