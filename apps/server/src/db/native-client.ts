// A libsql `Client` over one embedded connection that keeps its prepared statements. @libsql/client prepares every
// statement again on each call (and learns that a write returns no rows by catching an exception); ingest runs the
// same dozen statements thousands of times a second, so here each SQL text is prepared once and reused.
// Under a steady stream of write batches (the group commits) those move to a write thread with a second connection
// (write-thread.ts), so that inserting, fsyncing and checkpointing no longer stop this thread's event loop.
// Results, errors and transactions behave as @libsql/client's (sqlite-values.ts); it serves drizzle and the raw
// `client.execute` calls alike.
import Database from 'libsql';
import { LibsqlError, type Client, type InArgs, type InStatement, type ResultSet, type Row, type Transaction, type TransactionMode, type Value } from '@libsql/client';
import { batchError, beginFor, bindArgs, fromSql, mapError, resultOf, rowMaker, type RawResult } from './sqlite-values.ts';
import { WriteThread } from './write-thread.ts';

type Connection = Database.Database;

/** Prepared statements kept per connection; ingest and the scheduler use a few dozen. */
const CACHE_LIMIT = 500;
/** Write batches move to the write thread once this many statements a second are written in them. */
const WRITE_THREAD_AT_PER_SECOND = 500;
const NONE: string[] = [];

interface Prepared {
  readonly statement: Database.Statement;
  readonly reader: boolean;
  /** A reader's column names and declared types, and how it builds its rows (read once: a native call each). */
  readonly names: string[];
  readonly types: string[];
  readonly row: ((values: Value[]) => Row) | undefined;
}

/** Statements that change the schema: cached statements (and their column lists) are dropped after one runs. */
const SCHEMA_CHANGE = /^\s*(CREATE|ALTER|DROP)\b/i;

export interface NativeClientOptions {
  /** PRAGMAs every connection gets when it opens (this one and the write thread's). */
  readonly pragmas?: readonly string[];
  /** Whether write batches may move to a write thread under load (the write thread's own client may not). */
  readonly writeThread?: boolean;
}

export class NativeClient implements Client {
  readonly protocol = 'file';
  private db: Connection;
  private readonly statements = new Map<string, Prepared>();
  /** Held while a `transaction()` is open: other calls wait for it, as with a one-connection pool. */
  private held: Promise<void> | undefined;
  private readonly writer: WriteThread | undefined;

  constructor(
    private readonly path: string,
    private readonly options: NativeClientOptions = {},
  ) {
    this.db = this.open();
    this.writer = options.writeThread === false || path.startsWith(':memory:') || path.startsWith('file::memory:') ? undefined : new WriteThread(path, options.pragmas ?? [], WRITE_THREAD_AT_PER_SECOND);
  }

  get closed(): boolean {
    return !this.db.open;
  }

  /** Whether write batches run on the write thread now (it starts under load and stops when idle). */
  get writesOnThread(): boolean {
    return this.writer?.isReady ?? false;
  }

