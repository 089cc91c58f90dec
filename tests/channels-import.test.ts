// Listening-tool imports over real HTTP: a column mapping saved per source, CSV and NDJSON exports mapped to mentions
// (decided by the published workflows), rejected rows reported with their line and the field at fault, and
// duplicates counted within the file and across imports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import { settings } from './support/mentions.ts';
import { count, fixture, fixtureJson, http, publishRefundRouting, storedMention, type HttpAnswer } from './fixtures/channels/channel-helpers.ts';

let server: TestServer;
let base: string;
beforeEach(async () => {
  server = await startTestServer();
  base = await server.listen();
  // Dates without an offset are read in the workspace's time zone (Europe/Paris here).
  expect((await server.call('PUT', '/api/settings', settings)).status).toBe(200);
});
afterEach(async () => {
  await server.stop(true);
});

const json = (method: string, route: string, body: unknown): Promise<HttpAnswer> => http(base, method, route, JSON.stringify(body), { 'content-type': 'application/json' });
const saveSource = (name: string, source: unknown) => json('PUT', `/api/imports/sources/${name}`, source);
const importText = (source: string, text: string, format?: string) => json('POST', '/api/mentions/import', { source, text, ...(format ? { format } : {}) });

describe('import sources', () => {
  it('saves a mapping per source, lists it and updates it', async () => {
    const created = await saveSource('listening', fixtureJson('listening-mapping.json'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'listening', format: 'csv', dateFormat: 'auto', mapping: { id: 'Mention ID' }, channelValues: { Twitter: 'x' } });
    expect((await saveSource('other-tool', fixtureJson('listening-mapping-ndjson.json'))).status).toBe(201);
    const list = await http(base, 'GET', '/api/imports/sources');
    expect(list.body.sources.map((source: { name: string }) => source.name)).toEqual(['listening', 'other-tool']);
    const updated = await saveSource('listening', { ...fixtureJson('listening-mapping.json'), dateFormat: 'MM/DD/YYYY' });
    expect(updated.status).toBe(200);
    expect((await http(base, 'GET', '/api/imports/sources/listening')).body.dateFormat).toBe('MM/DD/YYYY');
    expect((await http(base, 'GET', '/api/imports/sources/nope')).status).toBe(404);
  });

  it('refuses a mapping without the required fields or with unknown ones, naming each', async () => {
    const answer = await saveSource('bad', { mapping: { id: 'ID', text: 'Text', 'author.karma': 'Karma', kind: { constant: 'tweet' } }, channelValues: { LinkedIn: 'linkedin' } });
    expect(answer.status).toBe(422);
    const fields = answer.body.details.map((issue: { field: string }) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(['mapping.author.karma', 'mapping.channel', 'mapping.createdAt', 'mapping.author.handle', 'channelValues.LinkedIn']));
    expect(answer.body.details.find((issue: { field: string }) => issue.field === 'mapping.author.karma').message).toMatch(/not a mention field/);
    expect((await saveSource('bad name!', fixtureJson('listening-mapping.json'))).status).toBe(400);
  });
});

