// Reads mention or request files (NDJSON, a JSON array, or CSV) into records that remember their line numbers.
// Pure text in, records out: the CLI, the server and the editor's upload all read files the same way.
import Papa from 'papaparse';

export type RecordFormat = 'ndjson' | 'json' | 'csv';

export interface SourceRecord {
  /** 1-based line in the file where the record starts. */
  readonly line: number;
  readonly value: unknown;
}

export interface RecordError {
  readonly line: number;
  readonly message: string;
}

export interface RecordFile {
  readonly format: RecordFormat;
  readonly records: SourceRecord[];
  readonly errors: RecordError[];
}

/** Guess the format from a file name, then from the content. */
export function detectRecordFormat(text: string, fileName?: string): RecordFormat {
  const lower = fileName?.toLowerCase() ?? '';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return 'ndjson';
  return 'csv';
}

export function parseRecordFile(text: string, format: RecordFormat = detectRecordFormat(text)): RecordFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'ndjson') return parseNdjson(body);
  if (format === 'json') return parseJsonArray(body);
  return parseCsv(body);
}

/** JSON.parse that drops prototype-polluting keys, so `__proto__` never reaches an object. */
export function parseJsonSafely(text: string): unknown {
  return JSON.parse(text, (key, value) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value));
}

function parseNdjson(text: string): RecordFile {
  const records: SourceRecord[] = [];
  const errors: RecordError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    try {
      records.push({ line: index + 1, value: parseJsonSafely(line) });
    } catch (error) {
      errors.push({ line: index + 1, message: `not valid JSON: ${(error as Error).message}` });
    }
  });
  return { format: 'ndjson', records, errors };
}

function parseJsonArray(text: string): RecordFile {
  let parsed: unknown;
  try {
    parsed = parseJsonSafely(text);
  } catch (error) {
    return { format: 'json', records: [], errors: [{ line: lineOfJsonError(text, error as Error), message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(parsed)) return { format: 'json', records: [], errors: [{ line: 1, message: 'expected a JSON array of records' }] };
  const lines = elementLines(text);
  return { format: 'json', records: parsed.map((value, index) => ({ line: lines[index] ?? 1, value })), errors: [] };
}

function lineOfJsonError(text: string, error: Error): number {
  const position = /position (\d+)/.exec(error.message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

/** The line on which each top-level array element starts (a small scanner aware of strings and nesting). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectingElement = false;
  for (const char of text) {
    if (char === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectingElement && char !== ']') {
      lines.push(line);
      expectingElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectingElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectingElement = true;
  }
  return lines;
}

/** CSV with a header row; dotted headers (`author.handle`) build nested objects; empty cells are omitted. */
function parseCsv(text: string): RecordFile {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const errors: RecordError[] = result.errors.map((error) => ({ line: (error.row ?? 0) + 1, message: `CSV: ${error.message}` }));
  const rows = result.data;
  const header = rows[0];
  if (!header) return { format: 'csv', records: [], errors };
  const records: SourceRecord[] = [];
  // Papa reports rows, not lines: quoted cells may span lines, so count newlines row by row.
  let line = 1 + newlinesIn(header);
  for (let index = 1; index < rows.length; index++) {
    const row = rows[index]!;
    line += 1;
    const rowLine = line;
    line += row.reduce((sum, cell) => sum + newlinesIn([cell]), 0);
    if (row.length === 1 && row[0] === '') continue;
    const value: Record<string, unknown> = {};
    header.forEach((column, position) => {
      const cell = row[position];
      if (cell !== undefined && cell !== '') setPath(value, column.trim(), cell);
    });
    records.push({ line: rowLine, value });
  }
  return { format: 'csv', records, errors };
}

function newlinesIn(cells: readonly string[]): number {
  return cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  if (segments.some((segment) => !segment || FORBIDDEN.has(segment))) return;
  let current = target;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (next === null || typeof next !== 'object') current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  current[segments[segments.length - 1]!] = value;
}
