// The X (Account Activity API) webhook over real HTTP: the CRC check, signature verification, mapping of mentions,
// replies, quotes and DMs, deduplication of redeliveries, the brand's own posts skipped, and secrets set via the API.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import type { LogLevel } from '../apps/server/src/log.ts';
import type { ChannelConfig } from '../apps/server/src/channels/channel-config.ts';
import { SECRET_KEY, X_SECRET, count, fixture, fixtureJson, http, publishRefundRouting, signX, storedMention } from './fixtures/channels/channel-helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop(true);
  server = undefined;
});

type LogLine = { level: LogLevel; event: string; fields: Record<string, unknown> };

async function start(channels: ChannelConfig = { xConsumerSecret: X_SECRET }): Promise<{ base: string; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  server = await startTestServer({ channels, logger: { log: (level, event, fields = {}) => void logs.push({ level, event, fields }) } });
  return { base: await server.listen(), logs };
}

/** POSTs a raw body signed with the test secret; `null` sends no signature. */
const deliver = (base: string, body: string, signature: string | null = signX(body)) =>
  http(base, 'POST', '/api/webhooks/x', body, { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-twitter-webhooks-signature': signature }) });

describe('X CRC check', () => {
  it('answers crc_token with sha256= and the base64 HMAC-SHA256 of the token under the consumer secret', async () => {
    const { base } = await start();
    const answer = await http(base, 'GET', '/api/webhooks/x?crc_token=Mjc4NDAxNDk3MjYwOTQ3ODQx');
    expect(answer.status).toBe(200);
    const expected = createHmac('sha256', X_SECRET).update('Mjc4NDAxNDk3MjYwOTQ3ODQx').digest('base64');
    expect(answer.body).toEqual({ response_token: `sha256=${expected}` });
  });

  it('refuses a check without crc_token', async () => {
    const { base } = await start();
    const answer = await http(base, 'GET', '/api/webhooks/x');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/crc_token/);
  });

  it('answers 503 naming X_CONSUMER_SECRET when no consumer secret is configured, for the check and for deliveries', async () => {
    const { base } = await start({});
    const check = await http(base, 'GET', '/api/webhooks/x?crc_token=abc');
    expect(check.status).toBe(503);
    expect(check.body).toMatchObject({ error: 'not_configured', message: expect.stringContaining('X_CONSUMER_SECRET') });
    const body = fixture('x-mention.json');
    const delivery = await deliver(base, body);
    expect(delivery.status).toBe(503);
    expect(delivery.body.message).toContain('X_CONSUMER_SECRET');
    expect(await count(server!, 'mentions')).toBe(0);
  });
});

describe('X signatures', () => {
  it('accepts a delivery signed with the consumer secret', async () => {
    const { base } = await start();
    const body = fixture('x-mention.json');
    const answer = await deliver(base, body);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 1, duplicates: 0, ignored: 0, rejected: 0 });
  });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const { base, logs } = await start();
    const body = fixture('x-mention.json');
    const forged = await deliver(base, body, signX(body, 'another-secret'));
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: 'invalid_signature', message: expect.stringContaining('does not match') });
    const tampered = await deliver(base, body.replace('no refund', 'a refund'), signX(body));
    expect(tampered.status).toBe(401);
    const missing = await deliver(base, body, null);
    expect(missing.status).toBe(401);
    expect(missing.body.message).toContain('x-twitter-webhooks-signature header is missing');
    expect(await count(server!, 'mentions')).toBe(0);
    expect(logs.filter((line) => line.event === 'channel_signature_rejected').map((line) => line.fields.signature)).toEqual(['invalid', 'invalid', 'missing']);
  });
});