describe('importing a CSV export', () => {
  beforeEach(async () => {
    await publishRefundRouting(server);
    expect((await saveSource('listening', fixtureJson('listening-mapping.json'))).status).toBe(201);
  });

  it('creates mentions, reports each rejected row with its line and the field at fault, and counts repeats as duplicates', async () => {
    const answer = await importText('listening', fixture('listening-export.csv'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ source: 'listening', format: 'csv', rows: 9, created: 4, duplicates: 1 });
    expect(answer.body.rejected).toEqual([
      { line: 4, reason: 'channel (column “Platform”): “LinkedIn” is not a channel; map it in channelValues (channels: x, facebook, instagram, messenger, whatsapp, review, email, chat)' },
      { line: 5, reason: expect.stringMatching(/^createdAt \(column “Date”\): “yesterday” is not a date in the form ISO 8601, .*Europe\/Paris/) },
      { line: 9, reason: 'author.handle (column “Author”): no value' },
      { line: 10, reason: 'author.followers (column “Followers”): “lots” is not a number' },
    ]);
    expect(await count(server, 'mentions')).toBe(4);
  });

  it('maps each field: channel names, thousands separators, local dates in the workspace zone, US dates, offsets', async () => {
    await importText('listening', fixture('listening-export.csv'));
    const first = await storedMention(server, 'x', 'tw-1001');
    expect(first.mention).toMatchObject({
      kind: 'post',
      text: 'I want a refund for AC123 @acmeair',
      lang: 'en',
      createdAt: '2026-03-02T09:00:00.000Z',
      author: { handle: '@jdoe_travels', name: 'Jo Doe', followers: 1543 },
    });
    // The published workflows decide imported mentions like any other.
    expect(first.decision).toMatchObject({ queue: 'billing', priority: 'P2' });
    expect((await storedMention(server, 'facebook', 'fb-2001')).mention).toMatchObject({ kind: 'comment', lang: 'fr', createdAt: '2026-03-02T09:05:00.000Z' });
    expect((await storedMention(server, 'facebook', 'fb-2001')).decision.queue).toBe('general');
    expect((await storedMention(server, 'instagram', 'ig-3001')).mention.text).toBe('Thanks for the upgrade!\nGreat crew on AC88');
    expect((await storedMention(server, 'x', 'tw-1006')).mention).toMatchObject({ kind: 'reply', createdAt: '2026-03-02T09:15:00.000Z' });
  });

  it('importing the same export again creates nothing: every row is a duplicate or rejected again', async () => {
    await importText('listening', fixture('listening-export.csv'));
    const again = await importText('listening', fixture('listening-export.csv'));
    expect(again.body).toMatchObject({ created: 0, duplicates: 5 });
    expect(again.body.rejected.map((row: { line: number }) => row.line)).toEqual([4, 5, 9, 10]);
    expect(await count(server, 'mentions')).toBe(4);
    expect(await count(server, 'tickets')).toBe(4);
  });

  it('takes the raw file as text/csv with ?source=', async () => {
    const answer = await http(base, 'POST', '/api/mentions/import?source=listening', fixture('listening-export.csv'), { 'content-type': 'text/csv; charset=utf-8' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 4, duplicates: 1 });
    const missingSource = await http(base, 'POST', '/api/mentions/import', fixture('listening-export.csv'), { 'content-type': 'text/csv' });
    expect(missingSource.status).toBe(400);
    expect(missingSource.body.message).toMatch(/^source:/);
    expect((await http(base, 'POST', '/api/mentions/import?source=listening', 'x', { 'content-type': 'application/xml' })).status).toBe(415);
  });

  it('refuses a file missing a mapped column, naming it and the columns it has, and stores nothing', async () => {
    const text = fixture('listening-export.csv').replace('Mention ID,Date', 'ID,Date');
    const answer = await importText('listening', text);
    expect(answer.status).toBe(422);
    expect(answer.body.message).toContain('no column “Mention ID” (mapped to id)');
    expect(answer.body.message).toContain('“ID”');
    expect(await count(server, 'mentions')).toBe(0);
  });

  it('reads semicolon-separated exports, and counts lines through quoted line breaks', async () => {
    const text = 'Mention ID;Date;Platform;Author;Content;Type\n' + 'a-1;2026-03-02 10:00;Twitter;@a;"line one\nline two\nline three";Post\n' + 'a-2;bad;Twitter;@b;x;Post\n';
    await saveSource('semicolons', { mapping: { id: 'Mention ID', createdAt: 'Date', channel: 'Platform', 'author.handle': 'Author', text: 'Content', kind: 'Type' }, channelValues: { Twitter: 'x' } });
    const answer = await importText('semicolons', text, 'csv');
    expect(answer.body).toMatchObject({ created: 1, rejected: [{ line: 5, reason: expect.stringContaining('createdAt (column “Date”)') }] });
  });

  it('reads a raw UTF-16 tab-separated export (with its byte order mark)', async () => {
    const tsv = fixture('listening-export.csv').split('\n').slice(0, 3).map((line) => line.replaceAll(',"1,543"', ',1543').replaceAll(',', '\t')).join('\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    const response = await fetch(`${base}/api/mentions/import?source=listening`, { method: 'POST', headers: { 'content-type': 'text/csv', ...(await server.headersFor('admin')) }, body: bytes });
    expect(await response.json()).toMatchObject({ created: 2, rejected: [] });
    expect((await storedMention(server, 'x', 'tw-1001')).mention.author.followers).toBe(1543);
  });

  it('answers 404 for an unknown source', async () => {
    const answer = await importText('nobody', fixture('listening-export.csv'));
    expect(answer.status).toBe(404);
    expect(answer.body.message).toContain('PUT /api/imports/sources/nobody');
  });

  it('does not disturb /api/mentions: ingest and reading a mention back still work beside the import route', async () => {
    await importText('listening', fixture('listening-export.csv'));
    expect((await http(base, 'GET', '/api/mentions/tw-1001?channel=x')).status).toBe(200);
    expect((await http(base, 'GET', '/api/mentions/import')).status).toBe(404);
    const posted = await json('POST', '/api/mentions', { id: 'api-1', channel: 'x', kind: 'post', text: 'hi', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@x' } });
    expect(posted.status).toBe(201);
  });
});

describe('importing an NDJSON export', () => {
  it('reads nested fields, constants, day-first dates in the source’s own zone; rejects bad lines by number', async () => {
    await saveSource('other-tool', fixtureJson('listening-mapping-ndjson.json'));
    const answer = await importText('other-tool', fixture('listening-export.ndjson'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ format: 'ndjson', rows: 5, created: 2, duplicates: 0 });
    expect(answer.body.rejected).toEqual([
      { line: 3, reason: expect.stringMatching(/^createdAt \(field “published”\): “2026-03-02” is not a date in the form “DD\/MM\/YYYY HH:mm\[:ss\]” \(America\/New_York\); author\.handle \(field “user\.screen_name”\): no value$/) },
      { line: 4, reason: expect.stringMatching(/^not valid JSON/) },
      { line: 6, reason: expect.stringMatching(/^createdAt \(field “published”\): “31\/02\/2026 11:15” is not a date/) },
    ]);
    expect((await storedMention(server, 'facebook', 'n-1')).mention).toMatchObject({
      kind: 'comment',
      text: 'Refund still pending for QX7P2L',
      createdAt: '2026-03-02T16:00:00.000Z',
      author: { handle: 'camille.m', name: 'Camille Martin', followers: 820, verified: false },
    });
    expect((await storedMention(server, 'facebook', 'n-2')).mention.author).toEqual({ handle: 'pat.r', followers: 1204, verified: true });
  });

  it('takes the raw file as application/x-ndjson', async () => {
    await saveSource('other-tool', fixtureJson('listening-mapping-ndjson.json'));
    const answer = await http(base, 'POST', '/api/mentions/import?source=other-tool', fixture('listening-export.ndjson'), { 'content-type': 'application/x-ndjson' });
    expect(answer.body).toMatchObject({ format: 'ndjson', created: 2 });
  });
});

describe('large imports', () => {
  it('ingests thousands of rows in chunks, deduplicating repeats across chunks', async () => {
    await saveSource('bulk', { format: 'ndjson', mapping: { id: 'id', createdAt: 'at', channel: { constant: 'x' }, kind: { constant: 'post' }, text: 'text', 'author.handle': 'who' } });
    const lines: string[] = [];
    for (let index = 0; index < 2_500; index++) lines.push(JSON.stringify({ id: `b-${index}`, at: '2026-03-02T10:00:00Z', text: `mention ${index}`, who: `@u${index % 50}` }));
    // The first row again, after the first chunk of 1,000 has been committed.
    lines.push(JSON.stringify({ id: 'b-0', at: '2026-03-02T10:00:00Z', text: 'again', who: '@u0' }));
    const answer = await importText('bulk', lines.join('\n'));
    expect(answer.body).toMatchObject({ rows: 2_501, created: 2_500, duplicates: 1, rejected: [] });
    expect(await count(server, 'mentions')).toBe(2_500);
  }, 60_000);

  it('refuses a file over 20 MiB with 413 before reading it', async () => {
    await saveSource('bulk', { mapping: { id: 'id', createdAt: 'at', channel: { constant: 'x' }, kind: { constant: 'post' }, text: 'text', 'author.handle': 'who' } });
    const answer = await http(base, 'POST', '/api/mentions/import?source=bulk', 'a'.repeat(20 * 1024 * 1024 + 1), { 'content-type': 'text/csv' });
    expect(answer.status).toBe(413);
  });
});
