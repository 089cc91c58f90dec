import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../packages/engine/src/index.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { mention } from './support/mentions.ts';

// Refunds go to billing, everything else to general; "urgent" is P1 and notifies a supervisor, "delayed" is tagged.
const triage = workflow(
  'triage',
  'routing',
  [
    trigger(),
    condition('is-refund', [['text', 'containsTerms', ['refund']]]),
    node('to-billing', 'route', { queue: 'billing', rank: 50 }),
    node('to-general', 'route', { queue: 'general', rank: 90 }),
    condition('is-urgent', [['text', 'containsTerms', ['urgent']]]),
    node('p1', 'set_priority', { mode: 'set', priority: 'P1' }),
    node('tell-lead', 'notify', { target: 'supervisor', message: 'Urgent mention' }),
    condition('is-delay', [['text', 'containsTerms', ['delayed']]]),
    node('tag-delay', 'tag', { tags: ['delay'] }),
  ],
  [
    edge('start', 'is-refund'),
    edge('is-refund', 'to-billing', 'yes'),
    edge('is-refund', 'to-general', 'no'),
    edge('start', 'is-urgent'),
    edge('is-urgent', 'p1', 'yes'),
    edge('p1', 'tell-lead'),
    edge('start', 'is-delay'),
    edge('is-delay', 'tag-delay', 'yes'),
  ],
);

let server: TestServer;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock('2026-03-02T10:05:00Z');
  server = await startTestServer({ clock, assignIntervalMs: 0 });
  expect((await server.call('POST', '/api/workflows', triage)).status).toBe(201);
  expect((await server.call('POST', '/api/workflows/triage/publish', {})).status).toBe(201);
  for (const id of ['ana', 'ben', 'cam']) {
    expect((await server.call('POST', '/api/agents', { id, name: id.toUpperCase(), languages: ['en'], queues: ['general', 'billing'] })).status).toBe(201);
  }
});
afterEach(async () => {
  await server.stop(true);
});

async function ingest(overrides: Partial<Mention>): Promise<number> {
  const response = await server.call('POST', '/api/mentions', mention(overrides));
  expect(response.status).toBe(201);
  const stored = await server.call('GET', `/api/mentions/${response.body.mentionId}?channel=${response.body.channel}`);
  return stored.body.ticket.id as number;
}

const claim = (id: number, agentId: string) => server.call('POST', `/api/tickets/${id}/claim`, { agentId });

/** Five tickets whose queue order is d, b, c, a, e. */
async function fiveTickets() {
  const a = await ingest({ id: 'a', text: '@acmeair my bag is delayed', createdAt: '2026-03-02T09:30:00Z' }); // general P3, due 13:30
  const b = await ingest({ id: 'b', text: 'urgent refund @acmeair', createdAt: '2026-03-02T10:00:00Z' }); // billing P1, due 10:15
  const c = await ingest({ id: 'c', text: 'hello @acmeair', createdAt: '2026-03-02T09:00:00Z' }); // general P3, due 13:00
  const d = await ingest({ id: 'd', text: 'urgent please @acmeair', createdAt: '2026-03-02T09:55:00Z' }); // general P1, due 10:10
  const e = await ingest({ id: 'e', channel: 'facebook', kind: 'comment', text: 'refund please', createdAt: '2026-03-02T10:00:00Z' }); // billing P3, due 14:00
  return { a, b, c, d, e };
}

const ids = (body: { items: { ticket: { id: number } }[] }) => body.items.map((item) => item.ticket.id);

