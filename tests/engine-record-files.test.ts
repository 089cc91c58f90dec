import { describe, expect, it } from 'vitest';
import { MentionSchema, readRecords, parseRecordFile, detectRecordFormat } from '../packages/engine/src/index.ts';

const good = { id: 'a', channel: 'x', kind: 'post', text: 'hi', createdAt: '2026-03-02T10:00:00Z', author: { handle: '@a' } };

describe('reading mention files', () => {
  it('NDJSON: good lines kept with their numbers, bad lines reported with theirs', () => {
    const text = [JSON.stringify(good), '', '{not json', JSON.stringify({ ...good, id: 'b', author: { handle: '@b', followers: 'lots' } }), JSON.stringify({ ...good, id: 'c', mood: 'sad' })].join('\n');
    const read = readRecords(text, MentionSchema);
    expect(read.format).toBe('ndjson');
    expect(read.valid.map((record) => [record.line, record.value.id])).toEqual([[1, 'a']]);
    expect(read.rejected).toEqual([
      { line: 3, message: expect.stringMatching(/not valid JSON/) },
      { line: 4, message: expect.stringMatching(/^author\.followers: /) },
      { line: 5, message: 'unknown field “mood”' },
    ]);
  });

  it('a JSON array: each element knows the line it starts on', () => {
    const text = `[\n  ${JSON.stringify(good)},\n  {\n    "id": "b"\n  }\n]`;
    const read = readRecords(text, MentionSchema);
    expect(read.valid.map((record) => record.line)).toEqual([2]);
    expect(read.rejected[0]!.line).toBe(3);
  });

  it('CSV: dotted headers nest, numbers and booleans are coerced, quoted newlines keep line numbers right', () => {
    const text = 'id,channel,kind,text,createdAt,author.handle,author.followers,author.verified\n' +
      'a,x,post,"two\nlines",2026-03-02T10:00:00Z,@a,1200,true\n' +
      'b,x,post,hello,2026-03-02T10:00:00Z,@b,many,false\n';
    const read = readRecords(text, MentionSchema);
    expect(read.format).toBe('csv');
    expect(read.valid[0]).toMatchObject({ line: 2, value: { id: 'a', text: 'two\nlines', author: { handle: '@a', followers: 1200, verified: true } } });
    expect(read.rejected).toEqual([{ line: 4, message: expect.stringMatching(/^author\.followers:/) }]);
  });

  it('detects the format from the name, then the content', () => {
    expect(detectRecordFormat('x', 'mentions.csv')).toBe('csv');
    expect(detectRecordFormat('[{}]')).toBe('json');
    expect(detectRecordFormat('{"a":1}\n{"a":2}')).toBe('ndjson');
  });

  it('prototype keys never reach objects', () => {
    const file = parseRecordFile('{"__proto__": {"polluted": true}, "id": "x"}', 'ndjson');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(file.records[0]!.value as object)).toEqual(['id']);
  });
});
