// Stop the server and start it again on the same file: everything acknowledged is still there.
import { describe, expect, it } from 'vitest';
import { startTestServer } from './support/server.ts';
import { refundWorkflow } from './support/workflows.ts';
import { mention } from './support/mentions.ts';

describe('restarting on the same database file', () => {
  it('keeps every acknowledged mention, decision, ticket and version', async () => {
    const first = await startTestServer();
    await first.call('POST', '/api/workflows', refundWorkflow());
    await first.call('POST', '/api/workflows/refunds/publish', { note: 'v1' });
    const acknowledged = await Promise.all(Array.from({ length: 50 }, (_, index) => first.call('POST', '/api/mentions', mention({ id: `keep-${index}`, text: index % 2 ? 'refund' : 'hi' }))));
    expect(acknowledged.every((response) => response.status === 201)).toBe(true);
    await first.stop();

    const second = await startTestServer({ dir: first.dir });
    try {
      const counts = await second.services.database.client.execute('SELECT (SELECT count(*) FROM mentions), (SELECT count(*) FROM decisions), (SELECT count(*) FROM tickets), (SELECT count(*) FROM workflow_versions)');
      expect(Array.from(counts.rows[0]! as ArrayLike<unknown>, Number)).toEqual([50, 50, 50, 1]);
      for (const [index, response] of acknowledged.entries()) {
        const stored = await second.call('GET', `/api/mentions/keep-${index}`);
        expect(stored.body.decision).toEqual(response.body.decision);
      }
      const redelivered = await second.call('POST', '/api/mentions', mention({ id: 'keep-1', text: 'refund' }));
      expect(redelivered.body.status).toBe('duplicate');
      expect((await second.call('GET', '/api/workflows/refunds')).body).toMatchObject({ status: 'published', publishedVersion: 1 });
    } finally {
      await second.stop(true);
    }
  });
});
