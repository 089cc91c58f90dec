// /api/simulate/compare and /api/simulate/explain: the published rules against a candidate (a draft, or drafts
// given) over the same mentions, streamed as NDJSON, and one mention explained on both sides. Nothing is stored.
import { Hono } from 'hono';
import { z } from 'zod';
import { DecisionSchema, MentionSchema, WorkflowSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody } from '../http/read-body.ts';
import {
  DEFAULT_STORED_LIMIT,
  MAX_COMPARED_MENTIONS,
  MAX_EXPLAINED_COMPARISONS,
  comparisonLines,
  explainMention,
  ndjsonChunks,
  prepareComparison,
  resolveRules,
  type CompareLine,
  type ComparisonDeps,
} from '../domain/comparison.ts';

/** 100,000 mentions with long texts fit; larger bodies are refused before parsing. */
const COMPARE_BODY_LIMIT = 128 * 1024 * 1024;
const SOURCES = ['mentions', 'text', 'stored', 'packId'] as const;
const Iso = z.iso.datetime({ offset: true });

const CandidateSchema = z
  .strictObject({
    workflowId: z.string().min(1).max(200).optional().describe('This workflow’s current draft replaces its published version'),
    /** Compiled one by one: every problem is reported with its path. */
    workflows: z.array(z.unknown()).min(1).max(200).optional().describe('Drafts: each replaces the published workflow with its id, or is added'),
  })
  .refine((candidate) => candidate.workflowId !== undefined || candidate.workflows !== undefined, { message: 'give workflowId (run its draft) or workflows (drafts to run), or both' });

const StoredSchema = z.strictObject({
  from: Iso.optional().describe('Received at or after'),
  to: Iso.optional().describe('Received before'),
  channel: MentionSchema.shape.channel.optional(),
  queue: z.string().min(1).max(200).optional().describe('The queue of the stored decision; “(none)” for unrouted mentions'),
  tag: z.string().min(1).max(200).optional().describe('A tag of the stored decision'),
  limit: z.number().int().min(1).max(MAX_COMPARED_MENTIONS).default(DEFAULT_STORED_LIMIT).describe('The most recent matching mentions (by createdAt), up to this many'),
});

const fields = {
  /** Validated one by one: a bad mention is reported with its index, the others still run. */
  mentions: z.array(z.unknown()).max(MAX_COMPARED_MENTIONS).optional(),
  text: z.string().optional(),
  stored: StoredSchema.optional(),
  packId: z.string().min(1).max(200).optional(),
  candidate: CandidateSchema,
  now: Iso.optional(),
  explain: z.boolean().default(false),
};

const CompareSchema = z.strictObject(fields).superRefine((body, context) => {
  const given = SOURCES.filter((source) => body[source] !== undefined);
  if (given.length === 1) return;
  const message = 'give exactly one source of mentions: mentions, text, stored or packId';
  for (const source of given.length === 0 ? SOURCES : given) context.addIssue({ code: 'custom', path: [source], message });
});

const CompareDocSchema = z.strictObject({
  ...fields,
  mentions: z.array(MentionSchema).max(MAX_COMPARED_MENTIONS).optional().describe('The mentions (bad ones are reported by index in the start line)'),
  text: z.string().optional().describe('The mentions as a file: NDJSON, a JSON array, or CSV with a header row (bad lines are reported by line)'),
  stored: StoredSchema.optional().describe('Stored mentions, replayed from their stored payloads in createdAt order'),
  packId: z.string().optional().describe('An installed pack’s sample set: its tests’ mentions and histories'),
  candidate: z.strictObject({ workflowId: z.string().optional(), workflows: z.array(WorkflowSchema).optional() }),
  now: Iso.optional().describe('Virtual clock: unanswered mentions also go through the escalation workflows at this time'),
  explain: z.boolean().default(false).describe(`Add both sides’ explanations to every row (runs of up to ${MAX_EXPLAINED_COMPARISONS} mentions)`),
});

const ExplainSchema = z.strictObject({ mention: MentionSchema, candidate: CandidateSchema.optional(), now: Iso.optional() });

const ExplainResultSchema = z.object({
  before: z.object({ decision: DecisionSchema, rules: z.array(z.unknown()), paths: z.array(z.unknown()), escalation: z.unknown().optional() }),
  after: z.object({ decision: DecisionSchema, rules: z.array(z.unknown()), paths: z.array(z.unknown()), escalation: z.unknown().optional() }),
});

/** Chunks of the run as a byte stream: pulled only as fast as the client reads, stopped when it goes away. */
function ndjsonStream(chunks: AsyncGenerator<string, void, undefined>, onError: (error: Error) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        onError(error as Error);
        const line: CompareLine = { type: 'error', error: 'internal_error', message: 'the comparison stopped on an error on our side' };
        controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        controller.close();
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export function comparisonRoutes(services: Services): Hono {
  const app = new Hono();
  const deps: ComparisonDeps = { db: services.database.db, rulebook: services.rulebook, settings: services.settings, workflows: services.workflows };
  services.docs.describe({
    method: 'post',
    path: '/simulate/compare',
    summary: 'Compare the published rules with a draft over many mentions, streamed as NDJSON',
    description:
      'Answers `application/x-ndjson`, one JSON object per line: `{"type":"start","total","rejected","baseline":{"workflows":{id:version}},"candidate":{"workflows":[ids]}}`, ' +
      'then `{"type":"row","index","mentionId","channel","text","before","after","change"}` for every mention in input order (`index` counts rows from 0; rows read from text also carry `line`), ' +
      `\`{"type":"progress","done","total"}\` every 200 rows, and \`{"type":"summary","total","changed","byQueue","byPriority","matrix"}\`. ` +
      'Both sides replay in createdAt order, each with its own volume windows and incidents. Nothing is written. ' +
      'Give exactly one source of mentions. A candidate with compile problems is a 422 listing them, before any line is sent. ' +
      'Should the run fail on our side midway, a last line `{"type":"error"}` says so.',
    tag: 'Simulation',
    body: CompareDocSchema,
    errors: [400, 413, 415, 422],
  });
  services.docs.describe({
    method: 'post',
    path: '/simulate/explain',
    summary: 'Explain one mention with the published rules and with a candidate',
    description: 'The mention is replayed alone (no stream before it), at `now` when given. Without a candidate both sides are the published rules.',
    tag: 'Simulation',
    body: ExplainSchema,
    response: ExplainResultSchema,
    errors: [400, 415, 422],
  });

  app.post('/compare', async (c) => {
    const body = await readBody(c, CompareSchema, COMPARE_BODY_LIMIT);
    const run = await prepareComparison(body, deps);
    const started = performance.now();
    const lines = comparisonLines(run, {
      signal: c.req.raw.signal,
      onEnd: ({ completed, done, total }) =>
        services.logger.log('info', completed ? 'simulation_compare_finished' : 'simulation_compare_cancelled', { done, total, ms: Math.round(performance.now() - started) }),
    });
    const stream = ndjsonStream(ndjsonChunks(lines), (error) => services.logger.log('error', 'simulation_compare_failed', { error: error.message, stack: error.stack }));
    return c.body(stream, 200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
  });

  app.post('/explain', async (c) => {
    const body = await readBody(c, ExplainSchema);
    const rules = await resolveRules(body.candidate ?? {}, deps);
    return c.json(await explainMention(body.mention, rules, body.now));
  });
  return app;
}