describe('X mapping', () => {
  it('maps a public mention (full text, author, lang, conversation) and the published workflows decide it', async () => {
    const { base } = await start();
    await publishRefundRouting(server!);
    const answer = await deliver(base, fixture('x-mention.json'));
    expect(answer.body.mentions).toEqual([{ channel: 'x', id: '1896543210987654321', status: 'created' }]);
    const stored = await storedMention(server!, 'x', '1896543210987654321');
    expect(stored.mention).toEqual({
      id: '1896543210987654321',
      channel: 'x',
      kind: 'post',
      text: '@acmeair my flight AC123 was cancelled and three weeks later I still have no refund. This is the third time I ask, booking ref QX7P2L. Please answer!',
      lang: 'en',
      createdAt: '2026-03-02T09:58:12.000Z',
      author: { handle: '@jdoe_travels', name: 'Jo Doe', followers: 1543, verified: false },
      conversationId: '1896543210987654321',
      brandRepliesInConversation: 0,
      customerMessagesInConversation: 1,
    });
    expect(stored.decision).toMatchObject({ queue: 'billing', priority: 'P2' });
    expect(stored.ticket).toMatchObject({ queue: 'billing' });
  });

  it('maps a reply (conversation = the tweet replied to) and a quote', async () => {
    const { base } = await start();
    await deliver(base, fixture('x-reply.json'));
    await deliver(base, fixture('x-quote.json'));
    const reply = (await storedMention(server!, 'x', '1896544100000000002')).mention;
    expect(reply).toMatchObject({ kind: 'reply', lang: 'fr', conversationId: '1896543900000000001', author: { handle: '@lea_b', verified: true, followers: 48210 } });
    const quote = (await storedMention(server!, 'x', '1896544500000000003')).mention;
    expect(quote).toMatchObject({ kind: 'quote', createdAt: '2026-03-02T10:03:30.000Z', author: { handle: '@sam_on_the_road' } });
  });

  it('maps a direct message: kind direct_message, the sender from the users map, the time from created_timestamp', async () => {
    const { base } = await start();
    await publishRefundRouting(server!);
    const answer = await deliver(base, fixture('x-direct-message.json'));
    expect(answer.body).toMatchObject({ created: 1, mentions: [{ channel: 'x', id: '1896545000000000005', status: 'created' }] });
    const stored = await storedMention(server!, 'x', '1896545000000000005');
    expect(stored.mention).toMatchObject({
      kind: 'direct_message',
      text: 'Hi, my booking reference is QX7P2L. I need the refund for AC123 please.',
      createdAt: '2026-03-02T10:05:00.000Z',
      author: { handle: '@jdoe_travels', name: 'Jo Doe', followers: 1543 },
      conversationId: '987654321-1186275104',
    });
    expect(stored.decision.queue).toBe('billing');
  });

  it('skips the brand’s own tweets and direct messages (for_user_id)', async () => {
    const { base } = await start();
    const own = await deliver(base, fixture('x-own-tweet.json'));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ created: 0, ignored: 1, mentions: [] });
    const sent = await deliver(base, fixture('x-direct-message-sent.json'));
    expect(sent.body).toMatchObject({ created: 0, ignored: 1 });
    expect(await count(server!, 'mentions')).toBe(0);
  });

  it('skips retweets, which carry no text of their own', async () => {
    const { base } = await start();
    const payload = fixtureJson('x-quote.json');
    const tweet = payload.tweet_create_events[0];
    payload.tweet_create_events[0] = { ...tweet, id_str: '1896544600000000009', retweeted_status: tweet.quoted_status };
    const answer = await deliver(base, JSON.stringify(payload));
    expect(answer.body).toMatchObject({ created: 0, ignored: 1 });
  });

  it('acknowledges an event type it does not map, and logs it', async () => {
    const { base, logs } = await start();
    const answer = await deliver(base, fixture('x-favorite.json'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 0, unhandled: ['favorite_events'] });
    expect(logs).toContainEqual(expect.objectContaining({ event: 'channel_event_unhandled', fields: expect.objectContaining({ platform: 'x', types: ['favorite_events'] }) }));
    expect(await count(server!, 'mentions')).toBe(0);
  });

  it('refuses a signed body that is not a JSON object with 400', async () => {
    const { base } = await start();
    expect((await deliver(base, '[1, 2]')).status).toBe(400);
    expect((await deliver(base, '{"for_user_id": ')).status).toBe(400);
  });
});

