// Everything a resource needs, built once per server: storage, time, logs, the rule book and the ingest pipeline.
import type { Database } from './db/database.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import type { ApiDocs } from './http/openapi.ts';
import type { SettingsStore } from './domain/settings-store.ts';
import type { WorkflowStore } from './domain/workflow-store.ts';
import type { Rulebook } from './domain/rulebook.ts';
import type { MentionIngest } from './ingest/mention-ingest.ts';
import type { CommitQueue } from './ingest/commit-queue.ts';
import type { VolumeTracker } from './ingest/volume-tracker.ts';
import type { EventLog } from './domain/event-log.ts';
import type { PackStore } from './domain/pack-store.ts';
import type { TimeServices } from './time/time-services.ts';
import type { Access } from './access/access.ts';

export interface Services {
  readonly database: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly docs: ApiDocs;
  readonly settings: SettingsStore;
  readonly workflows: WorkflowStore;
  readonly rulebook: Rulebook;
  readonly volumes: VolumeTracker;
  readonly commits: CommitQueue;
  readonly ingest: MentionIngest;
  readonly events: EventLog;
  readonly packs: PackStore;
  /** Incidents (with the open topics ingest reads) and webhooks. */
  readonly time: TimeServices;
  /** Users, sessions, API tokens and request budgets. */
  readonly access: Access;
  readonly version: string;
}
