// The results as a file, built in the browser: CSV for a spreadsheet (one row per mention, both decisions side by
// side) or NDJSON with the full decisions. Nothing is asked of the server.
import type { Decision } from '@mentionflow/engine';
import type { CompareRow } from '../compare-types.ts';
import { keyActions, queueLabel } from './decision-text.ts';

export type ExportFormat = 'csv' | 'ndjson';

export const CSV_COLUMNS = [
  'index',
  'mentionId',
  'channel',
  'text',
  'changed',
  'changedFields',
  'queueBefore',
  'queueAfter',
  'priorityBefore',
  'priorityAfter',
  'tagsBefore',
  'tagsAfter',
  'actionsBefore',
  'actionsAfter',
] as const;

/**
 * One CSV cell: quoted when it holds a comma, a quote or a line break. Text that a spreadsheet would run as a formula
 * (starting with = + - @, as mention texts from strangers may) gets a leading apostrophe.
 */
export function csvCell(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const actionTypes = (decision: Decision) => [...new Set(decision.actions.map((action) => action.type))].join(' ');

export function rowsToCsv(rows: readonly CompareRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const cells = [
      row.index,
      row.mentionId,
      row.channel,
      row.text,
      row.change.changed,
      row.change.fields.join(' '),
      queueLabel(row.before.queue),
      queueLabel(row.after.queue),
      row.before.priority,
      row.after.priority,
      row.before.tags.join(' '),
      row.after.tags.join(' '),
      actionTypes(row.before),
      actionTypes(row.after),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON object per line: the row without its explanation (explanations are large; explain a mention to see one). */
export function rowsToNdjson(rows: readonly CompareRow[]): string {
  return rows
    .map((row) =>
      JSON.stringify({
        index: row.index,
        mentionId: row.mentionId,
        channel: row.channel,
        text: row.text,
        changed: row.change.changed,
        change: row.change,
        before: row.before,
        after: row.after,
        keyActions: { before: keyActions(row.before), after: keyActions(row.after) },
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export function exportRows(rows: readonly CompareRow[], format: ExportFormat): { text: string; type: string; extension: string } {
  return format === 'csv'
    ? { text: rowsToCsv(rows), type: 'text/csv;charset=utf-8', extension: 'csv' }
    : { text: rowsToNdjson(rows), type: 'application/x-ndjson', extension: 'ndjson' };
}

/** Save text as a file through a temporary link (the same way the canvas offers "Download my changes"). */
export function downloadText(text: string, type: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
