// The Meta (Graph API) webhook over real HTTP: the subscription handshake, X-Hub-Signature-256, Facebook Page
// comments, Instagram comments and Messenger messages mapped to mentions, echoes and the Page's own comments skipped,
// redeliveries deduplicated, unknown fields acknowledged, and the verify token stored hashed.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import type { LogLevel } from '../apps/server/src/log.ts';
import type { ChannelConfig } from '../apps/server/src/channels/channel-config.ts';
import { META_SECRET, META_TOKEN, count, fixture, fixtureJson, http, publishRefundRouting, signMeta, storedMention } from './fixtures/channels/channel-helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop(true);
  server = undefined;
});

type LogLine = { level: LogLevel; event: string; fields: Record<string, unknown> };

async function start(channels: ChannelConfig = { metaAppSecret: META_SECRET, metaVerifyToken: META_TOKEN }): Promise<{ base: string; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  server = await startTestServer({ channels, logger: { log: (level, event, fields = {}) => void logs.push({ level, event, fields }) } });
  return { base: await server.listen(), logs };
}

/** POSTs a raw body signed with the test app secret; `null` sends no signature. */
const deliver = (base: string, body: string, signature: string | null = signMeta(body)) =>
  http(base, 'POST', '/api/webhooks/meta', body, { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) });

const handshake = (base: string, token: string, challenge = '1158201444') =>
  http(base, 'GET', `/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=${challenge}`);

describe('Meta subscription handshake', () => {
  it('echoes hub.challenge as text/plain when hub.verify_token matches', async () => {
    const { base } = await start();
    const answer = await handshake(base, META_TOKEN);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('1158201444');
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('answers 403 when the verify token does not match, and 400 without hub.mode=subscribe', async () => {
    const { base } = await start();
    const wrong = await handshake(base, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect(wrong.text).not.toContain('1158201444');
    expect((await http(base, 'GET', `/api/webhooks/meta?hub.verify_token=${META_TOKEN}&hub.challenge=1`)).status).toBe(400);
  });

  it('answers 503 naming META_VERIFY_TOKEN, and META_APP_SECRET for deliveries, when they are not configured', async () => {
    const { base } = await start({});
    const check = await handshake(base, 'anything');
    expect(check.status).toBe(503);
    expect(check.body).toMatchObject({ error: 'not_configured', message: expect.stringContaining('META_VERIFY_TOKEN') });
    const delivery = await deliver(base, fixture('meta-feed-comment.json'));
    expect(delivery.status).toBe(503);
    expect(delivery.body.message).toContain('META_APP_SECRET');
    expect(await count(server!, 'mentions')).toBe(0);
  });

  it('checks a verify token set through the API against its stored hash', async () => {
    const { base } = await start({ metaAppSecret: META_SECRET });
    const put = await http(base, 'PUT', '/api/channels/credentials', JSON.stringify({ metaVerifyToken: 'workspace-token' }), { 'content-type': 'application/json' });
    expect(put.status).toBe(200);
    expect(put.body.metaVerifyToken).toMatchObject({ set: true, source: 'workspace', storedAs: 'hashed' });
    const row = await server!.services.database.client.execute("SELECT scheme, value FROM channel_credentials WHERE name = 'metaVerifyToken'");
    expect(row.rows[0]!.scheme).toBe('scrypt');
    expect(String(row.rows[0]!.value)).not.toContain('workspace-token');
    expect((await handshake(base, 'workspace-token', '42')).text).toBe('42');
    expect((await handshake(base, 'workspace-token!')).status).toBe(403);
  });
});

describe('Meta signatures', () => {
  it('accepts a delivery signed with the app secret; refuses a wrong or missing X-Hub-Signature-256 with 401, storing nothing', async () => {
    const { base } = await start();
    const body = fixture('meta-feed-comment.json');
    expect((await deliver(base, body, signMeta(body, 'wrong-secret'))).status).toBe(401);
    expect((await deliver(base, body.replace('refund', 'voucher'), signMeta(body))).status).toBe(401);
    const missing = await deliver(base, body, null);
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'invalid_signature', message: expect.stringContaining('X-Hub-Signature-256 header is missing') });
    expect(await count(server!, 'mentions')).toBe(0);
    const valid = await deliver(base, body);
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ created: 1 });
  });
});