describe('GET /api/queue', () => {
  it('lists open tickets P1 first, then by first-response due time, with mention and decision', async () => {
    const { a, b, c, d, e } = await fiveTickets();
    const response = await server.call('GET', '/api/queue');
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual([d, b, c, a, e]);
    expect(response.body.nextCursor).toBeNull();
    const first = response.body.items[1];
    expect(first).toMatchObject({
      ticket: { id: b, queue: 'billing', priority: 'P1', status: 'open', assigneeId: null, firstResponseDueAt: '2026-03-02T10:15:00.000Z' },
      mention: { id: 'b', channel: 'x', text: 'urgent refund @acmeair', author: { handle: '@someone' } },
      decision: { queue: 'billing', priority: 'P1', tags: [], actions: [{ type: 'notify', target: 'supervisor', message: 'Urgent mention' }] },
      overdue: false,
    });
    expect(response.body.items[3].decision.tags).toEqual(['delay']);
  });

  it('filters by queue, tag, channel and assignee', async () => {
    const { a, b, c, d, e } = await fiveTickets();
    expect(ids((await server.call('GET', '/api/queue?queue=billing')).body)).toEqual([b, e]);
    expect(ids((await server.call('GET', '/api/queue?tag=delay')).body)).toEqual([a]);
    expect(ids((await server.call('GET', '/api/queue?channel=facebook')).body)).toEqual([e]);
    expect((await claim(c, 'ana')).status).toBe(200);
    expect((await claim(e, 'ana')).status).toBe(200);
    expect(ids((await server.call('GET', '/api/queue?assignee=ana')).body)).toEqual([c, e]);
    expect(ids((await server.call('GET', '/api/queue?assignee=unassigned')).body)).toEqual([d, b, a]);
    expect(ids((await server.call('GET', '/api/queue?assignee=ana&queue=billing')).body)).toEqual([e]);
    expect(ids((await server.call('GET', '/api/queue?tag=nothing-has-this')).body)).toEqual([]);
  });

  it('pages with limit and cursor', async () => {
    const { a, b, c, d, e } = await fiveTickets();
    const first = await server.call('GET', '/api/queue?limit=2');
    expect(ids(first.body)).toEqual([d, b]);
    const second = await server.call('GET', `/api/queue?limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([c, a]);
    const third = await server.call('GET', `/api/queue?limit=2&cursor=${second.body.nextCursor}`);
    expect(ids(third.body)).toEqual([e]);
    expect(third.body.nextCursor).toBeNull();
  });

  it('flags overdue tickets by the server clock, until the first response', async () => {
    const { b, d } = await fiveTickets();
    const overdue = async () => (await server.call('GET', '/api/queue')).body.items.filter((item: { overdue: boolean }) => item.overdue).map((item: { ticket: { id: number } }) => item.ticket.id);
    expect(await overdue()).toEqual([]);
    clock.set('2026-03-02T10:12:00Z');
    expect(await overdue()).toEqual([d]);
    clock.set('2026-03-02T10:16:00Z');
    expect(await overdue()).toEqual([d, b]);
    expect((await server.call('GET', `/api/tickets/${d}`)).body.overdue).toBe(true);
    expect((await server.call('POST', `/api/tickets/${d}/replies`, { agentId: 'ana', text: 'On it!', visibility: 'public' })).status).toBe(201);
    expect(await overdue()).toEqual([b]);
  });

  it('refuses unknown or malformed query parameters with 400 naming them', async () => {
    for (const [query, field] of [
      ['color=red', 'color'],
      ['limit=0', 'limit'],
      ['limit=lots', 'limit'],
      ['channel=myspace', 'channel'],
      ['queue=Not A Queue', 'queue'],
      ['cursor=bm9wZQ', 'cursor'],
    ] as const) {
      const response = await server.call('GET', `/api/queue?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining(field) });
    }
  });
});

