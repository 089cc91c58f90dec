// Meta (Graph API webhooks) deliveries to mentions: Facebook Page comments (`page` / `feed`, item comment), Instagram
// comments (`instagram` / `comments`) and Messenger messages (`page` / `messaging`; Instagram DMs share the shape).
// The Page's or IG account's own comments (from.id = entry.id) and message echoes are skipped.
import type { Channel, Mention } from '@mentionflow/engine';
import { asArray, asObject, asText, isoFromEpoch, type IgnoredEvent, type JsonObject, type MappedDelivery } from './mapped-delivery.ts';

type Mapped = Mention | IgnoredEvent | string;

/** Maps one delivery; `receivedAt` dates events the platform sends without a time of their own. */
export function mapMetaDelivery(payload: JsonObject, receivedAt: string): MappedDelivery {
  const object = asText(payload.object) ?? '(no object)';
  const mentions: Mention[] = [];
  const ignored: IgnoredEvent[] = [];
  const unhandled: string[] = [];
  const push = (result: Mapped) => {
    if (typeof result === 'string') unhandled.push(result);
    else if ('reason' in result) ignored.push(result);
    else mentions.push(result);
  };
  for (const raw of asArray(payload.entry)) {
    const entry = asObject(raw) ?? {};
    const accountId = asText(entry.id);
    const entryTime = isoFromEpoch(entry.time) ?? receivedAt;
    for (const rawChange of asArray(entry.changes)) {
      const change = asObject(rawChange) ?? {};
      const field = asText(change.field) ?? '(no field)';
      const value = asObject(change.value) ?? {};
      if (object === 'page' && field === 'feed') push(mapPageFeed(value, accountId, entryTime));
      else if (object === 'instagram' && field === 'comments') push(mapInstagramComment(value, accountId, entryTime));
      else push(`${object}/${field}`);
    }
    const channel: Channel | undefined = object === 'page' ? 'messenger' : object === 'instagram' ? 'instagram' : undefined;
    for (const rawEvent of asArray(entry.messaging)) {
      push(channel ? mapMessage(asObject(rawEvent) ?? {}, channel, accountId, entryTime) : `${object}/messaging`);
    }
    for (const key of Object.keys(entry)) if (!['id', 'time', 'uid', 'changes', 'messaging'].includes(key)) push(`${object}/${key}`);
  }
  return { mentions, ignored, unhandled };
}

function mapPageFeed(value: JsonObject, pageId: string | undefined, entryTime: string): Mapped {
  const item = asText(value.item) ?? '(no item)';
  const type = `feed/${item}`;
  const id = asText(value.comment_id);
  const postId = asText(value.post_id);
  if (item !== 'comment') return { type, ...(postId ? { id: postId } : {}), reason: `a feed ${item} is not a comment` };
  if (id === undefined) return { type, reason: 'the comment has no comment_id' };
  const verb = asText(value.verb);
  if (verb !== 'add') return { type, id, reason: `verb “${verb ?? ''}”: only new comments (add) are mentions` };
  const from = asObject(value.from) ?? {};
  const fromId = asText(from.id);
  if (pageId !== undefined && fromId === pageId) return { type, id, reason: 'written by the Page itself' };
  const parentId = asText(value.parent_id);
  const name = asText(from.name);
  return {
    id,
    channel: 'facebook',
    kind: parentId !== undefined && parentId !== postId ? 'reply' : 'comment',
    text: asText(value.message) ?? '',
    createdAt: isoFromEpoch(value.created_time) ?? entryTime,
    // Facebook has no public handles: the app-scoped user id is the stable one (the name is shown beside it).
    author: { handle: fromId ?? 'unknown', ...(name ? { name } : {}) },
    ...(postId ? { conversationId: postId } : {}),
  };
}

function mapInstagramComment(value: JsonObject, accountId: string | undefined, entryTime: string): Mapped {
  const type = 'comments';
  const id = asText(value.id);
  if (id === undefined) return { type, reason: 'the comment has no id' };
  const from = asObject(value.from) ?? {};
  const fromId = asText(from.id);
  if (accountId !== undefined && fromId === accountId) return { type, id, reason: 'written by the Instagram account itself' };
  const username = asText(from.username);
  const mediaId = asText(asObject(value.media)?.id);
  return {
    id,
    channel: 'instagram',
    kind: asText(value.parent_id) !== undefined ? 'reply' : 'comment',
    text: asText(value.text) ?? '',
    // Comment notifications carry no time of their own: the entry's time is when Meta sent it.
    createdAt: entryTime,
    author: { handle: username ? `@${username}` : (fromId ?? 'unknown') },
    ...(mediaId ? { conversationId: mediaId } : {}),
  };
}

function mapMessage(event: JsonObject, channel: Channel, accountId: string | undefined, entryTime: string): Mapped {
  const message = asObject(event.message);
  if (!message) {
    const kind = Object.keys(event).find((key) => !['sender', 'recipient', 'timestamp'].includes(key)) ?? '(empty)';
    return `${channel}/messaging/${kind}`;
  }
  const type = `${channel}/messages`;
  const id = asText(message.mid);
  if (id === undefined) return { type, reason: 'the message has no mid' };
  const senderId = asText(asObject(event.sender)?.id);
  if (message.is_echo === true || (accountId !== undefined && senderId === accountId)) return { type, id, reason: 'an echo of a message the brand sent' };
  if (senderId === undefined) return { type, id, reason: 'the message has no sender.id' };
  const attachments = asArray(message.attachments).map((attachment) => asText(asObject(attachment)?.type) ?? 'attachment');
  return {
    id,
    channel,
    kind: 'direct_message',
    text: asText(message.text) ?? (attachments.length > 0 ? `[${attachments.join(', ')}]` : ''),
    createdAt: isoFromEpoch(event.timestamp) ?? entryTime,
    // A page-scoped id: the person's only identifier without a profile lookup, and the conversation's.
    author: { handle: senderId },
    conversationId: senderId,
  };
}
