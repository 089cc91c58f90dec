// The ceiling phase of the ingest benchmark (`npm run bench:ingest -- --only ceiling`, also part of a full run): what
// ingest's own work costs without HTTP, measured in this process on the bench's mentions, in three parts:
//   1. ingest in process (services.ingest.ingest, batches of 100, rules decided in this thread): wall and CPU;
//   2. the rules alone (the published starter packs deciding the same mentions);
//   3. storage alone: the exact commits step 1 made (recorded as the commit queue hands them to the write thread),
//      replayed in the same batches into a second fresh database with the same PRAGMAs.
// Step 3 bounds any ingest that stores what Mentionflow stores: SQLite has one writer, so no number of threads
// commits faster than one write thread replaying finished statements with nothing else to do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { MentionSchema, type Mention } from '../../packages/engine/src/index.ts';
import type { SynchronousMode } from '../../apps/server/src/db/database.ts';
import { decide } from '../../apps/server/src/ingest/decided.ts';
import { createServer, type MentionflowServer } from '../../apps/server/src/server.ts';
import { silentLogger } from '../../apps/server/src/log.ts';
import { seedDemoWorkspace } from '../../apps/server/src/demo/seed.ts';
import { installDefaultTemplates } from '../../apps/server/src/domain/template-store.ts';
import { installDemoAgents } from '../../apps/server/src/demo/demo-agents.ts';
import { batchJson, type MentionTemplate } from './ingest-mentions.ts';
import { RULES_DIR } from './ingest-server.ts';

const BATCH = 100;
const WARMUP_MENTIONS = 1_000;

export interface Ceiling {
  /** µs per mention. */
  readonly ingestWall: number;
  readonly ingestCpu: number;
  readonly rulesCpu: number;
  readonly storageWall: number;
  readonly statementsPerMention: number;
  /** Mentions/s the replayed commits reached: the most any ingest storing these rows can reach here. */
  readonly storagePerSecond: number;
}

async function seededServer(dir: string, synchronous: SynchronousMode): Promise<MentionflowServer> {
  const server = await createServer({ databaseUrl: `file:${join(dir, 'mentionflow.db')}`, synchronous, logger: silentLogger, scheduler: false });
  await seedDemoWorkspace(server.services, RULES_DIR, [installDefaultTemplates, installDemoAgents]);
  return server;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

export async function measureCeiling(templates: readonly MentionTemplate[], mentions: number, synchronous: SynchronousMode): Promise<Ceiling> {
  const previousThreads = process.env.MENTIONFLOW_DECIDE_THREADS;
  process.env.MENTIONFLOW_DECIDE_THREADS = '0'; // rules in this thread, so that step 1's CPU is the whole of ingest
  const dirs = [mkdtempSync(join(tmpdir(), 'mentionflow-ceiling-')), mkdtempSync(join(tmpdir(), 'mentionflow-ceiling-'))];
  try {
    // 1. Ingest, recording each commit the commit queue sends (the queue writes through the database's client).
    const server = await seededServer(dirs[0]!, synchronous);
    const commits: InStatement[][] = [];
    let recording = false;
    const { client } = server.services.database;
    const batch = client.batch.bind(client);
    client.batch = (statements, mode) => {
      if (recording) commits.push(statements as InStatement[]);
      return batch(statements, mode);
    };
    const batchOf = (prefix: string, first: number) => JSON.parse(batchJson(templates, prefix, first, BATCH, Date.now())) as unknown[];
    for (let first = 0; first < WARMUP_MENTIONS; first += BATCH) await server.services.ingest.ingest(batchOf('ceiling-warm', first));
    recording = true;
    let wall = performance.now();
    let cpu = process.cpuUsage();
    for (let first = 0; first < mentions; first += BATCH) await server.services.ingest.ingest(batchOf('ceiling', first));
    const ingestWall = performance.now() - wall;
    const ingestCpu = cpuMs(cpu);
    recording = false;

    // 2. The rules alone, on the same mentions and the same published rules.
    const { engine } = await server.services.rulebook.rules();
    const parsed: Mention[] = [];
    for (let first = 0; first < mentions; first += BATCH) for (const item of batchOf('ceiling-rules', first)) parsed.push(MentionSchema.parse(item));
    const now = new Date().toISOString();
    let sink = 0;
    for (const mention of parsed.slice(0, WARMUP_MENTIONS)) sink += decide(engine, { mention, now }).decision.actions.length;
    cpu = process.cpuUsage();
    for (const mention of parsed) sink += decide(engine, { mention, now }).decision.actions.length;
    const rulesCpu = cpuMs(cpu);
    if (!(sink >= 0)) throw new Error('the rules decided nothing');
    await server.close();

    // 3. Storage alone: the same commits, replayed into a fresh database seeded alike.
    const replay = await seededServer(dirs[1]!, synchronous);
    wall = performance.now();
    for (const statements of commits) await replay.services.database.client.batch(statements, 'write');
    const storageWall = performance.now() - wall;
    await replay.close();

    const perMention = (ms: number) => (ms / mentions) * 1000;
    return {
      ingestWall: perMention(ingestWall),
      ingestCpu: perMention(ingestCpu),
      rulesCpu: perMention(rulesCpu),
      storageWall: perMention(storageWall),
      statementsPerMention: commits.reduce((sum, statements) => sum + statements.length, 0) / mentions,
      storagePerSecond: (mentions / storageWall) * 1000,
    };
  } finally {
    if (previousThreads === undefined) delete process.env.MENTIONFLOW_DECIDE_THREADS;
    else process.env.MENTIONFLOW_DECIDE_THREADS = previousThreads;
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
