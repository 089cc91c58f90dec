// Undo/redo as two stacks of scenes. Typing in one field coalesces into one step, so undo reverts a word, not a letter.
import type { Scene } from './scene.ts';

export const HISTORY_LIMIT = 100;
const COALESCE_MS = 1500;

export interface History {
  readonly past: readonly Scene[];
  readonly future: readonly Scene[];
  /** The kind of the last recorded change ("values:node-1"), and when; repeated changes of one kind merge. */
  readonly lastKey: string | null;
  readonly lastAt: number;
}

export const emptyHistory: History = { past: [], future: [], lastKey: null, lastAt: 0 };

/** Remember `before` as an undo step, unless this change continues the previous one of the same key. */
export function record(history: History, before: Scene, key: string | null, now: number): History {
  const continues = key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  return {
    past: continues ? history.past : [...history.past, before].slice(-HISTORY_LIMIT),
    future: [],
    lastKey: key,
    lastAt: now,
  };
}

export function undo(history: History, current: Scene): { history: History; scene: Scene } | null {
  const scene = history.past.at(-1);
  if (!scene) return null;
  return { scene, history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 } };
}

export function redo(history: History, current: Scene): { history: History; scene: Scene } | null {
  const scene = history.future[0];
  if (!scene) return null;
  return { scene, history: { past: [...history.past, current], future: history.future.slice(1), lastKey: null, lastAt: 0 } };
}
