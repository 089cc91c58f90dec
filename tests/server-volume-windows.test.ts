// The volume windows ingest keeps count exactly as a plain list of instants would: mentions arriving out of order,
// at equal instants, long after the window, on other channels and without the terms.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mentionMatchesVolumeQuery, volumeKey, type Mention, type VolumeQuery } from '../packages/engine/src/index.ts';
import { VolumeTracker } from '../apps/server/src/ingest/volume-tracker.ts';
import type { Db } from '../apps/server/src/db/database.ts';

const MINUTE = 60_000;
const queries: VolumeQuery[] = [
  { windowMinutes: 10, terms: ['outage', 'down'] },
  { windowMinutes: 1, channel: 'x' },
  { windowMinutes: 60 },
];

/** The reference: every matching instant in a list, counted by a scan. */
function reference(arrivals: Map<string, number[]>, mention: Mention): Record<string, number> {
  const at = Date.parse(mention.createdAt);
  const counts: Record<string, number> = {};
  for (const query of queries) {
    const key = volumeKey(query);
    const list = arrivals.get(key) ?? [];
    if (mentionMatchesVolumeQuery(mention, query)) list.push(at);
    arrivals.set(key, list);
    const horizon = Math.max(at, ...list) - query.windowMinutes * MINUTE;
    const kept = list.filter((time) => time > horizon);
    arrivals.set(key, kept);
    counts[key] = kept.filter((time) => time > at - query.windowMinutes * MINUTE && time <= at).length;
  }
  return counts;
}

const arrival = fc.record({
  // Mostly forward in time, sometimes back (late deliveries), sometimes at the same instant.
  step: fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: -15 * MINUTE, max: 0 }), fc.constant(0), fc.integer({ min: 0, max: 3 * 60 * MINUTE })),
  channel: fc.constantFrom('x', 'facebook'),
  text: fc.constantFrom('the site is down again', 'outage at the gate', 'lovely flight', 'DOWN!!', 'nothing to see'),
});

/** A database without stored mentions: the windows start empty. */
const noStoredMentions = { select: () => ({ from: () => ({ where: () => ({ orderBy: async () => [] }) }) }) } as unknown as Db;

describe('volume windows', () => {
  it('count as a scan of every instant would, whatever the order of arrival', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arrival, { minLength: 1, maxLength: 400 }), async (arrivals) => {
        const tracker = new VolumeTracker();
        await tracker.track(queries, noStoredMentions, 0);
        const lists = new Map<string, number[]>();
        let time = Date.parse('2026-03-03T09:00:00Z');
        arrivals.forEach(({ step, channel, text }, index) => {
          time += step;
          const mention = { id: `v${index}`, channel, kind: 'post', text, createdAt: new Date(time).toISOString(), author: { handle: '@a' } } as Mention;
          expect(tracker.observe(mention)).toEqual(reference(lists, mention));
        });
      }),
      { numRuns: 200 },
    );
  });
});
