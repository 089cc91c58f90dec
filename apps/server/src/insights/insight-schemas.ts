// The insights API's answers, declared once: the OpenAPI document shows them and the readers' types derive from them.
import { z } from 'zod';
import { PrioritySchema, WeekdaySchema } from '@mentionflow/engine';

const count = z.number().int().nonnegative();
const minutes = z.number().nullable().describe('Minutes, to 0.1; null when there is nothing to measure');
const day = z.string().describe('A local date (YYYY-MM-DD) in the workspace time zone');
const responseFigures = { count: count.describe('Tickets answered'), medianMinutes: minutes, p90Minutes: minutes };

export const ResponseTimesSchema = z.object({
  overall: z.object(responseFigures),
  byChannel: z.array(z.object({ channel: z.string(), ...responseFigures })),
  byQueue: z.array(z.object({ queue: z.string(), ...responseFigures })),
  byPriority: z.array(
    z.object({
      priority: PrioritySchema,
      ...responseFigures,
      targetMinutes: z.number().describe('The first-response target in settings'),
      withinTarget: count.describe('Answered by the due time'),
      breached: count.describe('Answered after the due time, or unanswered past it'),
    }),
  ),
  breachesOverTime: z.array(z.object({ day, breaches: count.describe('Due that day, and answered late or not at all'), escalations: count.describe('Escalations applied that day') })),
});

export const VolumeSchema = z.object({
  byHourOfWeek: z.array(z.object({ weekday: WeekdaySchema, hour: z.number().int().min(0).max(23), count })),
  businessHours: z.object({ days: z.array(WeekdaySchema), start: z.string(), end: z.string(), timezone: z.string() }),
  byDay: z.array(z.object({ day, count })),
});

export const TopicsSchema = z.object({
  tags: z.array(z.object({ tag: z.string(), total: count, byDay: z.array(z.object({ day, count })) })),
  sentimentByDay: z.array(z.object({ day, average: z.number().nullable().describe('Mean sentiment (-1…1) of the scores to 0.001, to 0.001; null without scored mentions'), count })),
  incidents: z.array(
    z.object({ id: z.number().int(), topic: z.string(), status: z.string(), openedAt: z.string(), resolvedAt: z.string().nullable(), mentions: count.describe('Linked mentions (matching the filters)') }),
  ),
});

export const WorkloadSchema = z.object({
  backlog: z.array(z.object({ queue: z.string(), open: count, overdue: count, oldestMinutes: minutes })),
  agents: z.array(z.object({ agentId: z.string(), name: z.string(), open: count, capacity: z.number().int(), resolvedInRange: count })),
  satisfaction: z.object({
    count,
    average: z.number().nullable().describe('Mean rating (1–5, to 0.01); null without ratings'),
    distribution: z.object({ 1: count, 2: count, 3: count, 4: count, 5: count }),
    byQueue: z.array(z.object({ queue: z.string(), count, average: z.number().nullable() })),
  }),
});

export const RulesSchema = z.object({
  workflows: z.array(
    z.object({
      workflowId: z.string(),
      name: z.string(),
      publishedVersion: z.number().int().nullable(),
      hits: count.describe('Firings of its nodes in the range'),
      nodes: z.array(z.object({ nodeId: z.string(), hits: count })),
      neverFired: z.array(z.string()).describe('Action nodes of the published version that did not fire in the range'),
    }),
  ),
  warnings: z
    .array(
      z.looseObject({
        code: z.enum(['never_true', 'shadowed_route', 'conflicting_routes']),
        severity: z.literal('warning'),
        message: z.string(),
        workflowId: z.string(),
        nodeId: z.string(),
        relatedNodeIds: z.array(z.string()),
        relatedNodes: z.array(z.object({ workflowId: z.string(), nodeId: z.string() })),
      }),
    )
    .describe('analyzeRules over the published workflows, as the engine runs them'),
});

export type ResponseTimes = z.infer<typeof ResponseTimesSchema>;
export type Volume = z.infer<typeof VolumeSchema>;
export type Topics = z.infer<typeof TopicsSchema>;
export type Workload = z.infer<typeof WorkloadSchema>;
export type Rules = z.infer<typeof RulesSchema>;
