// Hit-count badges on the canvas: counts in a few characters, the open workflow's counts out of /api/insights/rules,
// and the badge each node gets (a count, "never fired" for an action that did not fire, or none).
import { describe, expect, it } from 'vitest';
import { formatHits, hitBadgeFor, ruleHitsOf } from '../apps/editor/src/insights/canvas/hit-badges.ts';
import type { RuleInsights } from '../apps/editor/src/insights/insights-api.ts';

describe('hit counts in four characters', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [1999, '1.9k'], // rounded down: never claims more hits than there were
    [12_345, '12k'],
    [999_999, '999k'],
    [1_250_000, '1.2M'],
    [42_000_000, '42M'],
    [-3, '0'],
    [Number.NaN, '0'],
  ])('%d → %s', (count, text) => {
    expect(formatHits(count)).toBe(text);
  });
});

describe('badges on the nodes', () => {
  const insights: RuleInsights = {
    workflows: [
      { workflowId: 'other', name: 'Other', publishedVersion: 1, hits: 5, nodes: [{ nodeId: 'to-care', hits: 5 }], neverFired: [] },
      {
        workflowId: 'vip',
        name: 'VIP',
        publishedVersion: 3,
        hits: 1235,
        nodes: [
          { nodeId: 'is-vip', hits: 1234 },
          { nodeId: 'to-vip', hits: 1 },
          { nodeId: 'tag-vip', hits: 0 },
        ],
        neverFired: ['tag-vip'],
      },
    ],
    warnings: [],
  };
  const hits = ruleHitsOf(insights, 'vip', 'last 30 days')!;

  it('takes the open workflow’s counts only', () => {
    expect(hits.byNode).toEqual({ 'is-vip': 1234, 'to-vip': 1, 'tag-vip': 0 });
    expect([...hits.neverFired]).toEqual(['tag-vip']);
    expect(hits.publishedVersion).toBe(3);
    expect(ruleHitsOf(insights, 'never-published', 'last 30 days')).toBeNull();
  });

  it('shows a short count with the exact one, the range and the version in its tooltip', () => {
    expect(hitBadgeFor('is-vip', hits)).toEqual({ tone: 'hits', text: '1.2k hits', label: 'Fired 1,234 times in the last 30 days (published v3).' });
    expect(hitBadgeFor('to-vip', hits)).toEqual({ tone: 'hits', text: '1 hit', label: 'Fired 1 time in the last 30 days (published v3).' });
  });

  it('flags an action that never fired with a badge of its own', () => {
    const badge = hitBadgeFor('tag-vip', hits)!;
    expect(badge.tone).toBe('never');
    expect(badge.text).toBe('never fired');
    expect(badge.label).toMatch(/^Never fired in the last 30 days \(published v3\): /);
  });

  it('shows nothing for a node the published version does not have, or while counts are hidden', () => {
    expect(hitBadgeFor('added-in-draft', hits)).toBeNull();
    expect(hitBadgeFor('is-vip', null)).toBeNull();
  });
});
