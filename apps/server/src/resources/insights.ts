// /api/insights: the dashboard's figures over a range, bucketed in the workspace time zone, as JSON or CSV. Each
// request first folds what was stored since the last one into the counters (insights/fold.ts), so figures are exact.
import { Hono } from 'hono';
import type { z } from 'zod';
import type { Services } from '../services.ts';
import { InsightQuerySchema, readInsightQuery, type InsightRange } from '../insights/insight-query.ts';
import { ResponseTimesSchema, RulesSchema, TopicsSchema, VolumeSchema, WorkloadSchema } from '../insights/insight-schemas.ts';
import { InsightFolder } from '../insights/fold.ts';
import { responseTimesInsight } from '../insights/response-times.ts';
import { topicsInsight, volumeInsight } from '../insights/mention-insights.ts';
import { workloadInsight } from '../insights/workload.ts';
import { rulesInsight } from '../insights/rule-insights.ts';
import { toCsv } from '../insights/csv.ts';

interface Insight {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly response: z.ZodType;
  read(services: Services, range: InsightRange): Promise<Record<string, unknown>>;
}

const RANGE = 'Range [from, to), default the last 30 days; days and hours are local to the workspace time zone. `channel` and `queue` filter; `format=csv` downloads the same figures flattened.';

const INSIGHTS: readonly Insight[] = [
  {
    path: 'response-times',
    summary: 'First-response times and SLA breaches',
    description:
      'Tickets created in the range: first response − the mention’s createdAt, median and p90 (nearest rank) overall and by channel, queue and priority (current values), with each priority’s target, ' +
      'tickets answered by their due time and tickets breached (answered after it, or unanswered and past it now). Per day: tickets due that day and breached, and escalations applied. ' +
      RANGE,
    response: ResponseTimesSchema,
    read: responseTimesInsight,
  },
  {
    path: 'volume',
    summary: 'Mentions by hour of the week and by day',
    description: `Mentions by createdAt, with the business hours to shade. ${RANGE}`,
    response: VolumeSchema,
    read: volumeInsight,
  },
  {
    path: 'topics',
    summary: 'Top tags, sentiment by day, incidents',
    description: `The 15 tags most given to mentions created in the range (by their ingest decision), by day; mean sentiment by day; incidents open at some point of the range, with their linked mentions. ${RANGE}`,
    response: TopicsSchema,
    read: topicsInsight,
  },
  {
    path: 'workload',
    summary: 'Backlog, agents and satisfaction',
    description: `Open tickets per queue now, whatever the range (overdue: unanswered past due); each agent’s open tickets now and tickets resolved in the range (with a queue filter, the agents serving it or holding or resolving its tickets); ratings of the tickets resolved in the range. ${RANGE}`,
    response: WorkloadSchema,
    read: workloadInsight,
  },
  {
    path: 'rules',
    summary: 'Rule hits, nodes that never fired, rule warnings',
    description:
      'Firings per node in the range (ingest and escalation decisions, by decidedAt; a workflow’s hits are its nodes’ firings), the action nodes of each published workflow that did not fire, and the static analysis warnings over the published rules. ' +
      `Empowerment checks and proactive runs on resolution are not stored as decisions: empowerment workflows are not listed. ${RANGE}`,
    response: RulesSchema,
    read: rulesInsight,
  },
];

export function insightRoutes(services: Services): Hono {
  const app = new Hono();
  const folder = new InsightFolder(services);
  for (const insight of INSIGHTS) {
    services.docs.describe({ method: 'get', path: `/insights/${insight.path}`, summary: insight.summary, description: insight.description, tag: 'Insights', query: InsightQuerySchema, response: insight.response, errors: [400] });
    app.get(`/${insight.path}`, async (c) => {
      const { range, format } = readInsightQuery(c, services.clock.now());
      await folder.catchUp();
      const figures = await insight.read(services, range);
      if (format === 'json') return c.json(figures);
      const name = `insights-${insight.path}-${new Date(range.from).toISOString().slice(0, 10)}-${new Date(range.to).toISOString().slice(0, 10)}.csv`;
      return c.body(toCsv(figures), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
    });
  }
  return app;
}
