// Reads a batch of mentions or requests (NDJSON, JSON array or CSV): valid records in input order, bad lines with reasons.
import { detectRecordFormat, type ReadRecords, type RecordError, type RecordFormat, type ValidRecord } from '@mentionflow/engine';
import { readTextFile, type Io } from './io.ts';

export interface InputBatch<T> {
  /** Valid records, in input order. */
  readonly records: ValidRecord<T>[];
  /** Rejected lines, by line number: invalid JSON, a schema failure, or an id seen earlier in the file. */
  readonly rejected: RecordError[];
}

/**
 * Read `file` (by extension, then content) with `read` (readRecords bound to a schema), and reject any record
 * whose id repeats an earlier one: the first keeps the id.
 */
export function readInput<T extends { id: string }>(
  file: string,
  what: string,
  cwd: string,
  read: (text: string, format: RecordFormat) => ReadRecords<T>,
): InputBatch<T> {
  const text = readTextFile(file, what, cwd);
  const result = read(text, detectRecordFormat(text, file === '-' ? undefined : file));
  const rejected = [...result.rejected];
  const records: ValidRecord<T>[] = [];
  const firstLine = new Map<string, number>();
  for (const record of result.valid) {
    const earlier = firstLine.get(record.value.id);
    if (earlier !== undefined) {
      rejected.push({ line: record.line, message: `id: duplicate id “${record.value.id}” (first on line ${earlier})` });
      continue;
    }
    firstLine.set(record.value.id, record.line);
    records.push(record);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { records, rejected };
}

/** Report rejected lines on stderr as `line N: reason`. */
export function reportRejected(io: Io, rejected: readonly RecordError[]): void {
  if (rejected.length > 0) io.err(rejected.map((error) => `line ${error.line}: ${error.message}`));
}
