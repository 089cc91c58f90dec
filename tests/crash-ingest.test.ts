// Killing the server (SIGKILL) in the middle of a sustained ingest over loopback, then restarting it on the same file:
// every acknowledged mention is stored exactly once with the decision it was acknowledged with (and its ticket), and
// redelivering everything (acknowledged or still in flight at the kill) stores each mention once and processes none
// twice. Three kill points on one database, the second with synchronous=NORMAL (the README: a commit survives a
// process kill in either mode).
import { isDeepStrictEqual } from 'node:util';
import { rmSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../packages/engine/src/index.ts';
import { needsTicket } from '../apps/server/src/ingest/ticket-policy.ts';
import { mentionJson, mentionTemplates } from './bench/ingest-mentions.ts';
import { httpClient, signIn, startServerProcess, type AccessHeaders, type Reply, type ServerProcess } from './support/server-process.ts';

/** Where to kill: after this many acknowledged mentions of the round, plus a random few milliseconds. */
const KILL_POINTS = [
  { synchronous: 'FULL', afterAcknowledged: 400 },
  { synchronous: 'NORMAL', afterAcknowledged: 700 },
  { synchronous: 'FULL', afterAcknowledged: 250 },
] as const;
const SINGLE_CLIENTS = 4;
const BATCH_CLIENTS = 2;
const MAX_BATCH = 40;
const PREFIX = 'crash';

type Fate = { readonly state: 'acknowledged'; readonly decision: Decision } | { readonly state: 'in flight' };

interface Posted {
  readonly body: string;
  readonly keys: readonly string[];
}

interface Item {
  readonly channel: string;
  readonly id: string;
}

const keyOf = (item: Item) => `${item.channel} ${item.id}`;
const templates = mentionTemplates(400);
/** Every mention sent in any round, by channel and id, with what the client knows of it. */
const fates = new Map<string, Fate>();
const items = new Map<string, Item>();
const http = httpClient(32);
let server: ServerProcess;
let access: AccessHeaders;
let next = 0;

function restart(synchronous: string): Promise<ServerProcess> {
  return startServerProcess({ dir: server.dir, env: { MENTIONFLOW_SYNCHRONOUS: synchronous } });
}

beforeAll(async () => {
  server = await startServerProcess({ env: { MENTIONFLOW_SYNCHRONOUS: KILL_POINTS[0].synchronous } });
  access = await signIn(server.base);
});

afterAll(async () => {
  http.close();
  await server?.stop();
  if (server) rmSync(server.dir, { recursive: true, force: true });
});

/** One request's body: a single mention or a batch of fresh ids, registered as in flight. */
function compose(size: number): Posted {
  const now = Date.now();
  const parts: string[] = [];
  const keys: string[] = [];
  for (let offset = 0; offset < size; offset++) {
    const n = next++;
    const json = mentionJson(templates[n % templates.length]!, `${PREFIX}-${n}`, now);
    const { channel, id } = JSON.parse(json) as Item;
    const key = keyOf({ channel, id });
    items.set(key, { channel, id });
    fates.set(key, { state: 'in flight' });
    parts.push(json);
    keys.push(key);
  }
  return { body: size === 1 ? parts[0]! : `[${parts.join(',')}]`, keys };
}

/** The per-mention results of an ingest answer (a single mention's answer is its one result). */
function resultsOf(reply: Reply, posted: Posted): { status: string; decision?: Decision }[] | undefined {
  if (reply.status !== 200 && reply.status !== 201) return undefined;
  const body = JSON.parse(reply.text) as { status: string; decision?: Decision } | { results: { status: string; decision?: Decision }[] };
  const results = 'results' in body ? body.results : [body];
  return results.length === posted.keys.length ? results : undefined;
}

interface Round {
  readonly posted: Posted[];
  acknowledged: number;
  answered: Set<Posted>;
  killed: boolean;
  readonly problems: string[];
}

async function client(round: Round, batch: boolean): Promise<void> {
  while (!round.killed) {
    const posted = compose(batch ? 2 + Math.floor(Math.random() * (MAX_BATCH - 1)) : 1);
    round.posted.push(posted);
    let reply: Reply;
    try {
      reply = await http.send(server.base, 'POST', '/api/mentions', posted.body, access.ingest);
    } catch (error) {
      if (!round.killed) round.problems.push(`request failed before the kill: ${(error as Error).message}`);
      return;
    }
    round.answered.add(posted);
    const results = resultsOf(reply, posted);
    if (!results) {
      round.problems.push(`answer ${reply.status}: ${reply.text.slice(0, 300)}`);
      continue;
    }
    results.forEach((result, index) => {
      if (result.status !== 'created' || !result.decision) return void round.problems.push(`fresh mention ${posted.keys[index]} answered ${result.status}`);
      fates.set(posted.keys[index]!, { state: 'acknowledged', decision: result.decision });
      round.acknowledged++;
    });
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Rows {
  readonly mentions: Map<string, number>;
  readonly decisions: Map<string, Decision[]>;
  readonly tickets: Map<string, number>;
}

/** This test's rows, read from the file directly (WAL: a reader beside the running server). */
async function storedRows(): Promise<Rows> {
  const db = createClient({ url: `file:${server.file}` });
  try {
    const like = `${PREFIX}-%`;
    const count = async (sql: string) => {
      const counts = new Map<string, number>();
      for (const row of (await db.execute({ sql, args: [like] })).rows) counts.set(keyOf({ channel: String(row[0]), id: String(row[1]) }), Number(row[2]));
      return counts;
    };
    const decisions = new Map<string, Decision[]>();
    for (const row of (await db.execute({ sql: "SELECT channel, mention_id, decision FROM decisions WHERE stage = 'ingest' AND mention_id LIKE ?", args: [like] })).rows) {
      const key = keyOf({ channel: String(row[0]), id: String(row[1]) });
      decisions.set(key, [...(decisions.get(key) ?? []), JSON.parse(String(row[2])) as Decision]);
    }
    return {
      mentions: await count('SELECT channel, id, count(*) FROM mentions WHERE id LIKE ? GROUP BY 1, 2'),
      decisions,
      tickets: await count('SELECT channel, mention_id, count(*) FROM tickets WHERE mention_id LIKE ? GROUP BY 1, 2'),
    };
  } finally {
    db.close();
  }
}

/**
 * What is wrong with the stored rows, as readable lines (empty when all is well): an acknowledged mention stored once
 * with the decision it was acknowledged with, one ticket when that decision needs one; a mention in flight at the
 * kill stored at most once, and then whole; nothing stored that was never sent.
 */
function problemsIn(rows: Rows, mustBeStored: boolean): string[] {
  const problems: string[] = [];
  for (const [key, fate] of fates) {
    const mentions = rows.mentions.get(key) ?? 0;
    const decisions = rows.decisions.get(key) ?? [];
    if (mentions === 0 && decisions.length === 0 && !rows.tickets.has(key)) {
      if (fate.state === 'acknowledged' || mustBeStored) problems.push(`${key} (${fate.state}) is not stored`);
      continue;
    }
    if (mentions !== 1 || decisions.length !== 1) {
      problems.push(`${key} (${fate.state}): ${mentions} mention rows, ${decisions.length} decisions`);
      continue;
    }
    const stored = decisions[0]!;
    if (fate.state === 'acknowledged' && !isDeepStrictEqual(stored, fate.decision)) problems.push(`${key}: the stored decision differs from the acknowledged one`);
    const tickets = rows.tickets.get(key) ?? 0;
    if (tickets !== (needsTicket(stored) ? 1 : 0)) problems.push(`${key}: ${tickets} tickets for a decision that ${needsTicket(stored) ? 'needs one' : 'needs none'}`);
  }
  for (const key of rows.mentions.keys()) if (!fates.has(key)) problems.push(`${key} is stored but was never sent`);
  return problems;
}

/** Posts every request of the round again, as an integration retrying them would, four at a time. */
async function redeliver(posted: readonly Posted[]): Promise<Map<string, { status: string; decision?: Decision }>> {
  const answers = new Map<string, { status: string; decision?: Decision }>();
  const queue = [...posted];
  const worker = async () => {
    for (let request = queue.shift(); request; request = queue.shift()) {
      const reply = await http.send(server.base, 'POST', '/api/mentions', request.body, access.ingest);
      const results = resultsOf(reply, request);
      if (!results) throw new Error(`redelivery answered ${reply.status}: ${reply.text.slice(0, 300)}`);
      results.forEach((result, index) => answers.set(request.keys[index]!, result));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return answers;
}

describe('SIGKILL during a sustained ingest, then a restart on the same file', () => {
  KILL_POINTS.forEach((point, index) => {
    it(`kill point ${index + 1} (synchronous=${point.synchronous}, after ${point.afterAcknowledged}+ acknowledged mentions): nothing acknowledged is lost or stored twice, and redeliveries are not processed again`, async () => {
      const round: Round = { posted: [], acknowledged: 0, answered: new Set(), killed: false, problems: [] };
      const clients = [...Array.from({ length: SINGLE_CLIENTS }, () => client(round, false)), ...Array.from({ length: BATCH_CLIENTS }, () => client(round, true))];
      const started = performance.now();
      while (round.acknowledged < point.afterAcknowledged && round.problems.length === 0 && performance.now() - started < 20_000) await sleep(2);
      await sleep(Math.random() * 15);
      const inFlightAtKill = round.posted.filter((posted) => !round.answered.has(posted)).length;
      round.killed = true;
      await server.kill();
      await Promise.all(clients);
      const killedErrors = server.errors;
      // Restarted before anything is checked, so that a failed kill point leaves the next one a server.
      server = await restart(KILL_POINTS[index + 1]?.synchronous ?? 'FULL');
      expect(round.problems).toEqual([]);
      expect(killedErrors).toEqual([]);
      expect(round.acknowledged).toBeGreaterThanOrEqual(point.afterAcknowledged);
      // Mid-stream: requests were out when the process died.
      expect(inFlightAtKill).toBeGreaterThan(0);

      const before = await storedRows();
      expect(problemsIn(before, false)).toEqual([]);

      // Redelivery: what was acknowledged (or stored without an answer) comes back as a duplicate with the stored
      // decision; what never reached a commit is created now.
      const answers = await redeliver(round.posted);
      const wrong: string[] = [];
      let created = 0;
      for (const [key, answer] of answers) {
        const stored = before.decisions.get(key)?.[0];
        if (stored) {
          if (answer.status !== 'duplicate' || !isDeepStrictEqual(answer.decision, stored)) wrong.push(`${key}: stored before, redelivery answered ${answer.status}${answer.status === 'duplicate' ? ' with another decision' : ''}`);
          // Committed but never answered before the kill: the redelivery is its acknowledgement.
          else fates.set(key, { state: 'acknowledged', decision: stored });
        } else if (answer.status !== 'created' || !answer.decision) {
          wrong.push(`${key}: not stored before, redelivery answered ${answer.status}`);
        } else {
          created++;
          fates.set(key, { state: 'acknowledged', decision: answer.decision });
        }
      }
      expect(wrong).toEqual([]);
      expect(answers.size).toBe(round.posted.reduce((sum, posted) => sum + posted.keys.length, 0));

      const after = await storedRows();
      expect(problemsIn(after, true)).toEqual([]);
      const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
      const createdKeys = [...answers].filter(([, answer]) => answer.status === 'created').map(([key]) => key);
      expect({ mentions: total(after.mentions), decisions: [...after.decisions.values()].flat().length, tickets: total(after.tickets) }).toEqual({
        mentions: total(before.mentions) + created,
        decisions: [...before.decisions.values()].flat().length + created,
        tickets: total(before.tickets) + createdKeys.filter((key) => needsTicket(after.decisions.get(key)![0]!)).length,
      });

      // Read back through the API: a sample of what was acknowledged, and what was in flight at the kill.
      const acknowledgedKeys = round.posted.flatMap((posted) => (round.answered.has(posted) ? posted.keys : []));
      const inFlightKeys = round.posted.flatMap((posted) => (round.answered.has(posted) ? [] : posted.keys));
      // (Each read replays the decision's explanation: ~0.1 s on a busy 2-core machine, so a sample, not all.)
      const sample = [...acknowledgedKeys.filter((_, n) => n % Math.ceil(acknowledgedKeys.length / 10) === 0), ...inFlightKeys.slice(0, 10)];
      for (const key of sample) {
        const { channel, id } = items.get(key)!;
        const reply = await http.send(server.base, 'GET', `/api/mentions/${encodeURIComponent(id)}?channel=${encodeURIComponent(channel)}`, undefined, access.read);
        expect(reply.status, `${key}: ${reply.text.slice(0, 200)}`).toBe(200);
        const read = JSON.parse(reply.text) as { decision: Decision; ticket: unknown };
        const fate = fates.get(key)!;
        expect(fate.state).toBe('acknowledged');
        expect(read.decision).toEqual(fate.state === 'acknowledged' ? fate.decision : undefined);
        expect(read.ticket !== null).toBe(needsTicket(read.decision));
      }
      expect(server.errors).toEqual([]);
    }, 60_000);
  });
});
