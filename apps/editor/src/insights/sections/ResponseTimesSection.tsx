// First-response times by priority (against each target), channel and queue; breaches and escalations over time.
import { ChartCard } from '../ChartCard.tsx';
import { BreachesOverTime } from '../charts/BreachesOverTime.tsx';
import { PriorityTargets } from '../charts/PriorityTargets.tsx';
import { ResponseTimeBars } from '../charts/ResponseTimeBars.tsx';
import { csvOf, type SectionProps } from './section-props.ts';

const NO_RESPONSES = 'No ticket got a first response in this range with these filters.';

export function ResponseTimesSection({ load, query, onRetry }: SectionProps<'response-times'>) {
  const csv = csvOf('response-times', query);
  const common = { load, csv, onRetry };
  return (
    <section className="insight-section" aria-labelledby="insights-response-times">
      <h2 id="insights-response-times">First response</h2>
      <div className="chart-grid">
        <ChartCard {...common} id="response-by-priority" wide title="First response by priority, against targets" description="Median and 90th-percentile minutes to the first response; the dashed line is the priority’s response target." isEmpty={(data) => !data.byPriority.some((row) => row.count > 0 || row.withinTarget + row.breached > 0)} emptyText={NO_RESPONSES}>
          {(data) => <PriorityTargets rows={data.byPriority} />}
        </ChartCard>
        <ChartCard {...common} id="response-by-channel" title="First response by channel" description="Median and 90th-percentile minutes to the first response, per channel." isEmpty={(data) => !data.byChannel.some((row) => row.count > 0)} emptyText={NO_RESPONSES}>
          {(data) => <ResponseTimeBars dimension="channel" rows={data.byChannel.map((row) => ({ ...row, name: row.channel }))} />}
        </ChartCard>
        <ChartCard {...common} id="response-by-queue" title="First response by queue" description="Median and 90th-percentile minutes to the first response, per queue." isEmpty={(data) => !data.byQueue.some((row) => row.count > 0)} emptyText={NO_RESPONSES}>
          {(data) => <ResponseTimeBars dimension="queue" rows={data.byQueue.map((row) => ({ ...row, name: row.queue }))} />}
        </ChartCard>
        <ChartCard {...common} id="breaches-over-time" title="Target breaches and escalations" description="Tickets due each day and answered late or not at all (breaches), and escalations applied that day." isEmpty={(data) => data.breachesOverTime.length === 0} emptyText="No day in this range.">
          {(data) => <BreachesOverTime days={data.breachesOverTime} />}
        </ChartCard>
      </div>
    </section>
  );
}