describe('Meta mapping', () => {
  it('maps a Facebook Page comment, and the published workflows decide it', async () => {
    const { base } = await start();
    await publishRefundRouting(server!);
    const answer = await deliver(base, fixture('meta-feed-comment.json'));
    expect(answer.body.mentions).toEqual([{ channel: 'facebook', id: '987650001234567_1122334455667788', status: 'created' }]);
    const stored = await storedMention(server!, 'facebook', '987650001234567_1122334455667788');
    expect(stored.mention).toMatchObject({
      channel: 'facebook',
      kind: 'comment',
      text: 'Still waiting for my refund since February and nobody answers the phone',
      createdAt: '2026-03-02T09:59:30.000Z',
      author: { handle: '7165234567890123', name: 'Camille Martin' },
      conversationId: '104758392011234_987650001234567',
    });
    expect(stored.decision).toMatchObject({ queue: 'billing', priority: 'P2' });
  });

  it('maps a reply to a comment as kind reply; skips edits, removals and non-comment feed items', async () => {
    const { base } = await start();
    const payload = fixtureJson('meta-feed-comment.json');
    const value = payload.entry[0].changes[0].value;
    payload.entry[0].changes.push(
      { field: 'feed', value: { ...value, comment_id: '987650001234567_2233445566778899', parent_id: value.comment_id, message: 'same here' } },
      { field: 'feed', value: { ...value, comment_id: '987650001234567_3344556677889900', verb: 'edited' } },
      { field: 'feed', value: { from: value.from, post_id: value.post_id, item: 'reaction', reaction_type: 'angry', verb: 'add', created_time: value.created_time } },
    );
    const answer = await deliver(base, JSON.stringify(payload));
    expect(answer.body).toMatchObject({ created: 2, ignored: 2 });
    expect((await storedMention(server!, 'facebook', '987650001234567_2233445566778899')).mention.kind).toBe('reply');
  });

  it('maps an Instagram comment: @username, the media as conversation, the entry time', async () => {
    const { base } = await start();
    await publishRefundRouting(server!);
    const answer = await deliver(base, fixture('meta-instagram-comment.json'));
    expect(answer.body).toMatchObject({ created: 1 });
    const stored = await storedMention(server!, 'instagram', '17865799348089039');
    expect(stored.mention).toMatchObject({
      channel: 'instagram',
      kind: 'comment',
      text: '@acmeair lost my suitcase on AC88, any news? I want a refund',
      createdAt: '2026-03-02T10:06:40.000Z',
      author: { handle: '@lea.voyage' },
      conversationId: '17887498072083520',
    });
    expect(stored.decision.queue).toBe('billing');
  });

  it('maps a Messenger message to a direct message from the page-scoped sender', async () => {
    const { base } = await start();
    const answer = await deliver(base, fixture('meta-messenger-message.json'));
    expect(answer.body).toMatchObject({ created: 1 });
    const id = 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P';
    const stored = await storedMention(server!, 'messenger', id);
    expect(stored.mention).toMatchObject({
      channel: 'messenger',
      kind: 'direct_message',
      text: 'Hello, I need to change the name on my booking QX7P2L',
      createdAt: '2026-03-02T10:08:00.000Z',
      author: { handle: '6543210987654321' },
      conversationId: '6543210987654321',
    });
  });

  it('skips message echoes and comments written by the Page or the Instagram account itself', async () => {
    const { base } = await start();
    const echo = await deliver(base, fixture('meta-messenger-echo.json'));
    expect(echo.status).toBe(200);
    expect(echo.body).toMatchObject({ created: 0, ignored: 1 });

    const pageComment = fixtureJson('meta-feed-comment.json');
    pageComment.entry[0].changes[0].value.from = { id: '104758392011234', name: 'Acme Air' };
    expect((await deliver(base, JSON.stringify(pageComment))).body).toMatchObject({ created: 0, ignored: 1 });

    const ownInstagram = fixtureJson('meta-instagram-comment.json');
    ownInstagram.entry[0].changes[0].value.from = { id: '17841405822304914', username: 'acmeair' };
    expect((await deliver(base, JSON.stringify(ownInstagram))).body).toMatchObject({ created: 0, ignored: 1 });
    expect(await count(server!, 'mentions')).toBe(0);
  });

  it('acknowledges fields and messaging events it does not map (ratings, read receipts), and logs them', async () => {
    const { base, logs } = await start();
    const ratings = await deliver(base, fixture('meta-page-ratings.json'));
    expect(ratings.status).toBe(200);
    expect(ratings.body).toMatchObject({ created: 0, unhandled: ['page/ratings'] });
    const read = fixtureJson('meta-messenger-message.json');
    read.entry[0].messaging = [{ sender: { id: '6543210987654321' }, recipient: { id: '104758392011234' }, timestamp: 1772446090000, read: { watermark: 1772446080000 } }];
    expect((await deliver(base, JSON.stringify(read))).body).toMatchObject({ unhandled: ['messenger/messaging/read'] });
    const other = await deliver(base, JSON.stringify({ object: 'permissions', entry: [{ id: '1', time: 1772446090, changes: [{ field: 'email', value: { verb: 'granted' } }] }] }));
    expect(other.body).toMatchObject({ unhandled: ['permissions/email'] });
    expect(logs.filter((line) => line.event === 'channel_event_unhandled').map((line) => line.fields.types)).toEqual([['page/ratings'], ['messenger/messaging/read'], ['permissions/email']]);
    expect(await count(server!, 'mentions')).toBe(0);
  });
});

describe('Meta deduplication', () => {
  it('redeliveries of comments and messages are duplicates, stored once', async () => {
    const { base } = await start();
    for (const name of ['meta-feed-comment.json', 'meta-instagram-comment.json', 'meta-messenger-message.json']) {
      const body = fixture(name);
      expect((await deliver(base, body)).body).toMatchObject({ created: 1, duplicates: 0 });
      expect((await deliver(base, body)).body).toMatchObject({ created: 0, duplicates: 1 });
    }
    expect(await count(server!, 'mentions')).toBe(3);
    expect(await count(server!, 'decisions')).toBe(3);
  });

  it('the same comment in two entries of one delivery is stored once', async () => {
    const { base } = await start();
    const payload = fixtureJson('meta-feed-comment.json');
    payload.entry.push(structuredClone(payload.entry[0]));
    const answer = await deliver(base, JSON.stringify(payload));
    expect(answer.body).toMatchObject({ created: 1, duplicates: 1 });
    expect(await count(server!, 'mentions')).toBe(1);
  });
});
