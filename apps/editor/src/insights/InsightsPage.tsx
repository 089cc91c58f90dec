// The insights dashboard (loaded lazily, with the chart library): response times against targets, volume over
// business hours, topics, workload and satisfaction, and how the rules fire, for one range, channel and queue.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatMinutes, plural } from './chart-format.ts';
import { filtersSearch, parseFilters, queryOf, rangeLabel, type InsightFilters } from './insight-filters.ts';
import type { InsightResource } from './insights-api.ts';
import { InsightsFilters, type FilterOptions } from './InsightsFilters.tsx';
import { ResponseTimesSection } from './sections/ResponseTimesSection.tsx';
import { RulesSection } from './sections/RulesSection.tsx';
import { TopicsSection } from './sections/TopicsSection.tsx';
import { VolumeSection } from './sections/VolumeSection.tsx';
import { WorkloadSection } from './sections/WorkloadSection.tsx';
import { useInsight } from './use-insight.ts';
import './insights.css';

const NO_ATTEMPTS: Record<InsightResource, number> = { 'response-times': 0, volume: 0, topics: 0, workload: 0, rules: 0 };

export default function InsightsPage() {
  const [filters, setFilters] = useState<InsightFilters>(() => parseFilters(location.search));
  // "Last 30 days" ends at the moment the filters were chosen (or refreshed): every chart and CSV link shares it.
  const [anchor, setAnchor] = useState(() => new Date());
  const [attempts, setAttempts] = useState(NO_ATTEMPTS);
  const query = useMemo(() => queryOf(filters, anchor), [filters, anchor]);

  const responseTimes = useInsight('response-times', query, attempts['response-times']);
  const volume = useInsight('volume', query, attempts.volume);
  const topics = useInsight('topics', query, attempts.topics);
  const workload = useInsight('workload', query, attempts.workload);
  const rules = useInsight('rules', query, attempts.rules);
  const options = useKnownOptions(responseTimes.status === 'ready' ? responseTimes.data : null, workload.status === 'ready' ? workload.data.backlog : null);

  const change = (next: InsightFilters) => {
    setFilters(next);
    setAnchor(new Date());
    history.replaceState(null, '', `${location.pathname}${filtersSearch(next)}`);
  };
  const retry = useCallback((resource: InsightResource) => setAttempts((previous) => ({ ...previous, [resource]: previous[resource] + 1 })), []);
  const overall = responseTimes.status === 'ready' ? responseTimes.data.overall : null;

  return (
    <section className="page insights-page" aria-labelledby="insights-title">
      <header className="page-header">
        <h1 id="insights-title">Insights</h1>
        <p className="muted" role="status">
          {rangeLabel(filters.range)}
          {filters.channel ? ` · ${filters.channel}` : ''}
          {filters.queue ? ` · queue ${filters.queue}` : ''}
          {overall && overall.count > 0 ? ` · ${plural(overall.count, 'first response')}, median ${formatMinutes(overall.medianMinutes)}, p90 ${formatMinutes(overall.p90Minutes)}` : ''}
        </p>
        <div className="page-actions">
          <button type="button" onClick={() => setAnchor(new Date())}>
            Refresh
          </button>
        </div>
      </header>
      <InsightsFilters filters={filters} options={options} onChange={change} />
      <ResponseTimesSection load={responseTimes} query={query} onRetry={() => retry('response-times')} />
      <VolumeSection load={volume} query={query} onRetry={() => retry('volume')} />
      <TopicsSection load={topics} query={query} onRetry={() => retry('topics')} />
      <WorkloadSection load={workload} query={query} onRetry={() => retry('workload')} />
      <RulesSection load={rules} query={query} onRetry={() => retry('rules')} />
    </section>
  );
}

/** Channels and queues seen so far: a filtered answer lists only the chosen one, so the lists only grow. */
function useKnownOptions(responseTimes: { byChannel: { channel: string }[]; byQueue: { queue: string }[] } | null, backlog: { queue: string }[] | null): FilterOptions {
  const [known, setKnown] = useState<FilterOptions>({ channels: [], queues: [] });
  useEffect(() => {
    setKnown((previous) => {
      const channels = new Set([...previous.channels, ...(responseTimes?.byChannel.map((row) => row.channel) ?? [])]);
      const queues = new Set([...previous.queues, ...(responseTimes?.byQueue.map((row) => row.queue) ?? []), ...(backlog?.map((row) => row.queue) ?? [])]);
      if (channels.size === previous.channels.length && queues.size === previous.queues.length) return previous;
      return { channels: [...channels].sort(), queues: [...queues].sort() };
    });
  }, [responseTimes, backlog]);
  return known;
}
