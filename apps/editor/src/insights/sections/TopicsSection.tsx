// What customers talk about: tags over time, sentiment over time, and incidents with their mention counts.
import { ChartCard } from '../ChartCard.tsx';
import { IncidentMentions } from '../charts/IncidentMentions.tsx';
import { SentimentOverTime } from '../charts/SentimentOverTime.tsx';
import { TagsOverTime } from '../charts/TagsOverTime.tsx';
import { csvOf, type SectionProps } from './section-props.ts';

export function TopicsSection({ load, query, onRetry }: SectionProps<'topics'>) {
  const common = { load, csv: csvOf('topics', query), onRetry };
  return (
    <section className="insight-section" aria-labelledby="insights-topics">
      <h2 id="insights-topics">Topics</h2>
      <div className="chart-grid">
        <ChartCard {...common} id="tags-over-time" wide title="Mentions per tag" description="Tagged mentions per day for the largest tags." isEmpty={(data) => !data.tags.some((tag) => tag.total > 0)} emptyText="No tagged mention in this range.">
          {(data) => <TagsOverTime tags={data.tags} />}
        </ChartCard>
        <ChartCard {...common} id="sentiment-over-time" title="Sentiment" description="Average sentiment of mentions per day, from −1 (negative) to +1 (positive)." isEmpty={(data) => !data.sentimentByDay.some((day) => day.count > 0)} emptyText="No mention with a sentiment score in this range.">
          {(data) => <SentimentOverTime days={data.sentimentByDay} />}
        </ChartCard>
        <ChartCard {...common} id="incidents" title="Incidents" description="Incidents open in the range and the mentions each drew." isEmpty={(data) => data.incidents.length === 0} emptyText="No incident in this range.">
          {(data) => <IncidentMentions incidents={data.incidents} />}
        </ChartCard>
      </div>
    </section>
  );
}