  async execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
    if (this.held) await this.waitForTransaction();
    return this.run(typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql);
  }

  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    if (this.held) await this.waitForTransaction();
    const statements = stmts.map((stmt) => (Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] ?? [] } : stmt));
    if (mode === 'write' && this.writer?.take(statements.length)) return (await this.writer.batch(statements)).map((raw) => resultOf(raw));
    return this.transact(mode, statements, (stmt) => this.run(stmt));
  }

  /** A write batch in this thread, as plain results (what the write thread answers with). */
  writeBatch(stmts: readonly InStatement[]): RawResult[] {
    return this.transact('write', stmts, (stmt) => this.step(stmt).raw);
  }

  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    if (this.held) await this.waitForTransaction();
    this.run('PRAGMA foreign_keys=off');
    try {
      return this.transact('deferred', stmts, (stmt) => this.run(stmt));
    } finally {
      this.statements.clear();
      this.run('PRAGMA foreign_keys=on');
    }
  }

  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    while (this.held) await this.waitForTransaction();
    let release!: () => void;
    this.held = new Promise((done) => (release = done));
    try {
      this.run(beginFor(mode));
    } catch (error) {
      this.held = undefined;
      release();
      throw error;
    }
    return new NativeTransaction(this, () => {
      this.held = undefined;
      release();
    });
  }

  async executeMultiple(sql: string): Promise<void> {
    if (this.held) await this.waitForTransaction();
    this.exec(sql);
  }

  async sync(): Promise<undefined> {
    return undefined;
  }

  close(): void {
    void this.writer?.stop();
    if (this.db.open) this.db.close();
    this.statements.clear();
  }

  reconnect(): void {
    if (this.db.open) this.db.close();
    this.statements.clear();
    this.db = this.open();
  }

  /** One statement, now (inside a transaction that `NativeTransaction` holds, or outside any). */
  run(stmt: InStatement): ResultSet {
    const { raw, prepared } = this.step(stmt);
    return resultOf(raw, prepared.row);
  }

  exec(sql: string): void {
    this.statements.clear();
    try {
      this.db.exec(sql);
    } catch (error) {
      throw mapError(error);
    }
  }

  get inOpenTransaction(): boolean {
    return this.db.inTransaction;
  }

  private open(): Connection {
    const db = new Database(this.path);
    for (const pragma of this.options.pragmas ?? []) db.exec(pragma);
    return db;
  }

  private step(stmt: InStatement): { raw: RawResult; prepared: Prepared } {
    const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] } : stmt;
    try {
      const prepared = this.prepare(sql);
      const bound = bindArgs(args ?? []);
      if (!prepared.reader) {
        const info = prepared.statement.run(bound);
        if (SCHEMA_CHANGE.test(sql)) this.statements.clear();
        return { raw: { columns: NONE, columnTypes: NONE, rows: [], rowsAffected: info.changes, lastInsertRowid: BigInt(info.lastInsertRowid) }, prepared };
      }
      const rows = (prepared.statement.all(bound) as unknown[][]).map((values) => values.map(fromSql));
      return { raw: { columns: prepared.names, columnTypes: prepared.types, rows, rowsAffected: 0, lastInsertRowid: undefined }, prepared };
    } catch (error) {
      throw mapError(error);
    }
  }

  private prepare(sql: string): Prepared {
    const cached = this.statements.get(sql);
    if (cached) {
      // Most recently used last, so the first key is the one to drop when full.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.db.prepare(sql);
    statement.safeIntegers(true);
    const reader = statement.reader;
    const columns = reader ? statement.raw(true).columns() : [];
    const names = columns.map((column) => column.name);
    const prepared: Prepared = { statement, reader, names, types: columns.map((column) => column.type ?? ''), row: reader ? rowMaker(names) : undefined };
    this.statements.set(sql, prepared);
    if (this.statements.size > CACHE_LIMIT) this.statements.delete(this.statements.keys().next().value!);
    return prepared;
  }

  private transact<T>(mode: TransactionMode, stmts: readonly InStatement[], each: (stmt: InStatement) => T): T[] {
    this.run(beginFor(mode));
    try {
      const results: T[] = [];
      for (let index = 0; index < stmts.length; index++) {
        try {
          results.push(each(stmts[index]!));
        } catch (error) {
          throw batchError(error, index);
        }
      }
      this.run('COMMIT');
      return results;
    } finally {
      if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
    }
  }

  private async waitForTransaction(): Promise<void> {
    while (this.held) await this.held;
  }
}

class NativeTransaction implements Transaction {
  closed = false;

  constructor(
    private readonly client: NativeClient,
    private readonly release: () => void,
  ) {}

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.checkOpen();
    return this.client.run(stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    this.checkOpen();
    return stmts.map((stmt, index) => {
      try {
        return this.client.run(stmt);
      } catch (error) {
        throw batchError(error, index);
      }
    });
  }

  async executeMultiple(sql: string): Promise<void> {
    this.checkOpen();
    this.client.exec(sql);
  }

  async rollback(): Promise<void> {
    if (this.closed) return;
    this.end('ROLLBACK');
  }

  async commit(): Promise<void> {
    this.checkOpen();
    this.end('COMMIT');
  }

  close(): void {
    if (!this.closed) this.end('ROLLBACK');
  }

  private end(sql: 'COMMIT' | 'ROLLBACK'): void {
    try {
      if (this.client.inOpenTransaction) this.client.run(sql);
    } finally {
      this.closed = true;
      this.release();
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
  }
}
