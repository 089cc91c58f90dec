// /api/insights: what the dashboard and the canvas read (apps/server/src/resources/insights.ts). Every resource takes
// the same filters (`from`, `to`, `channel`, `queue`) and answers CSV of the same data with `format=csv`.
import type { RuleNodeRef } from '@mentionflow/engine';
import { request } from '../api/http.ts';

/** The filters every insight takes; `from`/`to` are ISO instants. */
export interface InsightQuery {
  readonly from: string;
  readonly to: string;
  readonly channel?: string;
  readonly queue?: string;
}

export interface ResponseTimeStat {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface ResponseTimes {
  overall: ResponseTimeStat;
  byChannel: (ResponseTimeStat & { channel: string })[];
  byQueue: (ResponseTimeStat & { queue: string })[];
  byPriority: (ResponseTimeStat & { priority: string; targetMinutes: number; withinTarget: number; breached: number })[];
  breachesOverTime: { day: string; breaches: number; escalations: number }[];
}

export interface Volume {
  /** Mentions by local weekday and hour (the workspace's time zone). */
  byHourOfWeek: { weekday: string; hour: number; count: number }[];
  businessHours: { days: string[]; start: string; end: string; timezone: string };
  byDay: { day: string; count: number }[];
}

export interface Topics {
  tags: { tag: string; total: number; byDay: { day: string; count: number }[] }[];
  sentimentByDay: { day: string; average: number | null; count: number }[];
  incidents: { id: number; topic: string; status: string; openedAt: string; resolvedAt: string | null; mentions: number }[];
}

export interface Workload {
  backlog: { queue: string; open: number; overdue: number; oldestMinutes: number | null }[];
  agents: { agentId: string; name: string; open: number; capacity: number; resolvedInRange: number }[];
  satisfaction: { count: number; average: number | null; distribution: Record<string, number>; byQueue: { queue: string; count: number; average: number | null }[] };
}

/** A static-analysis warning the server found over the published rules (the engine's RuleWarning). */
export interface InsightWarning {
  code: string;
  severity: 'warning';
  message: string;
  workflowId: string;
  nodeId: string;
  relatedNodeIds: string[];
  relatedNodes?: RuleNodeRef[];
}

export interface RuleInsights {
  workflows: { workflowId: string; name: string; publishedVersion: number | null; hits: number; nodes: { nodeId: string; hits: number }[]; neverFired: string[] }[];
  warnings: InsightWarning[];
}

/** The data of each resource, by its path under /api/insights. */
export interface InsightResources {
  'response-times': ResponseTimes;
  volume: Volume;
  topics: Topics;
  workload: Workload;
  rules: RuleInsights;
}

export type InsightResource = keyof InsightResources;

/** `/api/insights/volume?from=…&to=…&channel=x` (empty filters left out; `format=csv` last when asked). */
export function insightPath(resource: InsightResource, query: InsightQuery, format?: 'csv'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.channel) params.set('channel', query.channel);
  if (query.queue) params.set('queue', query.queue);
  if (format) params.set('format', format);
  return `/api/insights/${resource}?${params.toString()}`;
}

export function fetchInsight<R extends InsightResource>(resource: R, query: InsightQuery, signal?: AbortSignal): Promise<InsightResources[R]> {
  return request<InsightResources[R]>('GET', insightPath(resource, query), undefined, signal);
}
