// Values, rows, results and errors as @libsql/client presents them, for the native client (native-client.ts) and
// its write thread: arguments converted the same way, integers as numbers, rows readable by index and by name,
// SQLite's errors as LibsqlError with the base code in `code` and the specific one in `extendedCode`.
import Database from 'libsql';
import { LibsqlBatchError, LibsqlError, type InArgs, type InValue, type ResultSet, type Row, type TransactionMode, type Value } from '@libsql/client';

/** A statement's outcome as plain data: what crosses from the write thread, and what a ResultSet is built from. */
export interface RawResult {
  readonly columns: string[];
  readonly columnTypes: string[];
  readonly rows: Value[][];
  readonly rowsAffected: number;
  readonly lastInsertRowid: bigint | undefined;
}

const MIN_INTEGER = -9223372036854775808n;
const MAX_INTEGER = 9223372036854775807n;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function fromSql(value: unknown): Value {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Uint8Array) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer;
  return value as Value;
}

function toSql(value: InValue): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INTEGER || value > MAX_INTEGER) throw new RangeError('bigint is too large to be represented as a 64-bit integer and passed as argument');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

export function bindArgs(args: InArgs): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const name in args) named[name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name] = toSql(args[name]!);
  return named;
}

const VALUES = Symbol('values');

/**
 * Rows shaped as @libsql/client's: column names as enumerable properties (the first of a repeated name wins), every
 * value by index and `length` not enumerable. Indexes and length live on a prototype shared by the result's rows.
 */
export function rowMaker(names: readonly string[]): (values: Value[]) => Row {
  const proto: Record<PropertyKey, unknown> = Object.create(Object.prototype, { length: { value: names.length } });
  const named: [string, number][] = [];
  names.forEach((name, index) => {
    Object.defineProperty(proto, index, {
      get(this: { [VALUES]: Value[] }) {
        return this[VALUES][index];
      },
    });
    const isIndex = /^\d+$/.test(name) && Number(name) < names.length;
    if (!isIndex && name !== 'length' && !named.some(([seen]) => seen === name)) named.push([name, index]);
  });
  return (values) => {
    const row = Object.create(proto) as Record<PropertyKey, unknown>;
    Object.defineProperty(row, VALUES, { value: values });
    for (const [name, index] of named) row[name] = values[index];
    return row as unknown as Row;
  };
}

class NativeResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}

  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.map.call(row, (value: Value) => (typeof value === 'bigint' ? String(value) : value instanceof ArrayBuffer ? Buffer.from(value).toString('base64') : value))),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid === undefined ? null : String(this.lastInsertRowid),
    };
  }
}

/** The ResultSet of a raw result; `rowOf` when the statement has one already (made once per prepared statement). */
export function resultOf(raw: RawResult, rowOf?: (values: Value[]) => Row): ResultSet {
  const rows = raw.rows.length === 0 ? [] : raw.rows.map(rowOf ?? rowMaker(raw.columns));
  return new NativeResultSet(raw.columns, raw.columnTypes, rows, raw.rowsAffected, raw.lastInsertRowid);
}

export function beginFor(mode: TransactionMode): string {
  if (mode === 'write') return 'BEGIN IMMEDIATE';
  if (mode === 'read') return 'BEGIN TRANSACTION READONLY';
  if (mode === 'deferred') return 'BEGIN DEFERRED';
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
}

const BASE_CODES = [
  '',
  'SQLITE_ERROR',
  'SQLITE_INTERNAL',
  'SQLITE_PERM',
  'SQLITE_ABORT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_INTERRUPT',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_NOTFOUND',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_EMPTY',
  'SQLITE_SCHEMA',
  'SQLITE_TOOBIG',
  'SQLITE_CONSTRAINT',
  'SQLITE_MISMATCH',
  'SQLITE_MISUSE',
  'SQLITE_NOLFS',
  'SQLITE_AUTH',
  'SQLITE_FORMAT',
  'SQLITE_RANGE',
  'SQLITE_NOTADB',
  'SQLITE_NOTICE',
  'SQLITE_WARNING',
];

/** SQLite's errors as @libsql/client reports them: `code` the base code, `extendedCode` the specific one. */
export function mapError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const { code, rawCode } = error as unknown as { code: string; rawCode?: number };
  const base = rawCode === undefined ? 'SQLITE_UNKNOWN' : (BASE_CODES[rawCode & 0xff] ?? `SQLITE_UNKNOWN_${rawCode & 0xff}`);
  return new LibsqlError(error.message, base, code, rawCode, error);
}

export function batchError(error: unknown, index: number): unknown {
  if (error instanceof LibsqlBatchError || !(error instanceof LibsqlError)) return error;
  return new LibsqlBatchError(error.message, index, error.code, error.extendedCode, error.rawCode, error.cause instanceof Error ? error.cause : undefined);
}