describe('X deduplication', () => {
  it('a redelivery of the same events is a duplicate: one mention, one decision, one ticket', async () => {
    const { base } = await start();
    await publishRefundRouting(server!);
    const body = fixture('x-mention.json');
    const first = await deliver(base, body);
    const again = await deliver(base, body);
    expect(first.body).toMatchObject({ created: 1, duplicates: 0 });
    expect(again.body).toMatchObject({ created: 0, duplicates: 1 });
    // A retry may also arrive re-serialized, with the same ids.
    const reserialized = JSON.stringify(fixtureJson('x-mention.json'));
    expect((await deliver(base, reserialized)).body).toMatchObject({ duplicates: 1 });
    expect(await count(server!, 'mentions')).toBe(1);
    expect(await count(server!, 'decisions')).toBe(1);
    expect(await count(server!, 'tickets')).toBe(1);
  });

  it('two concurrent deliveries of the same event store it once', async () => {
    const { base } = await start();
    const body = fixture('x-direct-message.json');
    const answers = await Promise.all([deliver(base, body), deliver(base, body), deliver(base, body)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.reduce((sum, answer) => sum + answer.body.created, 0)).toBe(1);
    expect(await count(server!, 'mentions')).toBe(1);
  });
});

describe('X consumer secret set through the API', () => {
  it('stores it encrypted with MENTIONFLOW_SECRET_KEY, says only that it is set, and uses it', async () => {
    const { base } = await start({ secretKey: SECRET_KEY });
    const before = await http(base, 'GET', '/api/channels/credentials');
    expect(before.body).toMatchObject({ xConsumerSecret: { set: false, source: null }, encryptionKey: { configured: true } });

    const put = await http(base, 'PUT', '/api/channels/credentials', JSON.stringify({ xConsumerSecret: 'stored-x-secret' }), { 'content-type': 'application/json' });
    expect(put.status).toBe(200);
    expect(put.body.xConsumerSecret).toMatchObject({ set: true, source: 'workspace', storedAs: 'encrypted' });
    expect(put.text).not.toContain('stored-x-secret');
    const row = await server!.services.database.client.execute("SELECT scheme, value FROM channel_credentials WHERE name = 'xConsumerSecret'");
    expect(row.rows[0]!.scheme).toBe('aes-256-gcm');
    expect(String(row.rows[0]!.value)).not.toContain('stored-x-secret');
    expect((await http(base, 'GET', '/api/channels/credentials')).text).not.toContain('stored-x-secret');

    const check = await http(base, 'GET', '/api/webhooks/x?crc_token=t0k3n');
    expect(check.body.response_token).toBe(`sha256=${createHmac('sha256', 'stored-x-secret').update('t0k3n').digest('base64')}`);
    const body = fixture('x-mention.json');
    expect((await deliver(base, body, signX(body, 'stored-x-secret'))).body.created).toBe(1);

    const removed = await http(base, 'PUT', '/api/channels/credentials', JSON.stringify({ xConsumerSecret: null }), { 'content-type': 'application/json' });
    expect(removed.body.xConsumerSecret).toEqual({ set: false, source: null });
    expect((await http(base, 'GET', '/api/webhooks/x?crc_token=t0k3n')).status).toBe(503);
  });

  it('refuses to store it without MENTIONFLOW_SECRET_KEY (503 naming the key) and stores nothing', async () => {
    const { base } = await start({});
    const put = await http(base, 'PUT', '/api/channels/credentials', JSON.stringify({ xConsumerSecret: 'plain', metaVerifyToken: 'token' }), { 'content-type': 'application/json' });
    expect(put.status).toBe(503);
    expect(put.body).toMatchObject({ error: 'not_configured', message: expect.stringContaining('MENTIONFLOW_SECRET_KEY') });
    expect(await count(server!, 'channel_credentials')).toBe(0);
  });

  it('prefers the configured secret to the stored one, and says so', async () => {
    const { base } = await start({ xConsumerSecret: X_SECRET, secretKey: SECRET_KEY });
    await http(base, 'PUT', '/api/channels/credentials', JSON.stringify({ xConsumerSecret: 'stored-x-secret' }), { 'content-type': 'application/json' });
    const status = await http(base, 'GET', '/api/channels/credentials');
    expect(status.body.xConsumerSecret).toMatchObject({ set: true, source: 'environment', storedAs: 'encrypted' });
    const body = fixture('x-mention.json');
    expect((await deliver(base, body)).status).toBe(200);
  });

  it('a stored secret the key cannot decrypt is reported as 503, not used', async () => {
    const { base } = await start({ secretKey: SECRET_KEY });
    await http(base, 'PUT', '/api/channels/credentials', JSON.stringify({ xConsumerSecret: 'stored-x-secret' }), { 'content-type': 'application/json' });
    const dir = server!.dir;
    await server!.stop();
    server = await startTestServer({ dir, channels: { secretKey: Buffer.alloc(32, 9).toString('base64') } });
    const base2 = await server.listen();
    const check = await http(base2, 'GET', '/api/webhooks/x?crc_token=abc');
    expect(check.status).toBe(503);
    expect(check.body.message).toMatch(/cannot be decrypted/);
  });
});
