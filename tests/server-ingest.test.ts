import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import { refundWorkflow } from './support/workflows.ts';
import { mention } from './support/mentions.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  await server.call('POST', '/api/workflows', refundWorkflow());
  await server.call('POST', '/api/workflows/refunds/publish', {});
});
afterEach(async () => {
  await server.stop(true);
});

async function count(table: string): Promise<number> {
  const result = await server.services.database.client.execute(`SELECT count(*) FROM ${table}`);
  return Number(result.rows[0]![0]);
}

describe('ingesting mentions', () => {
  it('decides, stores and answers; the ticket lands in the routed queue with a due time', async () => {
    const response = await server.call('POST', '/api/mentions', mention({ id: 'r1', text: 'I need a REFUND @acmeair' }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'created', mentionId: 'r1', channel: 'x', decision: { queue: 'billing', priority: 'P2' } });
    const ticket = await server.services.database.client.execute("SELECT queue, priority, status, first_response_due_at FROM tickets WHERE mention_id = 'r1'");
    expect(ticket.rows[0]).toMatchObject({ queue: 'billing', priority: 'P2', status: 'open' });
    expect(Number(ticket.rows[0]!.first_response_due_at)).toBeGreaterThan(Date.parse('2026-03-02T10:00:00Z'));
  });

  it('is idempotent on (channel, id): a redelivery returns the original decision and changes nothing', async () => {
    const original = await server.call('POST', '/api/mentions', mention({ id: 'same', text: 'refund' }));
    const again = await server.call('POST', '/api/mentions', mention({ id: 'same', text: 'something else entirely' }));
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('duplicate');
    expect(again.body.decision).toEqual(original.body.decision);
    expect(await count('mentions')).toBe(1);
    expect(await count('decisions')).toBe(1);
    expect(await count('tickets')).toBe(1);
    const otherChannel = await server.call('POST', '/api/mentions', mention({ id: 'same', channel: 'facebook', kind: 'comment', text: 'refund' }));
    expect(otherChannel.body.status).toBe('created');
  });

  it('concurrent deliveries of one mention store it once', async () => {
    const deliveries = await Promise.all(Array.from({ length: 8 }, () => server.call('POST', '/api/mentions', mention({ id: 'racy', text: 'refund', conversationId: 'c1' }))));
    expect(deliveries.filter((delivery) => delivery.body.status === 'created')).toHaveLength(1);
    expect(new Set(deliveries.map((delivery) => JSON.stringify(delivery.body.decision))).size).toBe(1);
    expect(await count('mentions')).toBe(1);
    const conversation = await server.services.database.client.execute("SELECT customer_messages FROM conversations WHERE conversation_id = 'c1'");
    expect(Number(conversation.rows[0]!.customer_messages)).toBe(1);
  });

  it('a batch with bad items stores the valid ones and reports each bad one with index, field and reason (207)', async () => {
    const batch = [mention({ id: 'b1' }), { ...mention({ id: 'b2' }), channel: 'myspace' }, mention({ id: 'b3', text: 'refund' }), { ...mention({ id: 'b4' }), mood: 'sad' }, mention({ id: 'b1' })];
    const response = await server.call('POST', '/api/mentions', batch);
    expect(response.status).toBe(207);
    expect(response.body).toMatchObject({ created: 2, duplicates: 1, rejected: 2 });
    expect(response.body.results[1]).toEqual({ index: 1, status: 'rejected', errors: [{ field: 'channel', message: expect.any(String) }] });
    expect(response.body.results[3]).toEqual({ index: 3, status: 'rejected', errors: [{ field: 'mood', message: 'unknown field' }] });
    expect(response.body.results[4]).toMatchObject({ index: 4, status: 'duplicate', mentionId: 'b1' });
    expect(await count('mentions')).toBe(2);
  });

  it('a batch with no valid item is 422 and writes nothing', async () => {
    const response = await server.call('POST', '/api/mentions', [{ id: 'x' }, { text: 'y' }]);
    expect(response.status).toBe(422);
    expect(response.body.rejected).toBe(2);
    expect(await count('mentions')).toBe(0);
  });

  it('takes up to 1,000 mentions in one batch and refuses more with 413', async () => {
    const many = Array.from({ length: 1000 }, (_, index) => mention({ id: `bulk-${index}`, text: index % 2 ? 'refund' : 'hello' }));
    const response = await server.call('POST', '/api/mentions', many);
    expect(response.status).toBe(200);
    expect(response.body.created).toBe(1000);
    expect(await count('mentions')).toBe(1000);
    const tooMany = await server.call('POST', '/api/mentions', [...many, mention({ id: 'one-more' })]);
    expect(tooMany.status).toBe(413);
  });

  it('answers every class of bad request with the one error shape', async () => {
    const wrongType = await server.call('POST', '/api/mentions', 'not json', { 'content-type': 'text/plain' });
    expect(wrongType).toMatchObject({ status: 415, body: { error: 'unsupported_media_type' } });
    const broken = await server.call('POST', '/api/mentions', '{"id":', { 'content-type': 'application/json' });
    expect(broken).toMatchObject({ status: 400, body: { error: 'invalid_json' } });
    const invalid = await server.call('POST', '/api/mentions', { ...mention(), author: { handle: '@a', followers: -3 } });
    expect(invalid).toMatchObject({ status: 422, body: { error: 'validation_failed', details: [{ field: 'author.followers' }] } });
    const unknown = await server.call('POST', '/api/mentions', { ...mention(), sentimentGuess: 1 });
    expect(unknown.body.details).toEqual([{ field: 'sentimentGuess', message: 'unknown field' }]);
    const huge = await server.call('POST', '/api/mentions', { ...mention(), text: 'x'.repeat(9 * 1024 * 1024) });
    expect(huge).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect(await server.call('GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await count('mentions')).toBe(0);
  });

  it('reads a mention back with its decision, ticket and explanation', async () => {
    await server.call('POST', '/api/mentions', mention({ id: 'explained', text: 'a refund please' }));
    const read = await server.call('GET', '/api/mentions/explained');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ mention: { id: 'explained' }, decision: { queue: 'billing' }, ticket: { queue: 'billing' }, versions: { refunds: 1 } });
    const billing = read.body.explanation.rules.find((rule: { nodeId: string }) => rule.nodeId === 'to-billing');
    expect(billing.fired).toBe(true);
    expect(billing.conditions.children[0]).toMatchObject({ fact: 'text', factValue: 'a refund please', result: true });
    expect((await server.call('GET', '/api/mentions/missing')).status).toBe(404);
  });

  it('counts customer messages per conversation and gives the engine the count', async () => {
    await server.call('POST', '/api/mentions', mention({ id: 't1', conversationId: 'thread' }));
    await server.call('POST', '/api/mentions', mention({ id: 't2', conversationId: 'thread' }));
    const third = await server.call('GET', '/api/mentions/t2');
    expect(third.body.mention.customerMessagesInConversation).toBe(2);
  });

  it('serves over a real listening server too', async () => {
    const base = await server.listen();
    const response = await fetch(`${base}/api/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await server.headersFor('integration')) }, body: JSON.stringify(mention({ id: 'net', text: 'refund' })) });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { reachable: true, journalMode: 'wal', synchronous: 'FULL' }, publishedWorkflows: { refunds: 1 } });
    const openapi = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, any> };
    expect(openapi.openapi).toBe('3.1.0');
    expect(openapi.paths['/api/mentions'].post.requestBody).toBeDefined();
    expect((await fetch(`${base}/api/docs`)).headers.get('content-type')).toMatch(/html/);
  });
});
