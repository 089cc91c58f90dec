// The whole mention behind a result row (rows carry its id, channel, text and line only), needed to explain it on
// demand or save it as a case: read again from the uploaded text by line, fetched from the stored mentions, or
// found among the pack's test mentions. The last file and pack read are kept, not each row's.
import { MentionSchema, readRecords, type Mention, type Pack } from '@mentionflow/engine';
import { request } from '../api/http.ts';
import type { CompareRow, MentionSource } from './compare-types.ts';

const keyOf = (channel: string, id: string) => `${channel}\u0000${id}`;

interface Index {
  readonly byLine: Map<number, Mention>;
  readonly byKey: Map<string, Mention>;
}

let fileIndex: { text: string; index: Index } | null = null;
let packIndex: { packId: string; index: Index } | null = null;

function indexOf(mentions: Iterable<{ line?: number; mention: Mention }>): Index {
  const byLine = new Map<number, Mention>();
  const byKey = new Map<string, Mention>();
  for (const { line, mention } of mentions) {
    if (line !== undefined) byLine.set(line, mention);
    const key = keyOf(mention.channel, mention.id);
    if (!byKey.has(key)) byKey.set(key, mention);
  }
  return { byLine, byKey };
}

function fromFile(text: string): Index {
  if (fileIndex?.text !== text) fileIndex = { text, index: indexOf(readRecords(text, MentionSchema).valid.map((record) => ({ line: record.line, mention: record.value }))) };
  return fileIndex.index;
}

async function fromPack(packId: string): Promise<Index> {
  if (packIndex?.packId !== packId) {
    const pack = await request<Pack>('GET', `/api/packs/${encodeURIComponent(packId)}/export`);
    const mentions = (pack.tests ?? []).flatMap((test) => [...(test.history ?? []), ...(test.mention ? [test.mention] : [])]);
    packIndex = { packId, index: indexOf(mentions.map((mention) => ({ mention }))) };
  }
  return packIndex.index;
}

export async function findMention(row: CompareRow, source: MentionSource): Promise<Mention> {
  let found: Mention | undefined;
  if (source.kind === 'stored') {
    const stored = await request<{ mention: Mention }>('GET', `/api/mentions/${encodeURIComponent(row.mentionId)}?channel=${encodeURIComponent(row.channel)}`);
    found = stored.mention;
  } else {
    const index = source.kind === 'text' ? fromFile(source.text) : await fromPack(source.packId);
    found = (row.line !== undefined ? index.byLine.get(row.line) : undefined) ?? index.byKey.get(keyOf(row.channel, row.mentionId));
  }
  if (!found) throw new Error(`The mention “${row.mentionId}” on ${row.channel} is no longer where it was read from.`);
  return found;
}
