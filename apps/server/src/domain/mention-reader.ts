// Reads a stored mention with its decision, its ticket, and an explanation replayed with the exact rule versions,
// time, volumes and incidents the decision was made with.
import { and, eq } from 'drizzle-orm';
import { RuleEngine, type Decision, type Explanation, type Mention } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { decisions, mentions, tickets } from '../db/schema.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import type { WorkflowStore } from './workflow-store.ts';
import type { SettingsStore } from './settings-store.ts';

export interface StoredMention {
  mention: Mention;
  channel: string;
  receivedAt: string;
  decision: Decision | null;
  versions: Record<string, number>;
  ticket: Record<string, unknown> | null;
  explanation: Explanation<Decision> | null;
}

export class MentionReader {
  constructor(
    private readonly db: Db,
    private readonly workflows: WorkflowStore,
    private readonly settings: SettingsStore,
  ) {}

  async get(id: string, channel?: string): Promise<StoredMention> {
    const rows = await this.db
      .select()
      .from(mentions)
      .where(channel ? and(eq(mentions.id, id), eq(mentions.channel, channel)) : eq(mentions.id, id));
    if (rows.length === 0) throw notFound(`mention “${id}”${channel ? ` on ${channel}` : ''}`);
    if (rows.length > 1) {
      throw new ApiError(409, 'conflict', `several mentions have the id “${id}”; name the channel with ?channel=`, { channels: rows.map((row) => row.channel) });
    }
    const row = rows[0]!;
    const [decisionRow] = await this.db
      .select()
      .from(decisions)
      .where(and(eq(decisions.channel, row.channel), eq(decisions.mentionId, row.id), eq(decisions.stage, 'ingest')));
    const [ticket] = await this.db.select().from(tickets).where(and(eq(tickets.channel, row.channel), eq(tickets.mentionId, row.id)));
    const mention = row.payload as unknown as Mention;
    let explanation: Explanation<Decision> | null = null;
    if (decisionRow) {
      const compiled = await this.workflows.compiledVersions(decisionRow.versions);
      const engine = new RuleEngine({ workflows: compiled, settings: await this.settings.get() });
      const context = decisionRow.context as { now?: string; volumes?: Record<string, number>; openIncidents?: string[] };
      explanation = await engine.explain('ingest', { mention, ...context });
    }
    return {
      mention,
      channel: row.channel,
      receivedAt: new Date(row.receivedAt).toISOString(),
      decision: (decisionRow?.decision as unknown as Decision) ?? null,
      versions: decisionRow?.versions ?? {},
      ticket: ticket ? withIsoTimes(ticket) : null,
      explanation,
    };
  }
}

/** Epoch-millisecond columns (`…At`) as ISO strings, as every API answer shows times. */
function withIsoTimes(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key.endsWith('At') && typeof value === 'number' ? new Date(value).toISOString() : value]));
}
