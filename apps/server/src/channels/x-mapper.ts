// X (Account Activity API) deliveries to mentions: `tweet_create_events` (mentions, replies, quotes) and
// `direct_message_events` (private messages). The brand's own posts and messages (`for_user_id`) are skipped.
import type { Mention, MentionKind } from '@mentionflow/engine';
import { asArray, asNumber, asObject, asText, isoFromEpoch, type IgnoredEvent, type JsonObject, type MappedDelivery } from './mapped-delivery.ts';

/** Keys of a delivery that describe it rather than carry events. */
const ENVELOPE = new Set(['for_user_id', 'user_has_blocked', 'is_blocked_by', 'source', 'target', 'users', 'apps']);

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Twitter's `created_at`, e.g. `Wed Oct 10 20:19:24 +0000 2018`, as ISO 8601. */
export function parseTwitterDate(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [, month, day, hour, minute, second, sign, offsetHours, offsetMinutes, year] = match as unknown as string[];
  const monthIndex = MONTHS.indexOf(month!);
  if (monthIndex < 0) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const at = Date.UTC(Number(year), monthIndex, Number(day), Number(hour), Number(minute), Number(second)) - offset;
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

export function mapXDelivery(payload: JsonObject): MappedDelivery {
  const forUserId = asText(payload.for_user_id);
  const mentions: Mention[] = [];
  const ignored: IgnoredEvent[] = [];
  const unhandled: string[] = [];
  for (const [type, events] of Object.entries(payload)) {
    if (ENVELOPE.has(type)) continue;
    if (type === 'tweet_create_events') {
      for (const tweet of asArray(events)) push(mapTweet(asObject(tweet) ?? {}, forUserId));
    } else if (type === 'direct_message_events') {
      for (const event of asArray(events)) push(mapDirectMessage(asObject(event) ?? {}, forUserId, asObject(payload.users) ?? {}));
    } else {
      unhandled.push(type);
    }
  }
  return { mentions, ignored, unhandled };

  function push(result: Mention | IgnoredEvent | string): void {
    if (typeof result === 'string') unhandled.push(result);
    else if ('reason' in result) ignored.push(result);
    else mentions.push(result);
  }
}

function mapTweet(tweet: JsonObject, forUserId: string | undefined): Mention | IgnoredEvent {
  const type = 'tweet_create_events';
  const id = asText(tweet.id_str) ?? asText(tweet.id);
  if (id === undefined) return { type, reason: 'the tweet has no id_str' };
  const user = asObject(tweet.user) ?? {};
  const userId = asText(user.id_str) ?? asText(user.id);
  if (forUserId !== undefined && userId === forUserId) return { type, id, reason: 'posted by the brand’s own account' };
  if (asObject(tweet.retweeted_status)) return { type, id, reason: 'a retweet carries no text of its own' };
  const createdAt = parseTwitterDate(tweet.created_at) ?? isoFromEpoch(tweet.timestamp_ms);
  if (createdAt === undefined) return { type, id, reason: 'the tweet has no readable created_at' };
  const screenName = asText(user.screen_name);
  const inReplyTo = asText(tweet.in_reply_to_status_id_str);
  const quoted = tweet.is_quote_status === true || asObject(tweet.quoted_status) !== undefined || asText(tweet.quoted_status_id_str) !== undefined;
  const kind: MentionKind = inReplyTo ? 'reply' : quoted ? 'quote' : 'post';
  const lang = asText(tweet.lang);
  const followers = asNumber(user.followers_count);
  const name = asText(user.name);
  return {
    id,
    channel: 'x',
    kind,
    text: asText(asObject(tweet.extended_tweet)?.full_text) ?? asText(tweet.full_text) ?? asText(tweet.text) ?? '',
    ...(lang && lang !== 'und' && LANGUAGE.test(lang) ? { lang } : {}),
    createdAt,
    author: {
      handle: screenName ? `@${screenName}` : (userId ?? 'unknown'),
      ...(name ? { name } : {}),
      ...(followers !== undefined && Number.isInteger(followers) && followers >= 0 ? { followers } : {}),
      ...(typeof user.verified === 'boolean' ? { verified: user.verified } : {}),
    },
    conversationId: asText(tweet.conversation_id_str) ?? asText(tweet.conversation_id) ?? inReplyTo ?? id,
  };
}

function mapDirectMessage(event: JsonObject, forUserId: string | undefined, users: JsonObject): Mention | IgnoredEvent | string {
  const eventType = asText(event.type);
  if (eventType !== 'message_create') return `direct_message_events/${eventType ?? '(no type)'}`;
  const type = 'direct_message_events';
  const id = asText(event.id);
  if (id === undefined) return { type, reason: 'the message event has no id' };
  const create = asObject(event.message_create) ?? {};
  const senderId = asText(create.sender_id);
  if (senderId === undefined) return { type, id, reason: 'the message has no sender_id' };
  if (forUserId !== undefined && senderId === forUserId) return { type, id, reason: 'sent by the brand’s own account' };
  const recipientId = asText(asObject(create.target)?.recipient_id) ?? forUserId;
  const createdAt = isoFromEpoch(event.created_timestamp);
  if (createdAt === undefined) return { type, id, reason: 'the message has no readable created_timestamp' };
  const sender = asObject(users[senderId]) ?? {};
  const screenName = asText(sender.screen_name);
  const name = asText(sender.name);
  const followers = asNumber(sender.followers_count);
  return {
    id,
    channel: 'x',
    kind: 'direct_message',
    text: asText(asObject(create.message_data)?.text) ?? '',
    createdAt,
    author: {
      handle: screenName ? `@${screenName}` : senderId,
      ...(name ? { name } : {}),
      ...(followers !== undefined && Number.isInteger(followers) && followers >= 0 ? { followers } : {}),
      ...(typeof sender.verified === 'boolean' ? { verified: sender.verified } : {}),
    },
    // X names a one-to-one conversation by its two user ids, smaller first.
    conversationId: recipientId ? [senderId, recipientId].sort(byNumericId).join('-') : senderId,
  };
}

function byNumericId(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
