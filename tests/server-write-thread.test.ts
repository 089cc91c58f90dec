// The write thread runs write batches as the calling thread would: the same results (changes, row ids, rows of
// RETURNING), the same errors (code, statement index, nothing of the batch kept), and what it commits is there for
// the next read of the calling thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibsqlBatchError, type InStatement, type ResultSet } from '@libsql/client';
import { NativeClient } from '../apps/server/src/db/native-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'mentionflow-write-thread-'));
const PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = FULL', 'PRAGMA busy_timeout = 5000', 'PRAGMA foreign_keys = ON'];
const clients: NativeClient[] = [];
afterAll(() => {
  for (const client of clients) client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, writeThread: boolean): Promise<NativeClient> {
  const client = new NativeClient(join(dir, name), { pragmas: PRAGMAS, writeThread });
  clients.push(client);
  await client.execute('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size REAL, data BLOB)');
  return client;
}

const plain = (results: ResultSet[]) => results.map((result) => ({ ...result.toJSON(), rows: result.rows.map((row) => ({ ...row, values: Array.from(row) })) }));

const batches: InStatement[][] = [
  [
    { sql: 'INSERT INTO items (name, size) VALUES (?, ?)', args: ['a', 1.5] },
    { sql: 'INSERT INTO items (name, size, data) VALUES (?, ?, ?)', args: ['b', 2, new Uint8Array([1, 2, 3])] },
    { sql: 'INSERT INTO items (name) VALUES (?) ON CONFLICT (name) DO NOTHING', args: ['a'] },
  ],
  [
    { sql: 'UPDATE items SET size = size * 2 WHERE size IS NOT NULL RETURNING id, name, size', args: [] },
    { sql: 'INSERT INTO items (name, size) VALUES (:name, :size)', args: { name: 'c', size: null } },
    'DELETE FROM items WHERE name = \'nothing\'',
  ],
];

describe('the write thread', () => {
  it('starts under a stream of write batches, then answers as the calling thread does', { timeout: 60_000 }, async () => {
    const here = await open('here.db', false);
    const there = await open('there.db', true);
    // A burst of write batches: the thread starts; until it is ready they run in the calling thread.
    for (let round = 0; round < 40 && !there.writesOnThread; round++) {
      await there.batch(Array.from({ length: 50 }, (_, index) => ({ sql: 'INSERT INTO items (name) VALUES (?)', args: [`warm-${round}-${index}`] })), 'write');
      await here.batch(Array.from({ length: 50 }, (_, index) => ({ sql: 'INSERT INTO items (name) VALUES (?)', args: [`warm-${round}-${index}`] })), 'write');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(there.writesOnThread).toBe(true);
    // Its connection has the same durability settings (2: FULL) and journal.
    expect((await there.batch(['PRAGMA synchronous', 'PRAGMA journal_mode', 'PRAGMA foreign_keys'], 'write')).map((result) => result.rows[0]![0])).toEqual([2, 'wal', 1]);
    for (const batch of batches) expect(plain(await there.batch(batch, 'write'))).toEqual(plain(await here.batch(batch, 'write')));
    // Committed on the thread, read here.
    expect((await there.execute("SELECT name, size, hex(data) AS data FROM items WHERE name IN ('a', 'b', 'c') ORDER BY name")).rows.map((row) => ({ ...row }))).toEqual([
      { name: 'a', size: 3, data: '' },
      { name: 'b', size: 4, data: '010203' },
      { name: 'c', size: null, data: '' },
    ]);
  });

  it('reports a failing statement as the client does and keeps nothing of its batch', { timeout: 60_000 }, async () => {
    const there = clients.find((client) => client.writesOnThread)!;
    const before = (await there.execute('SELECT count(*) AS n FROM items')).rows[0]!.n;
    const failure = await there
      .batch(
        [
          { sql: 'INSERT INTO items (name) VALUES (?)', args: ['kept?'] },
          { sql: 'INSERT INTO items (name) VALUES (?)', args: ['a'] },
        ],
        'write',
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(LibsqlBatchError);
    expect(failure).toMatchObject({ statementIndex: 1, code: 'SQLITE_CONSTRAINT', extendedCode: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect((failure as Error).message).toMatch(/^SQLITE_CONSTRAINT: .*UNIQUE constraint failed: items\.name/);
    expect((await there.execute('SELECT count(*) AS n FROM items')).rows[0]!.n).toBe(before);
    // And the thread goes on.
    expect((await there.batch([{ sql: 'INSERT INTO items (name) VALUES (?)', args: ['after'] }], 'write'))[0]!.rowsAffected).toBe(1);
  });
});
