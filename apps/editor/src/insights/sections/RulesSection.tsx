// Rules about rules: hits per published workflow, actions that never fired, and warnings about the published rules.
import { ChartCard } from '../ChartCard.tsx';
import { RuleHitsByWorkflow } from '../charts/RuleHitsByWorkflow.tsx';
import { csvOf, type SectionProps } from './section-props.ts';

export function RulesSection({ load, query, onRetry }: SectionProps<'rules'>) {
  return (
    <section className="insight-section" aria-labelledby="insights-rules">
      <h2 id="insights-rules">Rules</h2>
      <div className="chart-grid">
        <ChartCard
          load={load}
          csv={csvOf('rules', query)}
          onRetry={onRetry}
          id="rule-hits"
          wide
          title="Rule hits per workflow"
          description="How many times each published workflow’s rules fired in the range. Open a workflow to see the counts on its nodes."
          isEmpty={(data) => data.workflows.length === 0}
          emptyText="No workflow is published yet."
        >
          {(data) => <RuleHitsByWorkflow rules={data} />}
        </ChartCard>
      </div>
    </section>
  );
}
