// When customers talk: mentions by weekday and hour over business hours, and per day.
import { ChartCard } from '../ChartCard.tsx';
import { VolumeByDay } from '../charts/VolumeByDay.tsx';
import { VolumeHeatmap } from '../charts/VolumeHeatmap.tsx';
import { csvOf, type SectionProps } from './section-props.ts';

const NO_MENTIONS = 'No mention arrived in this range with these filters.';

export function VolumeSection({ load, query, onRetry }: SectionProps<'volume'>) {
  const common = { load, csv: csvOf('volume', query), onRetry };
  return (
    <section className="insight-section" aria-labelledby="insights-volume">
      <h2 id="insights-volume">Volume</h2>
      <div className="chart-grid">
        <ChartCard {...common} id="volume-heatmap" wide title="Mentions by weekday and hour" description="Mentions per hour of the week, in the workspace’s time zone; outlined cells are business hours." isEmpty={(data) => !data.byHourOfWeek.some((cell) => cell.count > 0)} emptyText={NO_MENTIONS}>
          {(data) => <VolumeHeatmap volume={data} />}
        </ChartCard>
        <ChartCard {...common} id="volume-by-day" wide title="Mentions per day" description="Mentions received each day." isEmpty={(data) => !data.byDay.some((day) => day.count > 0)} emptyText={NO_MENTIONS}>
          {(data) => <VolumeByDay days={data.byDay} />}
        </ChartCard>
      </div>
    </section>
  );
}
