// Parse a file and validate each record against a schema: good records with their lines, bad ones with line and reason.
import type { z } from 'zod';
import { coerceCells } from './coerce-cells.ts';
import { parseRecordFile, type RecordError, type RecordFormat } from './record-file.ts';

export interface ValidRecord<T> {
  readonly line: number;
  readonly index: number;
  readonly value: T;
}

export interface ReadRecords<T> {
  readonly format: RecordFormat;
  readonly valid: ValidRecord<T>[];
  readonly rejected: RecordError[];
}

/** One sentence naming the field and what is wrong with it. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.map(String).join('.') : 'record';
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length ? `${issue.path.map(String).join('.')}.` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `“${prefix}${key}”`).join(', ')}`;
  }
  return `${field}: ${issue.message}`;
}

export function readRecords<S extends z.ZodType>(text: string, schema: S, format?: RecordFormat): ReadRecords<z.infer<S>> {
  const file = parseRecordFile(text, format);
  const valid: ValidRecord<z.infer<S>>[] = [];
  const rejected: RecordError[] = [...file.errors];
  file.records.forEach((record, index) => {
    const value = file.format === 'csv' ? coerceCells(record.value, schema) : record.value;
    const parsed = schema.safeParse(value);
    if (parsed.success) valid.push({ line: record.line, index, value: parsed.data });
    else rejected.push({ line: record.line, message: parsed.error.issues.map(describeIssue).join('; ') });
  });
  rejected.sort((a, b) => a.line - b.line);
  return { format: file.format, valid, rejected };
}
