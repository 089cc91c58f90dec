// Builds a Mentionflow server: opens storage, wires the services and the app, and starts background work.
import type { Hono } from 'hono';
import { openDatabase, type Database, type SynchronousMode } from './db/database.ts';
import { systemClock, type Clock } from './clock.ts';
import { jsonLogger, type Logger } from './log.ts';
import { ApiDocs } from './http/openapi.ts';
import { SettingsStore } from './domain/settings-store.ts';
import { WorkflowStore } from './domain/workflow-store.ts';
import { Rulebook } from './domain/rulebook.ts';
import { EventLog } from './domain/event-log.ts';
import { PackStore } from './domain/pack-store.ts';
import { VolumeTracker } from './ingest/volume-tracker.ts';
import { CommitQueue } from './ingest/commit-queue.ts';
import { MentionIngest } from './ingest/mention-ingest.ts';
import { createApp } from './app.ts';
import type { Services } from './services.ts';
import { mountedResources } from './resources/registry.ts';
import { editorRoutes } from './editor.ts';
import { TimeServices } from './time/time-services.ts';
import { startScheduler, type Scheduler, type SchedulerOption } from './time/scheduler.ts';
import { channelConfigFromEnv, configureChannels, type ChannelConfig } from './channels/channel-config.ts';
import { startAssigner } from './domain/assignment.ts';
import { Access } from './access/access.ts';

export const VERSION = '0.1.0';

export interface ServerOptions {
  readonly databaseUrl?: string;
  readonly databaseAuthToken?: string;
  readonly synchronous?: SynchronousMode;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Where the built editor is; omitted in API-only tests. */
  readonly editorDir?: string;
  /** How often to look for rules published by another process (ms); 0 turns it off. */
  readonly refreshIntervalMs?: number;
  /** How often to assign waiting tickets to agents (ms); 0 turns the automatic assigner off. */
  readonly assignIntervalMs?: number;
  /** Escalations, follow-ups and webhook deliveries: a pass every `intervalMs` (default 1000), or `false` to run
   *  them only through `scheduler.tick()` (tests move a ManualClock and tick). */
  readonly scheduler?: SchedulerOption;
  /** Webhook secrets and the key that encrypts stored ones; default: read once from the environment. */
  readonly channels?: ChannelConfig;
}

export interface MentionflowServer {
  readonly app: Hono;
  readonly services: Services;
  readonly scheduler: Scheduler;
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions = {}): Promise<MentionflowServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? jsonLogger();
  const database: Database = await openDatabase({
    ...(options.databaseUrl ? { url: options.databaseUrl } : {}),
    ...(options.databaseAuthToken ? { authToken: options.databaseAuthToken } : {}),
    ...(options.synchronous ? { synchronous: options.synchronous } : {}),
  });
  const { db } = database;
  const settings = new SettingsStore(db, clock);
  const workflows = new WorkflowStore(db, clock);
  const volumes = new VolumeTracker();
  const rulebook = new Rulebook(db, workflows, settings, volumes, clock);
  const commits = new CommitQueue(database.client, logger);
  const events = new EventLog(db, clock, logger);
  const ingest = new MentionIngest(database, rulebook, settings, volumes, commits, clock);
  const packs = new PackStore(db, workflows, settings, clock);
  const services: Services = { database, clock, logger, docs: new ApiDocs(), settings, workflows, rulebook, volumes, commits, ingest, events, packs, time: new TimeServices({ database, clock, commits, logger, volumes }), access: new Access(db, clock, logger), version: VERSION };

  configureChannels(services, options.channels ?? channelConfigFromEnv(process.env));
  const app = createApp(services, mountedResources(services), options.editorDir ? editorRoutes(options.editorDir) : undefined);

  const interval = options.refreshIntervalMs ?? 2000;
  const refresher = interval > 0 ? setInterval(() => void rulebook.refreshIfStale().catch((error) => logger.log('warn', 'rulebook_refresh_failed', { error: (error as Error).message })), interval) : undefined;
  refresher?.unref();
  const assigner = startAssigner(services, { intervalMs: options.assignIntervalMs ?? 1000 });
  const scheduler = await startScheduler(services, options.scheduler ?? { intervalMs: 1000 });

  return {
    app: app as unknown as Hono,
    services,
    scheduler,
    async close() {
      await scheduler.stop();
      if (refresher) clearInterval(refresher);
      await assigner.stop();
      await ingest.close();
      await commits.close();
      database.close();
    },
  };
}
