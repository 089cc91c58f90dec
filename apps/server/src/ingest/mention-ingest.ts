// Durable, idempotent ingest: validate, decide with the published rules, and commit mention, decision, ticket and
// conversation counts together before answering. A redelivery (same channel and id) returns the original decision.
import { randomUUID } from 'node:crypto';
import type { InStatement } from '@libsql/client';
import { MentionSchema, type Decision, type Mention, type Settings } from '@mentionflow/engine';
import type { Database } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Rulebook } from '../domain/rulebook.ts';
import type { SettingsStore } from '../domain/settings-store.ts';
import { fieldIssues } from '../http/read-body.ts';
import type { FieldIssue } from '../http/api-error.ts';
import type { CommitQueue } from './commit-queue.ts';
import type { VolumeTracker } from './volume-tracker.ts';
import { firstResponseDue, needsTicket } from './ticket-policy.ts';
import { Decider } from './decider.ts';
import type { Decided } from './decided.ts';

export const MAX_BATCH = 1000;

export type IngestResult =
  | { index: number; status: 'created' | 'duplicate'; mentionId: string; channel: string; decision: Decision }
  | { index: number; status: 'rejected'; errors: FieldIssue[] };

/** Hooks later stages add to ingest (incidents, outbound events) without ingest knowing them. */
export interface IngestHooks {
  openIncidents?(): readonly string[];
  /** Completes a decision before it is stored (e.g. renders reply templates in the mention's language). */
  decorate?(mention: Mention, decision: Decision, settings: Settings): Decision;
  /** Extra statements committed with the mention (e.g. incidents opened, events to deliver). */
  statementsFor?(mention: Mention, decision: Decision, at: number): InStatement[];
}

type Accepted = { index: number; mention: Mention; key: string };

const keyOf = (channel: string, id: string) => `${channel}\u0000${id}`;

// Lookups by a JSON list of [channel, id] keys: one SQL text for any number of mentions, so it is prepared once.
const keysJson = (keys: readonly [string, string][]): string => JSON.stringify(keys);
const STORED_DECISIONS = `SELECT d.channel, d.mention_id, d.decision FROM json_each(?) k
  JOIN decisions d ON d.channel = k.value ->> 0 AND d.mention_id = k.value ->> 1 AND d.stage = 'ingest'`;
const CONVERSATION_COUNTS = `SELECT c.channel, c.conversation_id, c.brand_replies, c.customer_messages FROM json_each(?) k
  JOIN conversations c ON c.channel = k.value ->> 0 AND c.conversation_id = k.value ->> 1`;

export class MentionIngest {
  private readonly inFlight = new Map<string, Promise<Decision>>();
  private readonly decider: Decider;

  constructor(
    private readonly database: Database,
    private readonly rulebook: Rulebook,
    private readonly settings: SettingsStore,
    private readonly volumes: VolumeTracker,
    private readonly commits: CommitQueue,
    private readonly clock: Clock,
    private hooks: IngestHooks = {},
  ) {
    this.decider = new Decider(commits.logger);
  }

  /** Later stages (templates, incidents, outbound events) plug in here at start-up. */
  use(hooks: IngestHooks): void {
    const previous = this.hooks;
    this.hooks = {
      openIncidents: hooks.openIncidents ?? previous.openIncidents,
      decorate: previous.decorate && hooks.decorate ? (m, d, s) => hooks.decorate!(m, previous.decorate!(m, d, s), s) : (hooks.decorate ?? previous.decorate),
      statementsFor: previous.statementsFor && hooks.statementsFor ? (m, d, at) => [...previous.statementsFor!(m, d, at), ...hooks.statementsFor!(m, d, at)] : (hooks.statementsFor ?? previous.statementsFor),
    } as IngestHooks;
  }

  /** Stops the decide threads, if any (they never keep the process alive, and stop by themselves when idle). */
  async close(): Promise<void> {
    await this.decider.close();
  }

