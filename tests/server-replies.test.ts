import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../packages/engine/src/index.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { mention } from './support/mentions.ts';

// Everything goes to support; once the brand has replied twice in the conversation, the mention is tagged.
const routing = workflow(
  'reply-limit',
  'routing',
  [
    trigger(),
    node('to-support', 'route', { queue: 'support', rank: 90 }),
    condition('replied-twice', [['conversation.brandReplies', 'greaterThanInclusive', 2]]),
    node('tag-limit', 'tag', { tags: ['reply-limit'] }),
  ],
  [edge('start', 'to-support'), edge('start', 'replied-twice'), edge('replied-twice', 'tag-limit', 'yes')],
);

let server: TestServer;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock('2026-03-02T10:05:00Z');
  server = await startTestServer({ clock, assignIntervalMs: 0 });
  expect((await server.call('POST', '/api/workflows', routing)).status).toBe(201);
  expect((await server.call('POST', '/api/workflows/reply-limit/publish', {})).status).toBe(201);
  for (const id of ['ana', 'ben']) expect((await server.call('POST', '/api/agents', { id, name: id, languages: ['en'], queues: ['support'] })).status).toBe(201);
});
afterEach(async () => {
  await server.stop(true);
});

async function ingest(overrides: Partial<Mention>): Promise<{ ticketId: number; tags: string[] }> {
  const response = await server.call('POST', '/api/mentions', mention({ lang: 'en', ...overrides }));
  expect(response.status).toBe(201);
  const stored = await server.call('GET', `/api/mentions/${response.body.mentionId}?channel=${response.body.channel}`);
  return { ticketId: stored.body.ticket.id, tags: response.body.decision.tags };
}

const reply = (ticketId: number, body: Record<string, unknown>) =>
  server.call('POST', `/api/tickets/${ticketId}/replies`, { agentId: 'ana', text: 'We are on it.', visibility: 'public', ...body });

