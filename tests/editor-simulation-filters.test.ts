// Filtering the results (changed only, a queue or priority on either side, words), exporting what is shown as CSV
// or NDJSON, and turning the source picker's choices into a request.
import { describe, expect, it } from 'vitest';
import { parseRecordFile } from '../packages/engine/src/index.ts';
import { filterRows, isFiltered, NO_FILTERS, queuesOf } from '../apps/editor/src/simulation/results/row-filters.ts';
import { csvCell, exportRows, rowsToCsv, rowsToNdjson } from '../apps/editor/src/simulation/results/export-rows.ts';
import { actionText, keyActions } from '../apps/editor/src/simulation/results/decision-text.ts';
import { localToIso, requestOf } from '../apps/editor/src/simulation/source/source-request.ts';
import { EMPTY_STORED, type SourceDraft } from '../apps/editor/src/simulation/store/simulation-store.ts';
import { row } from './support/simulation-rows.ts';

const rows = [
  row(0, {}, {}, 'Where is my REFUND?'),
  row(1, { queue: 'refunds' }, {}, 'refund please'),
  row(2, { priority: 'P1' }, {}, 'your app crashed'),
  row(3, { queue: null }, {}, 'great flight'),
];
const indexes = (shown: readonly { index: number }[]) => shown.map((item) => item.index);

describe('result filters', () => {
  it('shows everything without filters, and the very same array', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(filterRows(rows, NO_FILTERS)).toBe(rows);
  });

  it('keeps changed rows only', () => {
    expect(indexes(filterRows(rows, { ...NO_FILTERS, changedOnly: true }))).toEqual([1, 2, 3]);
  });

  it('matches a queue or a priority on either side', () => {
    expect(indexes(filterRows(rows, { ...NO_FILTERS, queue: 'refunds' }))).toEqual([1]);
    expect(indexes(filterRows(rows, { ...NO_FILTERS, queue: 'billing' }))).toEqual([0, 1, 2, 3]);
    expect(indexes(filterRows(rows, { ...NO_FILTERS, queue: '(none)' }))).toEqual([3]);
    expect(indexes(filterRows(rows, { ...NO_FILTERS, priority: 'P1' }))).toEqual([2]);
  });

  it('finds every word, in any case, in the text or the mention id', () => {
    expect(indexes(filterRows(rows, { ...NO_FILTERS, search: 'refund' }))).toEqual([0, 1]);
    expect(indexes(filterRows(rows, { ...NO_FILTERS, search: 'REFUND please' }))).toEqual([1]);
    expect(indexes(filterRows(rows, { ...NO_FILTERS, search: 'm2' }))).toEqual([2]);
    expect(indexes(filterRows(rows, { ...NO_FILTERS, search: 'refund', changedOnly: true }))).toEqual([1]);
  });

  it('lists the queues seen on either side for the queue filter, "no queue" last', () => {
    expect(queuesOf(rows)).toEqual(['billing', 'refunds', '(none)']);
  });
});

describe('export', () => {
  it('quotes cells with commas, quotes or line breaks, and defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@acmeair refund')).toBe("'@acmeair refund");
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('true');
  });

  it('writes one CSV line per row with both decisions, which reads back as the same values', () => {
    const changed = row(7, { queue: 'refunds', tags: ['money'], actions: [{ type: 'escalate', to: 'supervisor' }, { type: 'route', queue: 'refunds' }] }, {}, 'Refund, now: "please"\nthanks');
    const csv = rowsToCsv([rows[0]!, changed]);
    const read = parseRecordFile(csv, 'csv');
    expect(read.errors).toEqual([]);
    expect(read.records.map((record) => record.value)).toEqual([
      { index: '0', mentionId: 'm0', channel: 'x', text: 'Where is my REFUND?', changed: 'false', queueBefore: 'billing', queueAfter: 'billing', priorityBefore: 'P3', priorityAfter: 'P3' },
      {
        index: '7',
        mentionId: 'm7',
        channel: 'x',
        text: 'Refund, now: "please"\nthanks',
        changed: 'true',
        changedFields: 'queue tags actions',
        queueBefore: 'billing',
        queueAfter: 'refunds',
        priorityBefore: 'P3',
        priorityAfter: 'P3',
        tagsAfter: 'money',
        actionsAfter: 'escalate route',
      },
    ]);
    expect(csv.startsWith('index,mentionId,channel,text,changed,changedFields,')).toBe(true);
  });

  it('writes NDJSON with the full decisions and the change, without explanations', () => {
    const explained = { ...rows[1]!, explanation: { before: { rules: [], paths: [] }, after: { rules: [], paths: [] } } };
    const lines = rowsToNdjson([explained, rows[3]!]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ index: 1, mentionId: 'm1', changed: true, change: { fields: ['queue'], queue: { from: 'billing', to: 'refunds' } }, after: { queue: 'refunds' } });
    expect(first.explanation).toBeUndefined();
    expect(JSON.parse(lines[1]!).after.queue).toBeNull();
    expect(exportRows(rows, 'ndjson')).toMatchObject({ extension: 'ndjson', type: 'application/x-ndjson' });
    expect(exportRows(rows, 'csv')).toMatchObject({ extension: 'csv', type: 'text/csv;charset=utf-8' });
  });

  it('names key actions beyond queue, priority and tags, once each', () => {
    expect(actionText({ type: 'set_priority', priority: 'P2' })).toBe('set priority: P2');
    expect(actionText({ type: 'auto_acknowledge', template: 'ack', text: 'Thanks for reaching out — we are looking into it right now.' })).toBe('auto acknowledge: ack');
    expect(keyActions({ actions: [{ type: 'route', queue: 'a' }, { type: 'escalate', to: 'lead' }, { type: 'hide' }, { type: 'escalate', to: 'lead' }, { type: 'tag', tags: ['x'] }] })).toEqual(['escalate → lead', 'hide']);
  });
});

describe('the source picker’s request', () => {
  const source = (changes: Partial<SourceDraft>): SourceDraft => ({ mode: 'file', text: '', fileName: null, stored: EMPTY_STORED, packId: '', ...changes });

  it('says what is missing instead of sending an empty request', () => {
    expect(requestOf(source({ text: '  ' }), '', false)).toEqual({ problem: 'Choose or drop a file of mentions, or paste some, first.' });
    expect(requestOf(source({ mode: 'pack' }), '', false)).toEqual({ problem: 'Choose a pack whose sample mentions to run.' });
    expect(requestOf(source({ mode: 'stored', stored: { ...EMPTY_STORED, from: '2026-03-05T00:00', to: '2026-03-01T00:00' } }), '', false)).toEqual({ problem: 'The date range ends before it starts.' });
  });

  it('sends a file with its name, a virtual now as an instant, and stored filters without blanks', () => {
    expect(requestOf(source({ text: '{}', fileName: 'a.ndjson' }), '2026-03-02T12:00', true)).toEqual({
      source: { kind: 'text', text: '{}', fileName: 'a.ndjson' },
      explain: true,
      now: localToIso('2026-03-02T12:00'),
    });
    expect(localToIso('')).toBeUndefined();
    const stored = requestOf(source({ mode: 'stored', stored: { ...EMPTY_STORED, channel: 'x', tag: ' pii ', limit: '20' } }), '', false);
    expect(stored).toEqual({ source: { kind: 'stored', filters: { channel: 'x', tag: 'pii', limit: 20 } }, explain: false });
  });
});
