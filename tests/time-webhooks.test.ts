// Outbound events to webhooks: signed with HMAC-SHA256 over the raw body, retried with backoff (visible in the
// delivery log), delivered at least once with a stable event id; a dead receiver never slows or fails ingest.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../apps/server/src/clock.ts';
import { startTestServer } from './support/server.ts';
import { edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { setUp, timeWorkspace, type TimeWorkspace } from './support/time-workspace.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  validSignature: boolean;
}

/** A receiver on loopback that answers with the statuses given, in order (the last one repeats). */
async function receiver(statuses: number[], secret: () => string): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = `sha256=${createHmac('sha256', secret()).update(body).digest('hex')}`;
      received.push({ headers: request.headers, body, validSignature: request.headers['x-mentionflow-signature'] === expected });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, server };
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const acknowledgeAll = workflow('acknowledge-all', 'routing', [trigger(), node('ack', 'auto_acknowledge', { template: 'acknowledgement' })], [edge('start', 'ack')]);

let ws: TimeWorkspace | undefined;
let servers: Server[] = [];
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await closeServer(server);
  }
  servers = [];
  await ws?.server.stop(true);
  ws = undefined;
});

describe('webhooks', () => {
  it('delivers on the third attempt after two 500s, with a valid signature, and the backoff in the log', async () => {
    ws = await timeWorkspace('2026-03-03T09:00:00Z', { packs: ['sla-escalation'] });
    let secret = '';
    const target = await receiver([500, 500, 200], () => secret);
    servers.push(target.server);
    const created = await ws.server.call('POST', '/api/webhooks', { url: target.url, events: ['ticket.escalated'], description: 'on-call' });
    expect(created.status).toBe(201);
    secret = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    const listed = await ws.server.call('GET', '/api/webhooks');
    expect(listed.body.webhooks).toEqual([expect.objectContaining({ id: created.body.id, url: target.url, events: ['ticket.escalated'] })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    await ws.ingest({ id: 'p1', text: 'urgent: stranded @acmeair' });
    await ws.at('2026-03-03T09:16:00Z'); // escalated to a supervisor; first attempt: 500
    let [delivery] = (await ws.server.call('GET', '/api/webhooks/deliveries')).body.deliveries;
    expect(delivery).toMatchObject({ eventType: 'ticket.escalated', status: 'pending', attempts: 1, lastStatusCode: 500, nextAttemptAt: '2026-03-03T09:16:10.000Z' });
    await ws.at('2026-03-03T09:16:09Z');
    expect(target.received).toHaveLength(1);
    await ws.at('2026-03-03T09:16:10Z'); // second attempt: 500, next in 30 s
    [delivery] = (await ws.server.call('GET', '/api/webhooks/deliveries')).body.deliveries;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: '2026-03-03T09:16:40.000Z' });
    await ws.at('2026-03-03T09:16:40Z'); // third: delivered
    [delivery] = (await ws.server.call('GET', '/api/webhooks/deliveries?status=delivered&event=ticket.escalated')).body.deliveries;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null, deliveredAt: '2026-03-03T09:16:40.000Z' });
    expect(delivery.history.map((attempt: { at: string; statusCode: number }) => [attempt.at, attempt.statusCode])).toEqual([
      ['2026-03-03T09:16:00.000Z', 500],
      ['2026-03-03T09:16:10.000Z', 500],
      ['2026-03-03T09:16:40.000Z', 200],
    ]);

    // Every attempt carried the same signed body and event id.
    expect(target.received).toHaveLength(3);
    expect(target.received.every((request) => request.validSignature)).toBe(true);
    expect(new Set(target.received.map((request) => request.body)).size).toBe(1);
    expect(target.received.map((request) => request.headers['x-mentionflow-attempt'])).toEqual(['1', '2', '3']);
    const event = JSON.parse(target.received[0]!.body);
    expect(target.received.every((request) => request.headers['x-mentionflow-event-id'] === event.id)).toBe(true);
    expect(target.received[0]!.headers['x-mentionflow-timestamp']).toBe(String(Date.parse('2026-03-03T09:16:00Z') / 1000));
    expect(event).toMatchObject({ type: 'ticket.escalated', createdAt: '2026-03-03T09:16:00.000Z', data: { action: { type: 'escalate', to: 'supervisor' }, ticket: { mentionId: 'p1' } } });

    // Nothing more is sent; the filters narrow the log.
    await ws.at('2026-03-03T12:00:00Z');
    expect((await ws.server.call('GET', '/api/webhooks/deliveries?status=pending')).body.deliveries).toEqual([]);
    expect((await ws.server.call('GET', '/api/webhooks/deliveries?status=bogus')).status).toBe(400);
  });

  it('gives up after the last attempt, and a deleted webhook receives nothing more', async () => {
    ws = await timeWorkspace('2026-03-03T09:00:00Z', { triage: true });
    expect((await ws.server.call('POST', '/api/workflows', acknowledgeAll)).status).toBe(201);
    expect((await ws.server.call('POST', '/api/workflows/acknowledge-all/publish', {})).status).toBe(201);
    const failing = await receiver([503], () => 'unused-secret-0123456789');
    servers.push(failing.server);
    const first = await ws.server.call('POST', '/api/webhooks', { url: failing.url, events: ['*'], secret: 'unused-secret-0123456789' });
    expect(first.body.secret).toBe('unused-secret-0123456789');
    await ws.ingest({ id: 'a', text: 'hello @acmeair' });
    for (const at of ['09:00:00', '09:00:10', '09:00:40', '09:02:40', '09:12:40', '10:12:40', '16:12:40']) await ws.at(`2026-03-03T${at}Z`);
    const [failed] = (await ws.server.call('GET', '/api/webhooks/deliveries?event=mention.decided')).body.deliveries;
    expect(failed).toMatchObject({ status: 'failed', attempts: 7, lastStatusCode: 503, nextAttemptAt: null });
    expect(failing.received.every((request) => request.validSignature)).toBe(true);

    await ws.ingest({ id: 'b', text: 'hello again @acmeair' });
    expect((await ws.server.call('DELETE', `/api/webhooks/${first.body.id}`)).status).toBe(200);
    expect((await ws.server.call('DELETE', `/api/webhooks/${first.body.id}`)).status).toBe(404);
    await ws.at('2026-03-03T17:00:00Z');
    expect(failing.received).toHaveLength(7);
    expect((await ws.server.call('GET', '/api/webhooks/deliveries?status=cancelled')).body.deliveries).toHaveLength(1);
    expect((await ws.server.call('GET', '/api/webhooks')).body.webhooks).toEqual([]);
  });

  it('refuses what is not a webhook', async () => {
    ws = await timeWorkspace('2026-03-03T09:00:00Z');
    expect((await ws.server.call('POST', '/api/webhooks', { url: 'ftp://example.com', events: ['*'] })).status).toBe(422);
    expect((await ws.server.call('POST', '/api/webhooks', { url: 'http://127.0.0.1:1/', events: ['ticket.bogus'] })).status).toBe(422);
    expect((await ws.server.call('POST', '/api/webhooks', { url: 'http://127.0.0.1:1/', events: ['*'], secret: 'short' })).status).toBe(422);
    const docs = (await ws.server.call('GET', '/api/openapi.json')).body;
    expect(docs.paths['/api/webhooks'].post.description).toMatch(/HMAC-SHA256 of the raw request body/);
  });

  it('never slows or fails ingest when the receiver is dead or hangs', async () => {
    const clock = new ManualClock('2026-03-03T09:00:00Z');
    const server = await startTestServer({ clock, scheduler: { intervalMs: 10 }, assignIntervalMs: 0 });
    ws = await setUp(server, clock, { triage: true });
    expect((await server.call('POST', '/api/workflows', acknowledgeAll)).status).toBe(201);
    expect((await server.call('POST', '/api/workflows/acknowledge-all/publish', {})).status).toBe(201);

    const measure = async (prefix: string) => {
      const started = performance.now();
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, batch) =>
          server.call('POST', '/api/mentions', Array.from({ length: 20 }, (_, n) => ({ id: `${prefix}-${batch}-${n}`, channel: 'x', kind: 'post', text: 'hello @acmeair', createdAt: '2026-03-03T09:00:00Z', author: { handle: '@c' } }))),
        ),
      );
      expect(responses.every((response) => response.status === 200)).toBe(true);
      return performance.now() - started;
    };
    const baseline = await measure('warm');

    // One receiver accepts connections and never answers; another port refuses them.
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    servers.push(hanging);
    const refused = createServer();
    await new Promise<void>((resolve) => refused.listen(0, '127.0.0.1', resolve));
    const refusedUrl = `http://127.0.0.1:${(refused.address() as AddressInfo).port}/`;
    await closeServer(refused);
    await server.call('POST', '/api/webhooks', { url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`, events: ['*'] });
    await server.call('POST', '/api/webhooks', { url: refusedUrl, events: ['mention.decided'] });

    const withDeadReceivers = await measure('dead');
    const [counts] = await ws.rows(`SELECT count(*) AS events, (SELECT count(*) FROM webhook_deliveries) AS deliveries FROM outbound_events`);
    expect(counts).toEqual({ events: 200, deliveries: 400 });
    // Deliveries to the hanging receiver are in flight while ingest answers; the refused ones are already retrying.
    await expect.poll(async () => (await ws!.rows(`SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'pending' AND attempts = 1 AND last_error IS NOT NULL`))[0]!.n, { timeout: 5000 }).toBe(200);
    // The hanging receiver holds at most 4 attempts in flight, however much is due.
    expect((await ws.rows(`SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'sending'`))[0]!.n).toBe(4);
    console.log('ingest of 200 mentions (10 concurrent batches of 20)', { baselineMs: Math.round(baseline), withDeadReceiversMs: Math.round(withDeadReceivers) });
    expect(withDeadReceivers).toBeLessThan(Math.max(2000, baseline * 4));
    // Shutting down does not wait for the hanging receiver: attempts in flight are given back, uncounted.
    const stopping = performance.now();
    await server.stop(true);
    ws = undefined;
    expect(performance.now() - stopping).toBeLessThan(2000);
  });
});
