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
  readonly arrivals: number[];
}

function windowFor(query: VolumeQuery): Window {
  return { query, terms: query.terms ? compileTerms(query.terms) : undefined, arrivals: [] };
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
        if (matches(window, stored.channel, lazyForm(stored.text))) window.arrivals.push(stored.createdAt);
      }
    }
  }

  /** Count this mention in and return the counts of every window, keyed as the engine expects. */
  observe(mention: Mention): Record<string, number> {
    const at = Date.parse(mention.createdAt);
    const counts: Record<string, number> = {};
    const form = lazyForm(mention.text);
    for (const [key, window] of this.windows) {
      if (matches(window, mention.channel, form)) insertSorted(window.arrivals, at);
      const newest = window.arrivals[window.arrivals.length - 1] ?? at;
      const horizon = Math.max(at, newest) - window.query.windowMinutes * MINUTE;
      while (window.arrivals.length > 0 && window.arrivals[0]! <= horizon) window.arrivals.shift();
      counts[key] = countSince(window.arrivals, at - window.query.windowMinutes * MINUTE, at);
    }
    return counts;
  }
}

function insertSorted(list: number[], value: number): void {
  let index = list.length;
  while (index > 0 && list[index - 1]! > value) index--;
  list.splice(index, 0, value);
}

function countSince(list: readonly number[], after: number, upTo: number): number {
  let count = 0;
  for (const value of list) if (value > after && value <= upTo) count++;
  return count;
}