describe('POST /api/tickets/:id/replies', () => {
  it('records a reply, claims an unassigned ticket, sets the first response once and counts the brand reply', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    const first = await reply(ticketId, { text: 'Hi! Looking into it.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      reply: { ticketId, agentId: 'ana', channel: 'x', conversationId: 'c1', authorHandle: '@someone', visibility: 'public', text: 'Hi! Looking into it.', overrideReason: null, createdAt: '2026-03-02T10:05:00.000Z' },
      ticket: { id: ticketId, assigneeId: 'ana', claimedAt: '2026-03-02T10:05:00.000Z', firstResponseAt: '2026-03-02T10:05:00.000Z' },
      overridden: false,
      publicRepliesToAuthor: 1,
      conversation: { channel: 'x', conversationId: 'c1', brandReplies: 1 },
    });
    clock.advance(10);
    const second = await reply(ticketId, { text: 'Done, see DM.', visibility: 'private' });
    expect(second.status).toBe(201);
    expect(second.body.ticket.firstResponseAt).toBe('2026-03-02T10:05:00.000Z');
    expect(await server.services.events.list({ type: 'ticket.claimed' })).toEqual([expect.objectContaining({ actor: 'ana', detail: { ticketId, agentId: 'ana', via: 'reply' } })]);
    const list = await server.call('GET', `/api/tickets/${ticketId}/replies`);
    expect(list.status).toBe(200);
    expect(list.body.replies.map((row: { text: string; visibility: string }) => [row.text, row.visibility])).toEqual([
      ['Hi! Looking into it.', 'public'],
      ['Done, see DM.', 'private'],
    ]);
  });

  it('only the agent holding the ticket may reply', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    await server.call('POST', `/api/tickets/${ticketId}/claim`, { agentId: 'ben' });
    expect(await reply(ticketId, {})).toMatchObject({ status: 409, body: { error: 'already_claimed', details: { ticketId, assigneeId: 'ben' } } });
    expect((await reply(ticketId, { agentId: 'ben' })).status).toBe(201);
    expect((await server.call('GET', `/api/tickets/${ticketId}/replies`)).body.replies).toHaveLength(1);
  });

  it('a third public reply to the same author in the conversation needs an override, which is logged with who and why', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    expect((await reply(ticketId, {})).status).toBe(201);
    expect((await reply(ticketId, {})).status).toBe(201);
    const third = await reply(ticketId, { text: 'Anything else?' });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({
      error: 'reply_limit',
      message: expect.stringContaining('override'),
      details: { ticketId, authorHandle: '@someone', conversationId: 'c1', publicReplies: 2, limit: 2 },
    });
    // Private replies are not limited and do not count toward the public limit.
    expect((await reply(ticketId, { visibility: 'private', text: 'Sent you a DM' })).status).toBe(201);
    expect((await reply(ticketId, { visibility: 'private', text: 'And another' })).status).toBe(201);
    expect((await reply(ticketId, {})).status).toBe(409);

    const overridden = await reply(ticketId, { text: 'Correction: the flight leaves at 9.', override: { reason: 'wrong time given publicly' } });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ overridden: true, publicRepliesToAuthor: 3, reply: { overrideReason: 'wrong time given publicly' } });
    const logged = await server.services.events.list({ type: 'reply.limit_overridden' });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      subject: `ticket:${ticketId}`,
      actor: 'token:test admin',
      detail: { ticketId, replyId: overridden.body.reply.id, agentId: 'ana', reason: 'wrong time given publicly', authorHandle: '@someone', conversationId: 'c1', publicRepliesBefore: 2 },
    });
    const replies = (await server.call('GET', `/api/tickets/${ticketId}/replies`)).body.replies;
    expect(replies.map((row: { visibility: string }) => row.visibility)).toEqual(['public', 'public', 'private', 'private', 'public']);
  });

  it('an override that is not needed is not recorded', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    const response = await reply(ticketId, { override: { reason: 'just in case' } });
    expect(response).toMatchObject({ status: 201, body: { overridden: false, reply: { overrideReason: null } } });
    expect(await server.services.events.list({ type: 'reply.limit_overridden' })).toEqual([]);
  });

  it('the limit is per author and conversation, across the conversation’s tickets', async () => {
    const first = await ingest({ conversationId: 'c1' });
    await reply(first.ticketId, {});
    await reply(first.ticketId, {});
    // The same customer writes again in the thread: a new ticket, same conversation, limit already reached.
    const again = await ingest({ conversationId: 'c1', text: 'Still waiting @acmeair' });
    expect(await reply(again.ticketId, {})).toMatchObject({ status: 409, body: { error: 'reply_limit' } });
    // Someone else joins the thread: their own two public replies.
    const other = await ingest({ conversationId: 'c1', author: { handle: '@other' } });
    expect((await reply(other.ticketId, {})).status).toBe(201);
    expect((await reply(other.ticketId, {})).status).toBe(201);
    expect((await reply(other.ticketId, {})).status).toBe(409);
    // Another conversation of the first customer starts afresh.
    const elsewhere = await ingest({ conversationId: 'c2' });
    expect((await reply(elsewhere.ticketId, {})).status).toBe(201);
  });

  it('a mention outside any thread is its own conversation', async () => {
    const { ticketId } = await ingest({ id: 'solo' });
    const first = await reply(ticketId, {});
    expect(first.body.conversation).toEqual({ channel: 'x', conversationId: 'solo', brandReplies: 1 });
    await reply(ticketId, {});
    expect((await reply(ticketId, {})).status).toBe(409);
    // The customer answers in the thread the mention started: the engine sees the brand's two replies.
    const followUp = await ingest({ conversationId: 'solo' });
    expect(followUp.tags).toContain('reply-limit');
  });

  it('concurrent public replies never pass the limit together', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    await reply(ticketId, {});
    const results = await Promise.all([1, 2, 3, 4].map((n) => reply(ticketId, { text: `reply ${n}` })));
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    expect(results.filter((result) => result.status === 409 && result.body.error === 'reply_limit')).toHaveLength(3);
    expect((await server.call('GET', `/api/tickets/${ticketId}/replies`)).body.replies).toHaveLength(2);
  });

  it('two agents replying to an unassigned ticket at once: one claims it, the other is refused', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    const [fromAna, fromBen] = await Promise.all([reply(ticketId, { agentId: 'ana' }), reply(ticketId, { agentId: 'ben' })]);
    const statuses = [fromAna.status, fromBen.status].sort();
    expect(statuses).toEqual([201, 409]);
    const winner = fromAna.status === 201 ? 'ana' : 'ben';
    expect((fromAna.status === 409 ? fromAna : fromBen).body).toMatchObject({ error: 'already_claimed', details: { assigneeId: winner } });
    expect((await server.call('GET', `/api/tickets/${ticketId}`)).body.ticket.assigneeId).toBe(winner);
  });

  it('refuses bad replies: 422 naming the field, 404 unknown agent or ticket, 409 inactive agent, 415 not JSON', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'text'],
      [{ visibility: 'dm' }, 'visibility'],
      [{ override: {} }, 'override.reason'],
      [{ override: { reason: 'x', by: 'me' } }, 'override.by'],
      [{ agentId: undefined }, 'agentId'],
      [{ mood: 'sorry' }, 'mood'],
    ];
    for (const [body, field] of cases) {
      const response = await reply(ticketId, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body).toMatchObject({ error: 'validation_failed', details: [{ field }] });
    }
    expect(await reply(ticketId, { agentId: 'ghost' })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await reply(999, {})).toMatchObject({ status: 404, body: { error: 'not_found', message: 'ticket 999 was not found' } });
    expect(await server.call('GET', '/api/tickets/999/replies')).toMatchObject({ status: 404 });
    await server.call('PATCH', '/api/agents/ben', { active: false });
    expect(await reply(ticketId, { agentId: 'ben' })).toMatchObject({ status: 409, body: { error: 'conflict' } });
    expect(await server.call('POST', `/api/tickets/${ticketId}/replies`, 'hello', { 'content-type': 'text/plain' })).toMatchObject({ status: 415 });
    expect((await server.call('GET', `/api/tickets/${ticketId}/replies`)).body.replies).toEqual([]);
  });
});

