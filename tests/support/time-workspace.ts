// A workspace for the time tests: Acme Air's settings (Paris, Mon–Fri 09:00–18:00), a triage workflow that gives
// every mention a ticket in `support` with a priority by keyword, the starter packs, and small readers over SQL.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Mention } from '../../packages/engine/src/index.ts';
import { ManualClock } from '../../apps/server/src/clock.ts';
import { startTestServer, type TestServer } from './server.ts';
import { settings } from './mentions.ts';
import { condition, edge, node, trigger, workflow } from './workflow-builder.ts';

export const pack = (id: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'rules', `${id}.json`), 'utf8'));

/** Everything goes to `support`: "urgent" is P1, "booking" P2, "whenever" P4, the rest P3. */
export const triage = workflow(
  'triage',
  'routing',
  [
    trigger(),
    node('to-support', 'route', { queue: 'support', rank: 90 }),
    condition('is-urgent', [['text', 'containsTerms', ['urgent']]]),
    node('p1', 'set_priority', { mode: 'set', priority: 'P1' }),
    condition('is-booking', [['text', 'containsTerms', ['booking']]]),
    node('p2', 'set_priority', { mode: 'set', priority: 'P2' }),
    condition('is-whenever', [['text', 'containsTerms', ['whenever']]]),
    node('p4', 'set_priority', { mode: 'set', priority: 'P4' }),
  ],
  [edge('start', 'to-support'), edge('start', 'is-urgent'), edge('is-urgent', 'p1', 'yes'), edge('start', 'is-booking'), edge('is-booking', 'p2', 'yes'), edge('start', 'is-whenever'), edge('is-whenever', 'p4', 'yes')],
);

export interface TimeWorkspace {
  readonly server: TestServer;
  readonly clock: ManualClock;
  ingest(overrides: Partial<Mention>): Promise<{ status: number; body: any }>;
  /** The ticket of a mention, as stored. */
  ticket(mentionId: string, channel?: string): Promise<any>;
  rows(sql: string, args?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Set the clock (ISO) and run one scheduler pass. */
  at(iso: string): ReturnType<TestServer['scheduler']['tick']>;
}

export async function timeWorkspace(start: string, options: { packs?: string[]; triage?: boolean; dir?: string } = {}): Promise<TimeWorkspace> {
  const clock = new ManualClock(start);
  const server = await startTestServer({ clock, scheduler: false, assignIntervalMs: 0, ...(options.dir ? { dir: options.dir } : {}) });
  return setUp(server, clock, options);
}

export async function setUp(server: TestServer, clock: ManualClock, options: { packs?: string[]; triage?: boolean; dir?: string } = {}): Promise<TimeWorkspace> {
  if (options.packs || options.triage) {
    expect((await server.call('PUT', '/api/settings', settings)).status).toBe(200);
    if (options.triage !== false) {
      expect((await server.call('POST', '/api/workflows', triage)).status).toBe(201);
      expect((await server.call('POST', '/api/workflows/triage/publish', {})).status).toBe(201);
    }
    for (const id of options.packs ?? []) expect((await server.call('POST', '/api/packs/import', { pack: pack(id) })).status).toBe(201);
  }
  return workspaceOf(server, clock);
}

export function workspaceOf(server: TestServer, clock: ManualClock): TimeWorkspace {
  const rows = async (sql: string, args: unknown[] = []) => (await server.services.database.client.execute({ sql, args: args as never })).rows.map((row) => ({ ...row }));
  return {
    server,
    clock,
    rows,
    async ingest(overrides) {
      const mention = { channel: 'x', kind: 'post', text: 'Hello @acmeair', createdAt: new Date(clock.now()).toISOString(), author: { handle: `@${overrides.id ?? 'someone'}` }, ...overrides };
      return server.call('POST', '/api/mentions', mention);
    },
    async ticket(mentionId, channel = 'x') {
      const [row] = await rows('SELECT * FROM tickets WHERE channel = ? AND mention_id = ?', [channel, mentionId]);
      return row ? { ...row, tags: JSON.parse(String(row.tags)), escalated_to: JSON.parse(String(row.escalated_to)) } : undefined;
    },
    at(iso) {
      clock.set(iso);
      return server.scheduler.tick();
    },
  };
}