  /** Ingest a batch; results are in input order, one per item. */
  async ingest(items: readonly unknown[]): Promise<IngestResult[]> {
    const results: IngestResult[] = new Array(items.length);
    const accepted: Accepted[] = [];
    items.forEach((item, index) => {
      const parsed = MentionSchema.safeParse(item);
      if (parsed.success) accepted.push({ index, mention: parsed.data, key: keyOf(parsed.data.channel, parsed.data.id) });
      else results[index] = { index, status: 'rejected', errors: fieldIssues(parsed.error) };
    });
    if (accepted.length === 0) return results;

    const stored = await this.storedDecisions(accepted);
    const fresh: Accepted[] = [];
    const waits: Promise<void>[] = [];
    const firstOfKey = new Map<string, Accepted>();
    const repeated: Accepted[] = [];
    for (const entry of accepted) {
      const previous = stored.get(entry.key) ?? undefined;
      if (previous) {
        results[entry.index] = this.result(entry, 'duplicate', previous);
        continue;
      }
      if (firstOfKey.has(entry.key)) {
        repeated.push(entry);
        continue;
      }
      const pending = this.inFlight.get(entry.key);
      if (pending) {
        waits.push(pending.then((decision) => void (results[entry.index] = this.result(entry, 'duplicate', decision))));
        continue;
      }
      firstOfKey.set(entry.key, entry);
      fresh.push(entry);
    }

    if (fresh.length > 0) {
      let settle!: (decisions: Map<string, Decision>) => void;
      let fail!: (error: unknown) => void;
      const committed = new Promise<Map<string, Decision>>((resolve, reject) => {
        settle = resolve;
        fail = reject;
      });
      committed.catch(() => undefined);
      for (const entry of fresh) {
        const forKey = committed.then((map) => map.get(entry.key)!);
        forKey.catch(() => undefined);
        this.inFlight.set(entry.key, forKey);
      }
      try {
        const outcome = await this.decideAndCommit(fresh);
        settle(outcome.decisions);
        for (const entry of fresh) results[entry.index] = this.result(entry, outcome.duplicates.has(entry.key) ? 'duplicate' : 'created', outcome.decisions.get(entry.key)!);
        for (const entry of repeated) results[entry.index] = this.result(entry, 'duplicate', outcome.decisions.get(entry.key)!);
      } catch (error) {
        fail(error);
        throw error;
      } finally {
        for (const entry of fresh) this.inFlight.delete(entry.key);
      }
    }
    await Promise.all(waits);
    return results;
  }

  private result(entry: Accepted, status: 'created' | 'duplicate', decision: Decision): IngestResult {
    return { index: entry.index, status, mentionId: entry.mention.id, channel: entry.mention.channel, decision };
  }

  private async storedDecisions(entries: readonly Accepted[]): Promise<Map<string, Decision>> {
    const { rows } = await this.database.client.execute({ sql: STORED_DECISIONS, args: [keysJson(entries.map(({ mention }) => [mention.channel, mention.id]))] });
    return new Map(rows.map((row) => [keyOf(String(row.channel), String(row.mention_id)), JSON.parse(String(row.decision)) as Decision]));
  }

  /** Conversation counts the engine reads, filled from storage when the integration did not send them. */
  private async withConversationCounts(entries: readonly Accepted[]): Promise<Mention[]> {
    const threaded = entries.filter((entry) => entry.mention.conversationId);
    const counts = new Map<string, { brandReplies: number; customerMessages: number }>();
    if (threaded.length > 0) {
      const { rows } = await this.database.client.execute({ sql: CONVERSATION_COUNTS, args: [keysJson(threaded.map(({ mention }) => [mention.channel, mention.conversationId!]))] });
      for (const row of rows) counts.set(keyOf(String(row.channel), String(row.conversation_id)), { brandReplies: Number(row.brand_replies), customerMessages: Number(row.customer_messages) });
    }
    const seenInBatch = new Map<string, number>();
    return entries.map(({ mention }) => {
      if (!mention.conversationId) return mention;
      const key = keyOf(mention.channel, mention.conversationId);
      const known = counts.get(key);
      const earlier = seenInBatch.get(key) ?? 0;
      seenInBatch.set(key, earlier + 1);
      return {
        ...mention,
        brandRepliesInConversation: mention.brandRepliesInConversation ?? known?.brandReplies ?? 0,
        customerMessagesInConversation: mention.customerMessagesInConversation ?? (known?.customerMessages ?? 0) + earlier + 1,
      };
    });
  }

