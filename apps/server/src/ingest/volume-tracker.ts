// Sliding windows of matching mentions per volume query of the published rules, fed as mentions arrive and
// seeded from stored mentions on start, so spike counts survive a restart.
import { gt } from 'drizzle-orm';
import { compileTerms, normalizeText, tokenize, volumeKey, type Mention, type TermMatcher, type VolumeQuery } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { mentions } from '../db/schema.ts';

const MINUTE = 60_000;

interface Window {
  readonly query: VolumeQuery;
  /** The query's terms compiled once: every arriving mention is tested against every window. */
  readonly terms: TermMatcher | undefined;
  readonly arrivals: Arrivals;
}

function windowFor(query: VolumeQuery): Window {
  return { query, terms: query.terms ? compileTerms(query.terms) : undefined, arrivals: new Arrivals() };
}

/**
 * The instants of a window's mentions, in order. A busy hour holds hundreds of thousands: counting and inserting
 * are binary searches, an insertion moves only the (few) later instants, and the oldest are dropped from the front.
 */
class Arrivals {
  private times = new Float64Array(64);
  private start = 0;
  private end = 0;

  get newest(): number | undefined {
    return this.end > this.start ? this.times[this.end - 1] : undefined;
  }

  /** After any equal instants already there. */
  add(time: number): void {
    if (this.end === this.times.length) this.makeRoom();
    const at = this.after(time);
    this.times.copyWithin(at + 1, at, this.end);
    this.times[at] = time;
    this.end++;
  }

  /** Forgets the instants at or before `horizon`. */
  dropUpTo(horizon: number): void {
    this.start = this.after(horizon);
  }

  /** How many instants are in (from, to]. */
  countIn(from: number, to: number): number {
    return Math.max(0, this.after(to) - this.after(from));
  }

  /** The position of the first instant later than `time`. */
  private after(time: number): number {
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[middle]! <= time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Moves the instants kept to the front of a buffer with room for as many again. */
  private makeRoom(): void {
    const kept = this.times.subarray(this.start, this.end);
    const next = new Float64Array(Math.max(64, kept.length * 2));
    next.set(kept);
    this.times = next;
    this.start = 0;
    this.end = kept.length;
  }
}

/** Same meaning as the engine's mentionMatchesVolumeQuery, with the text normalized once for all windows. */
function matches(window: Window, channel: string, form: () => { normalized: string; tokens: ReadonlySet<string> }): boolean {
  if (window.query.channel && window.query.channel !== channel) return false;
  if (!window.terms) return true;
  const { normalized, tokens } = form();
  return window.terms.matches(normalized, tokens);
}

function lazyForm(text: string): () => { normalized: string; tokens: ReadonlySet<string> } {
  let form: { normalized: string; tokens: ReadonlySet<string> } | undefined;
  return () => {
    if (!form) {
      const normalized = normalizeText(text);
      form = { normalized, tokens: new Set(tokenize(normalized)) };
    }
    return form;
  };
}

export class VolumeTracker {
  private windows = new Map<string, Window>();

  /** Track these queries (the published rules' windows), keeping counts of queries still in use. */
  async track(queries: readonly VolumeQuery[], db: Db, now: number): Promise<void> {
    const next = new Map<string, Window>();
    const fresh: Window[] = [];
    for (const query of queries) {
      const key = volumeKey(query);
      const existing = this.windows.get(key);
      if (existing) next.set(key, existing);
      else {
        const window = windowFor(query);
        next.set(key, window);
        fresh.push(window);
      }
    }
    this.windows = next;
    if (fresh.length === 0) return;
    const longest = Math.max(...fresh.map((window) => window.query.windowMinutes));
    const recent = await db
      .select({ text: mentions.text, channel: mentions.channel, createdAt: mentions.createdAt })
      .from(mentions)
      .where(gt(mentions.createdAt, now - longest * MINUTE))
      .orderBy(mentions.createdAt);
    for (const window of fresh) {
      for (const stored of recent) {
        if (matches(window, stored.channel, lazyForm(stored.text))) window.arrivals.add(stored.createdAt);
      }
    }
  }

  /** Count this mention in and return the counts of every window, keyed as the engine expects. */
  observe(mention: Mention): Record<string, number> {
    const at = Date.parse(mention.createdAt);
    const counts: Record<string, number> = {};
    const form = lazyForm(mention.text);
    for (const [key, window] of this.windows) {
      if (matches(window, mention.channel, form)) window.arrivals.add(at);
      const horizon = Math.max(at, window.arrivals.newest ?? at) - window.query.windowMinutes * MINUTE;
      window.arrivals.dropUpTo(horizon);
      counts[key] = window.arrivals.countIn(at - window.query.windowMinutes * MINUTE, at);
    }
    return counts;
  }
}
