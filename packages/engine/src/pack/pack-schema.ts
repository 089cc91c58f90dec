// The rule-pack format: workflows that encode good practice, typed parameters, and the tests the pack must pass.
import { z } from 'zod';
import { IdSchema, WorkflowSchema } from '../workflow/workflow-schema.ts';
import { MentionSchema } from '../mention/mention-schema.ts';
import { SettingsSchema } from '../mention/settings-schema.ts';
import { PrioritySchema } from '../decision/priority.ts';
import { EmpowermentRequestSchema } from '../evaluation/empowerment-request-schema.ts';
import { TicketStateSchema } from '../evaluation/ticket-schema.ts';
import { TermListSchema } from '../text/terms.ts';
import { DurationSchema } from '../time/duration.ts';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

const parameterBase = { label: z.string().min(1).max(200), description: z.string().min(1).max(2000) };

/** A pack parameter: typed, with a default and a description, referenced from node data as `{ "$param": name }`. */
export const PackParameterSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...parameterBase, type: z.literal('number'), default: z.number(), min: z.number().optional(), max: z.number().optional() }),
  z.strictObject({ ...parameterBase, type: z.literal('string'), default: z.string().max(1000) }),
  z.strictObject({ ...parameterBase, type: z.literal('boolean'), default: z.boolean() }),
  z.strictObject({ ...parameterBase, type: z.literal('terms'), default: TermListSchema }),
  z.strictObject({ ...parameterBase, type: z.literal('duration'), default: DurationSchema }),
  z.strictObject({ ...parameterBase, type: z.literal('enum'), options: z.array(z.string()).min(1), default: z.string() }),
]);
export type PackParameter = z.infer<typeof PackParameterSchema>;

const ExpectedActionSchema = z.union([z.string(), z.looseObject({ type: z.string() })]);

/** What a pack test expects; only the fields given are checked. */
export const PackExpectationSchema = z.strictObject({
  priority: PrioritySchema.optional(),
  queue: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  notTags: z.array(z.string()).optional(),
  actions: z.array(ExpectedActionSchema).optional(),
  notActions: z.array(z.string()).optional(),
  allowed: z.boolean().optional(),
  requiresApproval: z.string().nullable().optional(),
});
export type PackExpectation = z.infer<typeof PackExpectationSchema>;

export const PackTestSchema = z
  .strictObject({
    name: z.string().min(1).max(300),
    /** The mention under test; `history` mentions are replayed first (volumes and incidents build up). */
    mention: MentionSchema.optional(),
    history: z.array(MentionSchema).max(500).optional(),
    request: EmpowermentRequestSchema.optional(),
    stage: z.enum(['ingest', 'escalation', 'resolution']).optional(),
    ticket: TicketStateSchema.optional(),
    settings: SettingsSchema.optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    now: z.iso.datetime({ offset: true }).optional(),
    expect: PackExpectationSchema,
  })
  .refine((test) => Boolean(test.mention) !== Boolean(test.request), { message: 'a test has either a mention or a request' });
export type PackTest = z.infer<typeof PackTestSchema>;

export const PackSchema = z.strictObject({
  $schema: z.string().optional(),
  id: IdSchema,
  name: z.string().min(1).max(200),
  version: z.string().regex(SEMVER, 'a semantic version such as "1.2.0"'),
  description: z.string().min(1).max(5000),
  parameters: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), PackParameterSchema).default({}),
  /** Settings the pack's tests run with unless a test gives its own. */
  settings: SettingsSchema.optional(),
  workflows: z.array(WorkflowSchema).min(1).max(50),
  tests: z.array(PackTestSchema).max(1000).default([]),
});
export type Pack = z.infer<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;
