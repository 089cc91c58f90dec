// Who is answering: the backlog per queue, each agent's load against capacity, and customer satisfaction.
import { ChartCard } from '../ChartCard.tsx';
import { AgentWorkload } from '../charts/AgentWorkload.tsx';
import { QueueBacklog } from '../charts/QueueBacklog.tsx';
import { Satisfaction } from '../charts/Satisfaction.tsx';
import { csvOf, type SectionProps } from './section-props.ts';

export function WorkloadSection({ load, query, onRetry }: SectionProps<'workload'>) {
  const common = { load, csv: csvOf('workload', query), onRetry };
  return (
    <section className="insight-section" aria-labelledby="insights-workload">
      <h2 id="insights-workload">Workload</h2>
      <div className="chart-grid">
        <ChartCard {...common} id="queue-backlog" title="Queue backlog" description="Open tickets per queue now; overdue ones (past their response target) are hatched." isEmpty={(data) => !data.backlog.some((queue) => queue.open > 0)} emptyText="No open ticket: every queue is clear.">
          {(data) => <QueueBacklog backlog={data.backlog} />}
        </ChartCard>
        <ChartCard {...common} id="agent-workload" title="Agent workload" description="Tickets each agent holds now against their capacity (dashed outline), and tickets they resolved in the range." isEmpty={(data) => data.agents.length === 0} emptyText="No agent yet: add the team under /api/agents.">
          {(data) => <AgentWorkload agents={data.agents} />}
        </ChartCard>
        <ChartCard {...common} id="satisfaction" title="Customer satisfaction" description="Ratings customers gave resolved tickets, from 1 to 5." isEmpty={(data) => data.satisfaction.count === 0} emptyText="No rating was recorded in this range.">
          {(data) => <Satisfaction satisfaction={data.satisfaction} />}
        </ChartCard>
      </div>
    </section>
  );
}
