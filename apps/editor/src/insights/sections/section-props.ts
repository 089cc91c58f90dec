// What each dashboard section gets: its resource's load, the filters' query (for CSV links), and a way to retry.
import type { InsightQuery, InsightResource, InsightResources } from '../insights-api.ts';
import { csvFileName, csvHref } from '../insight-filters.ts';
import type { InsightLoad } from '../use-insight.ts';

export interface SectionProps<R extends InsightResource> {
  readonly load: InsightLoad<InsightResources[R]>;
  readonly query: InsightQuery;
  readonly onRetry: () => void;
}

/** The CSV link of a resource for the current filters. */
export function csvOf(resource: InsightResource, query: InsightQuery) {
  return { href: csvHref(resource, query), fileName: csvFileName(resource, query) };
}
