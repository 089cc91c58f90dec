// Imports a listening tool's export (CSV or NDJSON) through the ordinary ingest: each row mapped with its source's
// mapping, rows that cannot be mentions reported with their line and reason, repeats within the file and mentions
// already stored counted as duplicates. Rows go to ingest in chunks of at most 1,000, each committed before the next.
import { detectRecordFormat, parseRecordFile, type Mention } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { ApiError } from '../http/api-error.ts';
import { MAX_BATCH } from '../ingest/mention-ingest.ts';
import { mapRecord, mappedColumns } from './import-mapping.ts';
import type { StoredImportSource } from './import-source-store.ts';

export type ImportFormat = 'csv' | 'ndjson';

/** The largest file one import takes. */
export const IMPORT_FILE_LIMIT = 20 * 1024 * 1024;
export const IMPORT_CHUNK = Math.min(1000, MAX_BATCH);

export interface RejectedRow {
  /** The 1-based line where the row starts (CSV: the header is line 1). */
  readonly line: number;
  readonly reason: string;
}

export interface ImportSummary {
  readonly source: string;
  readonly format: ImportFormat;
  readonly rows: number;
  readonly created: number;
  readonly duplicates: number;
  readonly rejected: RejectedRow[];
}

/** Papa's note that a one-column file has no delimiter to detect is about the file, not a row. */
const NOT_A_ROW_PROBLEM = /auto-detect delimiting character/;

export async function importMentions(services: Services, source: StoredImportSource, text: string, requested?: ImportFormat): Promise<ImportSummary> {
  const format = requested ?? source.format ?? detectFormat(text);
  if (format === 'csv') checkColumns(source, text);
  const file = parseRecordFile(text, format);
  const rejected: RejectedRow[] = file.errors.filter((error) => !NOT_A_ROW_PROBLEM.test(error.message)).map((error) => ({ line: error.line, reason: error.message }));
  const brokenLines = new Set(rejected.map((row) => row.line));
  const timezone = source.timezone ?? (await services.settings.get()).timezone;
  const seen = new Set<string>();
  let created = 0;
  let duplicates = 0;
  for (let start = 0; start < file.records.length; start += IMPORT_CHUNK) {
    const batch: { line: number; mention: Mention }[] = [];
    for (const record of file.records.slice(start, start + IMPORT_CHUNK)) {
      if (brokenLines.has(record.line)) continue;
      const mapped = mapRecord(record.value, source, timezone, format === 'csv' ? 'column' : 'field');
      if ('reason' in mapped) {
        rejected.push({ line: record.line, reason: mapped.reason });
        continue;
      }
      const key = `${mapped.mention.channel}\u0000${mapped.mention.id}`;
      if (seen.has(key)) {
        duplicates += 1;
        continue;
      }
      seen.add(key);
      batch.push({ line: record.line, mention: mapped.mention });
    }
    if (batch.length === 0) continue;
    const results = await services.ingest.ingest(batch.map((row) => row.mention));
    results.forEach((result, index) => {
      if (result.status === 'rejected') rejected.push({ line: batch[index]!.line, reason: result.errors.map((issue) => `${issue.field}: ${issue.message}`).join('; ') });
      else if (result.status === 'created') created += 1;
      else duplicates += 1;
    });
  }
  rejected.sort((a, b) => a.line - b.line);
  const recordLines = new Set(file.records.map((record) => record.line));
  const unreadable = [...brokenLines].filter((line) => !recordLines.has(line)).length;
  return { source: source.name, format, rows: file.records.length + unreadable, created, duplicates, rejected };
}

function detectFormat(text: string): ImportFormat {
  const detected = detectRecordFormat(text);
  if (detected === 'json') throw new ApiError(422, 'unprocessable', 'the file is a JSON array: send NDJSON (one JSON object per line) or CSV');
  return detected;
}

/** A CSV must have every column the mapping reads: a missing one is a wrong mapping or a wrong file, not bad rows. */
function checkColumns(source: StoredImportSource, text: string): void {
  const header = csvHeader(text);
  const missing = mappedColumns(source).filter(({ column }) => !header.includes(column));
  if (missing.length === 0) return;
  const names = missing.map(({ column, target }) => `“${column}” (mapped to ${target})`).join(', ');
  throw new ApiError(422, 'unprocessable', `the file has no column ${names}; its columns are: ${header.map((column) => `“${column}”`).join(', ') || '(none)'}`, {
    missing: missing.map(({ column, target }) => ({ field: target, message: `no column “${column}” in the file` })),
    columns: header,
  });
}

/**
 * The header row's cells, trimmed as the record reader trims them (quotes and doubled quotes understood). The
 * delimiter is the one of `,` `;` tab `|` the header uses most, as the reader's detection finds it in practice.
 */
export function csvHeader(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const delimiter = [',', ';', '\t', '|'].reduce((best, candidate) => (unquoted.split(candidate).length > unquoted.split(best).length ? candidate : best), ',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell.trim());
  return cells.length === 1 && cells[0] === '' ? [] : cells;
}
