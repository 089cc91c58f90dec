// The audit page's before/after view: a readable list of what changed, at paths people can follow — objects key by
// key, arrays of things with ids matched by id (a reordering is no change), creations and deletions field by field.
import { describe, expect, it } from 'vitest';
import { diffJson, shortJson } from '../apps/editor/src/pages/access/json-diff.ts';

describe('what an audited change did', () => {
  it('lists changed, added and removed fields at their paths', () => {
    const before = { name: 'Lea', role: 'analyst', disabled: false, note: 'temp' };
    const after = { name: 'Lea', role: 'ops_lead', disabled: false, lastSignInAt: '2026-03-02T10:00:00.000Z' };
    expect(diffJson(before, after)).toEqual([
      { kind: 'changed', path: 'role', before: 'analyst', after: 'ops_lead' },
      { kind: 'removed', path: 'note', before: 'temp' },
      { kind: 'added', path: 'lastSignInAt', after: '2026-03-02T10:00:00.000Z' },
    ]);
  });

  it('follows nested objects and matches items by id, so moving a node is not a change', () => {
    const node = (id: string, queue: string) => ({ id, type: 'route', data: { queue } });
    const before = { graph: { nodes: [node('start', 'x'), node('to-billing', 'billing')] } };
    const after = { graph: { nodes: [node('to-billing', 'refunds'), node('start', 'x'), node('to-vip', 'vip')] } };
    expect(diffJson(before, after)).toEqual([
      { kind: 'changed', path: 'graph.nodes["to-billing"].data.queue', before: 'billing', after: 'refunds' },
      { kind: 'added', path: 'graph.nodes["to-vip"]', after: node('to-vip', 'vip') },
    ]);
  });

  it('compares arrays without ids item by item, and odd keys in brackets', () => {
    expect(diffJson({ tags: ['a', 'b'], 'x-y': 1 }, { tags: ['a', 'c', 'd'], 'x-y': 2 })).toEqual([
      { kind: 'changed', path: 'tags[1]', before: 'b', after: 'c' },
      { kind: 'added', path: 'tags[2]', after: 'd' },
      { kind: 'changed', path: '["x-y"]', before: 1, after: 2 },
    ]);
  });

  it('spells out a creation or a deletion field by field, and finds nothing in equal values', () => {
    const token = { id: 3, name: 'Zendesk bridge', role: 'integration', revokedAt: null };
    expect(diffJson(null, token)).toEqual([
      { kind: 'added', path: 'id', after: 3 },
      { kind: 'added', path: 'name', after: 'Zendesk bridge' },
      { kind: 'added', path: 'role', after: 'integration' },
      { kind: 'added', path: 'revokedAt', after: null },
    ]);
    expect(diffJson(token, undefined).map((change) => change.kind)).toEqual(['removed', 'removed', 'removed', 'removed']);
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffJson(null, null)).toEqual([]);
  });

  it('tells a value from its absence: null to a value is a change, a missing key is added', () => {
    expect(diffJson({ revokedAt: null }, { revokedAt: '2026-03-02T10:00:00.000Z' })).toEqual([{ kind: 'changed', path: 'revokedAt', before: null, after: '2026-03-02T10:00:00.000Z' }]);
    expect(diffJson('a', 'b')).toEqual([{ kind: 'changed', path: '', before: 'a', after: 'b' }]);
  });

  it('shows values as short JSON, cutting long ones', () => {
    expect(shortJson('billing')).toBe('"billing"');
    expect(shortJson(undefined)).toBe('—');
    expect(shortJson({ text: 'x'.repeat(200) }, 20)).toBe('{"text":"xxxxxxxxxx…');
  });
});
