// /api/simulate: decide a batch of mentions with the published rules or drafts, exactly as `mentionflow simulate`
// does, without storing anything.
import { Hono } from 'hono';
import { z } from 'zod';
import { DecisionSchema, MentionSchema, PackSchema, SettingsSchema, WorkflowSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody } from '../http/read-body.ts';
import { ApiError } from '../http/api-error.ts';
import { MAX_EXPLAINED_MENTIONS, MAX_SIMULATED_MENTIONS, simulate } from '../domain/simulation.ts';
import { templateStoreFor } from '../domain/template-store.ts';

/** 5,000 mentions with long texts (and explanations asked) fit; larger bodies are refused before parsing. */
const SIMULATE_BODY_LIMIT = 32 * 1024 * 1024;
const FormatSchema = z.enum(['ndjson', 'json', 'csv']);

const fields = {
  /** Validated one by one: a bad mention is reported with its index, the others still run. */
  mentions: z.array(z.unknown()).optional(),
  text: z.string().optional(),
  format: FormatSchema.optional(),
  /** Compiled one by one: every problem is reported with its path. */
  workflows: z.array(z.unknown()).max(200).optional(),
  packs: z.array(z.unknown()).max(50).optional(),
  settings: SettingsSchema.optional(),
  now: z.iso.datetime({ offset: true }).optional(),
  explain: z.boolean().default(false),
};

const SimulateSchema = z.strictObject(fields).superRefine((body, context) => {
  if ((body.mentions === undefined) === (body.text === undefined)) {
    context.addIssue({ code: 'custom', path: body.mentions === undefined ? ['mentions'] : ['text'], message: 'give either mentions (an array) or text (NDJSON, a JSON array or CSV), not both' });
  }
  if (body.format !== undefined && body.text === undefined) context.addIssue({ code: 'custom', path: ['format'], message: 'format applies to text only' });
});

/** What the API reference shows (the request is validated more leniently, to report every problem at once). */
const SimulateDocSchema = z.strictObject({
  ...fields,
  mentions: z.array(MentionSchema).max(MAX_SIMULATED_MENTIONS).optional().describe('The mentions, or give text'),
  text: z.string().optional().describe('The mentions as a file: NDJSON, a JSON array, or CSV with a header row (dotted names such as author.handle build nested fields)'),
  format: FormatSchema.optional().describe('The format of text; default: guessed from the content'),
  workflows: z.array(WorkflowSchema).optional().describe('Drafts to run instead of the published workflows'),
  packs: z.array(PackSchema).optional().describe('Rule packs to run instead of the published workflows (with their parameter defaults)'),
  settings: SettingsSchema.optional().describe('Settings to run with instead of the workspace settings'),
  now: z.iso.datetime({ offset: true }).optional().describe('When set, unanswered mentions also go through the escalation workflows at this time'),
  explain: z.boolean().default(false).describe(`Add an explanation to every decision (batches of up to ${MAX_EXPLAINED_MENTIONS} mentions)`),
});

const ResultSchema = z.object({
  decisions: z.array(DecisionSchema.extend({ explanation: z.unknown().optional() })),
  rejected: z.array(z.union([z.object({ line: z.number(), message: z.string() }), z.object({ index: z.number(), message: z.string() })])),
  summary: z.object({
    total: z.number(),
    rejected: z.number(),
    byQueue: z.record(z.string(), z.number()),
    byPriority: z.record(z.string(), z.number()),
    incidents: z.array(z.string()),
  }),
  rules: z.object({ source: z.enum(['published', 'given']), workflows: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), version: z.number().optional() })) }),
  format: FormatSchema.optional(),
});

export function simulateRoutes(services: Services): Hono {
  const app = new Hono();
  services.docs.describe({
    method: 'post',
    path: '/simulate',
    summary: 'Decide a batch of mentions without storing anything',
    description:
      `Up to ${MAX_SIMULATED_MENTIONS} mentions run through one replay in createdAt order, as \`mentionflow simulate\` runs them: volume windows and incidents evolve over the batch only. ` +
      'Decisions come back in input order, with the reply texts rendered from the templates. Bad mentions are reported (by line for text, by index for mentions) and the others still run. ' +
      'Given workflows or packs run instead of the published workflows; any compile problem is a 422 listing every problem with its path. Nothing is written: no mention, decision, ticket or incident.',
    tag: 'Simulation',
    body: SimulateDocSchema,
    response: ResultSchema,
    errors: [400, 413, 415, 422],
  });

  app.post('/', async (c) => {
    const body = await readBody(c, SimulateSchema, SIMULATE_BODY_LIMIT);
    if (body.mentions && body.mentions.length === 0) throw new ApiError(422, 'validation_failed', 'mentions: the batch is empty', [{ field: 'mentions', message: 'the batch is empty' }]);
    const result = await simulate(body, { rulebook: services.rulebook, settings: services.settings, templates: templateStoreFor(services) });
    return c.json(result);
  });
  return app;
}