  private async decideAndCommit(entries: readonly Accepted[]): Promise<{ decisions: Map<string, Decision>; duplicates: Set<string> }> {
    const { engine, versions } = await this.rulebook.rules();
    const settings = await this.settings.get();
    const receivedAt = this.clock.now();
    const now = new Date(receivedAt).toISOString();
    const mentionsWithCounts = await this.withConversationCounts(entries);
    const openIncidents = this.hooks.openIncidents?.() ?? [];
    // Volumes are counted here, in arrival order; the rules may run on a decide thread meanwhile.
    const evaluations = mentionsWithCounts.map((mention) => ({ mention, now, volumes: this.volumes.observe(mention), openIncidents }));
    const outcomes = await this.decider.decide(engine, evaluations);
    const statements: InStatement[] = [];
    const firstStatement: number[] = [];
    const decided = new Map<string, Decision>();
    entries.forEach((entry, position) => {
      const { mention, ...context } = evaluations[position]!;
      const { decision: made, language, sentiment } = outcomes[position]!;
      // Templates answer in the language worked out with the decision (the mention's own, else detected once).
      const decision = this.hooks.decorate ? this.hooks.decorate(made.facts.language || mention.lang ? mention : { ...mention, lang: language }, made, settings) : made;
      decided.set(entry.key, decision);
      firstStatement.push(statements.length);
      statements.push(...this.statementsFor(mention, { decision, language, sentiment }, context, versions, receivedAt, settings));
    });
    const results = await this.commits.submit(statements);
    const duplicates = new Set<string>();
    const final = new Map(decided);
    for (const [position, entry] of entries.entries()) {
      if (results[firstStatement[position]!]!.rowsAffected === 0) duplicates.add(entry.key);
    }
    if (duplicates.size > 0) {
      // Another process stored these first: answer with what it stored, as any redelivery would get.
      const stored = await this.storedDecisions(entries.filter((entry) => duplicates.has(entry.key)));
      for (const [key, decision] of stored) final.set(key, decision);
    }
    return { decisions: final, duplicates };
  }

  private statementsFor(
    mention: Mention,
    { decision, language, sentiment }: Decided,
    context: Record<string, unknown>,
    versions: Readonly<Record<string, number>>,
    receivedAt: number,
    settings: Awaited<ReturnType<SettingsStore['get']>>,
  ): InStatement[] {
    const token = randomUUID();
    const createdAt = Date.parse(mention.createdAt);
    const stillOurs = 'EXISTS (SELECT 1 FROM mentions WHERE channel = ? AND id = ? AND ingest_token = ?)';
    const ours = [mention.channel, mention.id, token];
    const statements: InStatement[] = [
      {
        sql: `INSERT INTO mentions (channel, id, payload, text, author_handle, conversation_id, language, sentiment, created_at, received_at, ingest_token)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel, id) DO NOTHING`,
        args: [mention.channel, mention.id, JSON.stringify(mention), mention.text, mention.author.handle, mention.conversationId ?? null, language, sentiment, createdAt, receivedAt, token],
      },
      {
        sql: `INSERT INTO decisions (channel, mention_id, stage, decision, priority, queue, tags, versions, context, decided_at)
              SELECT ?, ?, 'ingest', ?, ?, ?, ?, ?, ?, ? WHERE ${stillOurs}`,
        args: [mention.channel, mention.id, JSON.stringify(decision), decision.priority, decision.queue, JSON.stringify(decision.tags), JSON.stringify(versions), JSON.stringify(context), receivedAt, ...ours],
      },
    ];
    if (mention.conversationId) {
      statements.push({
        sql: `INSERT INTO conversations (channel, conversation_id, brand_replies, customer_messages, updated_at)
              SELECT ?, ?, 0, 1, ? WHERE ${stillOurs}
              ON CONFLICT (channel, conversation_id) DO UPDATE SET customer_messages = customer_messages + 1, updated_at = excluded.updated_at`,
        args: [mention.channel, mention.conversationId, receivedAt, ...ours],
      });
    }
    if (needsTicket(decision)) {
      statements.push({
        sql: `INSERT INTO tickets (channel, mention_id, queue, priority, status, tags, language, sentiment, author_handle, conversation_id, first_response_due_at, first_response_at, escalated_to, created_at, updated_at)
              SELECT ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, '[]', ?, ? WHERE ${stillOurs}`,
        args: [
          mention.channel,
          mention.id,
          decision.queue,
          decision.priority,
          JSON.stringify(decision.tags),
          language,
          sentiment,
          mention.author.handle,
          mention.conversationId ?? null,
          firstResponseDue(decision, createdAt, settings),
          mention.firstResponseAt ? Date.parse(mention.firstResponseAt) : null,
          receivedAt,
          receivedAt,
          ...ours,
        ],
      });
    }
    for (const extra of this.hooks.statementsFor?.(mention, decision, receivedAt) ?? []) statements.push(extra);
    return statements;
  }
}