describe('brand replies feed the next mention’s conversation.brandReplies', () => {
  it('tags the next mention once the brand replied publicly twice', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    await reply(ticketId, {});
    expect((await ingest({ conversationId: 'c1', text: 'thanks @acmeair' })).tags).not.toContain('reply-limit');
    await reply(ticketId, {});
    expect((await ingest({ conversationId: 'c1', text: 'still there @acmeair?' })).tags).toContain('reply-limit');
    const conversation = await server.services.database.client.execute("SELECT brand_replies, customer_messages FROM conversations WHERE conversation_id = 'c1'");
    expect(conversation.rows[0]).toMatchObject({ brand_replies: 2, customer_messages: 3 });
  });

  it('a private reply to a public conversation moves to DM and does not count there', async () => {
    const { ticketId } = await ingest({ conversationId: 'c1' });
    await reply(ticketId, {});
    const moved = await reply(ticketId, { visibility: 'private' });
    expect(moved.body.conversation.brandReplies).toBe(1);
    expect((await ingest({ conversationId: 'c1', text: 'ok @acmeair' })).tags).not.toContain('reply-limit');
  });

  it('in a private conversation every reply counts', async () => {
    const { ticketId } = await ingest({ channel: 'whatsapp', kind: 'direct_message', conversationId: 'w1', text: 'my bag is lost' });
    await reply(ticketId, { visibility: 'private' });
    const second = await reply(ticketId, { visibility: 'private' });
    expect(second.body.conversation).toEqual({ channel: 'whatsapp', conversationId: 'w1', brandReplies: 2 });
    expect((await ingest({ channel: 'whatsapp', kind: 'direct_message', conversationId: 'w1', text: 'any news?' })).tags).toContain('reply-limit');
  });
});
