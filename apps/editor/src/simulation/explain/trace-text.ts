// Words for traces: a value as it reads in a clause, a group's heading, a verdict.
import type { GroupTrace } from '@mentionflow/engine';

const MAX_TEXT = 160;

/** `"refund"` reads “refund”, a list “a”, “b”, a term list by language en: “a”; fr: “b”, nothing at all “—”. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return `“${value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value}”`;
  if (typeof value === 'boolean') return value ? 'yes (true)' : 'no (false)';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(empty list)' : value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '(empty)' : entries.map(([key, entry]) => `${key}: ${formatValue(entry)}`).join('; ');
  }
  return String(value);
}

/** What a group stands for: a condition node (its own clauses, or its "no" branch) or how paths combine. */
export function groupHeading(group: Pick<GroupTrace, 'kind' | 'nodeId' | 'branch'>): string {
  if (group.nodeId !== undefined && group.kind === 'not') return `“no” branch of ${group.nodeId}: its condition must not hold`;
  if (group.nodeId !== undefined) return `${group.nodeId}: ${group.kind === 'any' ? 'any' : 'all'} of its clauses`;
  if (group.kind === 'any') return 'Any of these ways in';
  if (group.kind === 'not') return 'Not';
  return 'All of';
}

export type Verdict = 'passed' | 'failed' | 'not evaluated';

export function verdictOf(result: boolean, evaluated = true): Verdict {
  if (!evaluated) return 'not evaluated';
  return result ? 'passed' : 'failed';
}

export const VERDICT_MARK: Record<Verdict, string> = { passed: '✓', failed: '✗', 'not evaluated': '–' };
