// From what the admin chose in the source picker to the panel's request — or a sentence saying what is missing.
import type { RunRequest, StoredFilters } from '../compare-types.ts';
import type { SourceDraft, StoredDraft } from '../store/simulation-store.ts';

/** A `datetime-local` value (the browser's time zone) as an ISO instant; '' stays undefined. */
export function localToIso(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

export function storedFilters(draft: StoredDraft): StoredFilters {
  const limit = Number(draft.limit);
  return {
    ...(localToIso(draft.from) ? { from: localToIso(draft.from)! } : {}),
    ...(localToIso(draft.to) ? { to: localToIso(draft.to)! } : {}),
    ...(draft.channel ? { channel: draft.channel } : {}),
    ...(draft.queue.trim() ? { queue: draft.queue.trim() } : {}),
    ...(draft.tag.trim() ? { tag: draft.tag.trim() } : {}),
    ...(draft.limit !== '' && Number.isInteger(limit) && limit > 0 ? { limit } : {}),
  };
}

export function requestOf(source: SourceDraft, now: string, explain: boolean): RunRequest | { problem: string } {
  const options = { explain, ...(localToIso(now) ? { now: localToIso(now)! } : {}) };
  switch (source.mode) {
    case 'file':
      if (!source.text.trim()) return { problem: 'Choose or drop a file of mentions, or paste some, first.' };
      return { source: { kind: 'text', text: source.text, fileName: source.fileName }, ...options };
    case 'pack':
      if (!source.packId) return { problem: 'Choose a pack whose sample mentions to run.' };
      return { source: { kind: 'pack', packId: source.packId }, ...options };
    case 'stored': {
      const { from, to } = source.stored;
      if (from && to && localToIso(from)! > localToIso(to)!) return { problem: 'The date range ends before it starts.' };
      return { source: { kind: 'stored', filters: storedFilters(source.stored) }, ...options };
    }
  }
}

/** "4.2 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