describe('GET /api/tickets/:id', () => {
  it('answers the ticket with its mention and full decision', async () => {
    const { b } = await fiveTickets();
    const response = await server.call('GET', `/api/tickets/${b}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      ticket: { id: b, channel: 'x', mentionId: 'b', queue: 'billing', priority: 'P1', createdAt: '2026-03-02T10:05:00.000Z' },
      mention: { id: 'b', kind: 'post', text: 'urgent refund @acmeair' },
      decision: { mentionId: 'b', queue: 'billing', priority: 'P1', fired: expect.any(Array) },
      overdue: false,
    });
  });

  it('404 for an unknown ticket, 400 for something that is not an id', async () => {
    expect(await server.call('GET', '/api/tickets/999')).toMatchObject({ status: 404, body: { error: 'not_found', message: 'ticket 999 was not found' } });
    expect(await server.call('GET', '/api/tickets/abc')).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect((await server.call('POST', '/api/tickets/0/claim', { agentId: 'ana' })).status).toBe(400);
  });
});

describe('claiming', () => {
  it('one agent holds a ticket: another agent’s claim is refused naming the holder; claiming again is a no-op', async () => {
    const id = await ingest({ text: 'hello @acmeair' });
    const first = await claim(id, 'ana');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id, assigneeId: 'ana', claimedAt: '2026-03-02T10:05:00.000Z' });
    clock.advance(5);
    const again = await claim(id, 'ana');
    expect(again.status).toBe(200);
    expect(again.body.claimedAt).toBe('2026-03-02T10:05:00.000Z');
    const other = await claim(id, 'ben');
    expect(other.status).toBe(409);
    expect(other.body).toEqual({ error: 'already_claimed', message: `ticket ${id} is held by agent “ana”`, details: { ticketId: id, assigneeId: 'ana' } });
    expect((await server.call('GET', `/api/tickets/${id}`)).body.ticket.assigneeId).toBe('ana');
    const claims = await server.services.events.list({ type: 'ticket.claimed' });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ subject: `ticket:${id}`, actor: 'ana' });
  });

  it('concurrent claims: exactly one agent wins each ticket', async () => {
    const tickets = [];
    for (let n = 0; n < 6; n++) tickets.push(await ingest({ text: `hello @acmeair ${n}` }));
    for (const id of tickets) {
      const results = await Promise.all(['ana', 'ben', 'cam'].map((agentId) => claim(id, agentId)));
      const winners = results.filter((result) => result.status === 200);
      expect(winners).toHaveLength(1);
      const holder = winners[0]!.body.assigneeId as string;
      const losers = results.filter((result) => result.status === 409);
      expect(losers).toHaveLength(2);
      for (const loser of losers) expect(loser.body).toMatchObject({ error: 'already_claimed', details: { assigneeId: holder } });
      expect((await server.call('GET', `/api/tickets/${id}`)).body.ticket.assigneeId).toBe(holder);
    }
  });

  it('refuses claims by unknown or inactive agents and on resolved tickets', async () => {
    const id = await ingest({ text: 'hello @acmeair' });
    expect(await claim(id, 'nobody')).toMatchObject({ status: 404, body: { error: 'not_found', message: 'agent “nobody” was not found' } });
    expect((await server.call('PATCH', '/api/agents/cam', { active: false })).status).toBe(200);
    expect(await claim(id, 'cam')).toMatchObject({ status: 409, body: { error: 'conflict', details: { agentId: 'cam', active: false } } });
    expect(await claim(999, 'ana')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect((await server.call('POST', `/api/tickets/${id}/resolve`)).status).toBe(200);
    expect(await claim(id, 'ana')).toMatchObject({ status: 409, body: { error: 'conflict', details: { status: 'resolved' } } });
  });

  it('validates the body: 422 naming the field, 415 without JSON, 400 for broken JSON, 413 when too large', async () => {
    const id = await ingest({ text: 'hello @acmeair' });
    const path = `/api/tickets/${id}/claim`;
    expect(await server.call('POST', path, {})).toMatchObject({ status: 422, body: { error: 'validation_failed', details: [{ field: 'agentId' }] } });
    expect(await server.call('POST', path, { agentId: 'ana', urgent: true })).toMatchObject({ status: 422, body: { error: 'validation_failed', details: [{ field: 'urgent', message: 'unknown field' }] } });
    expect(await server.call('POST', path, { agentId: 'unassigned' })).toMatchObject({ status: 422, body: { details: [{ field: 'agentId' }] } });
    expect(await server.call('POST', path, 'agentId=ana', { 'content-type': 'text/plain' })).toMatchObject({ status: 415, body: { error: 'unsupported_media_type' } });
    expect(await server.call('POST', path, '{"agentId": ')).toMatchObject({ status: 400, body: { error: 'invalid_json' } });
    expect(await server.call('POST', path, { agentId: 'ana', pad: 'x'.repeat(1024 * 1024 + 1) })).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
  });
});

describe('releasing', () => {
  it('only the holder releases; then another agent can claim', async () => {
    const id = await ingest({ text: 'hello @acmeair' });
    await claim(id, 'ana');
    const refused = await server.call('POST', `/api/tickets/${id}/release`, { agentId: 'ben' });
    expect(refused).toMatchObject({ status: 409, body: { error: 'already_claimed', details: { assigneeId: 'ana' } } });
    const released = await server.call('POST', `/api/tickets/${id}/release`, { agentId: 'ana' });
    expect(released).toMatchObject({ status: 200, body: { id, assigneeId: null, claimedAt: null } });
    expect((await server.call('POST', `/api/tickets/${id}/release`, { agentId: 'ana' })).status).toBe(200);
    expect((await claim(id, 'ben')).body.assigneeId).toBe('ben');
    expect(await server.services.events.list({ type: 'ticket.released' })).toHaveLength(1);
    expect(await server.call('POST', `/api/tickets/${id}/release`, { agentId: 'ghost' })).toMatchObject({ status: 404 });
  });
});

describe('resolving and reopening', () => {
  it('resolve sets status and resolvedAt and leaves the queue; reopen brings it back; each is recorded', async () => {
    const id = await ingest({ text: 'hello @acmeair' });
    clock.set('2026-03-02T11:00:00Z');
    const resolved = await server.call('POST', `/api/tickets/${id}/resolve`, { agentId: 'ana', note: 'answered by DM' });
    expect(resolved).toMatchObject({ status: 200, body: { id, status: 'resolved', resolvedAt: '2026-03-02T11:00:00.000Z' } });
    expect(ids((await server.call('GET', '/api/queue')).body)).toEqual([]);
    expect(await server.call('POST', `/api/tickets/${id}/resolve`)).toMatchObject({ status: 409, body: { error: 'conflict', message: `ticket ${id} is already resolved` } });
    const reopened = await server.call('POST', `/api/tickets/${id}/reopen`);
    expect(reopened).toMatchObject({ status: 200, body: { id, status: 'open', resolvedAt: null } });
    expect(ids((await server.call('GET', '/api/queue')).body)).toEqual([id]);
    expect(await server.call('POST', `/api/tickets/${id}/reopen`)).toMatchObject({ status: 409, body: { error: 'conflict' } });
    const [resolvedEvent] = await server.services.events.list({ type: 'ticket.resolved' });
    expect(resolvedEvent).toMatchObject({ subject: `ticket:${id}`, actor: 'ana', detail: { ticketId: id, note: 'answered by DM' } });
    expect(await server.services.events.list({ type: 'ticket.reopened' })).toHaveLength(1);
  });

  it('validates the optional body', async () => {
    const id = await ingest({ text: 'hello @acmeair' });
    expect(await server.call('POST', `/api/tickets/${id}/resolve`, { status: 'done' })).toMatchObject({ status: 422, body: { details: [{ field: 'status', message: 'unknown field' }] } });
    expect(await server.call('POST', `/api/tickets/${id}/resolve`, { agentId: 'ghost' })).toMatchObject({ status: 404 });
    expect(await server.call('POST', '/api/tickets/999/resolve')).toMatchObject({ status: 404 });
  });
});

describe('rating', () => {
  it('takes 1–5 on resolved tickets only; reopening clears it', async () => {
    const id = await ingest({ text: 'hello @acmeair' });
    const path = `/api/tickets/${id}/rating`;
    expect(await server.call('POST', path, { rating: 5 })).toMatchObject({ status: 409, body: { error: 'conflict', details: { status: 'open' } } });
    await server.call('POST', `/api/tickets/${id}/resolve`);
    for (const rating of [0, 6, 2.5, 'five', null]) {
      expect(await server.call('POST', path, { rating }), String(rating)).toMatchObject({ status: 422, body: { error: 'validation_failed', details: [{ field: 'rating' }] } });
    }
    expect(await server.call('POST', path, {})).toMatchObject({ status: 422, body: { details: [{ field: 'rating' }] } });
    expect(await server.call('POST', path, { rating: 4, comment: 'ok' })).toMatchObject({ status: 422, body: { details: [{ field: 'comment' }] } });
    expect(await server.call('POST', path, { rating: 4 })).toMatchObject({ status: 200, body: { rating: 4 } });
    expect(await server.call('POST', path, { rating: 5 })).toMatchObject({ status: 200, body: { rating: 5 } });
    expect((await server.services.events.list({ type: 'ticket.rated' }))[0]).toMatchObject({ detail: { ticketId: id, rating: 5 } });
    expect((await server.call('POST', `/api/tickets/${id}/reopen`)).body.rating).toBeNull();
    expect(await server.call('POST', '/api/tickets/999/rating', { rating: 3 })).toMatchObject({ status: 404 });
  });
});

describe('API description', () => {
  it('documents the queue and ticket routes in the OpenAPI document', async () => {
    const paths = Object.keys((await server.call('GET', '/api/openapi.json')).body.paths ?? {});
    expect(paths).toEqual(expect.arrayContaining(['/api/queue', '/api/queue/assign', '/api/tickets/{id}', '/api/tickets/{id}/claim', '/api/tickets/{id}/replies']));
  });
});
