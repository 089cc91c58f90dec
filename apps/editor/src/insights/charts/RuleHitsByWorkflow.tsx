// How often each published workflow fired in the range, which of their actions never fired, and what static analysis
// warns about the published rules; each workflow links to its canvas, where the counts show per node.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from '../../app/Link.tsx';
import { workflowPath } from '../../app/router.ts';
import { COLORS, plural } from '../chart-format.ts';
import type { RuleInsights } from '../insights-api.ts';
import { chartStyle, TICK, xLabel } from './chart-parts.ts';

export function RuleHitsByWorkflow({ rules }: { rules: RuleInsights }) {
  const rows = [...rules.workflows].sort((a, b) => b.hits - a.hits);
  return (
    <>
      <BarChart
        data={rows}
        layout="vertical"
        responsive
        style={chartStyle(Math.max(120, 30 * rows.length + 50))}
        margin={{ top: 4, right: 24, bottom: 24, left: 8 }}
        title="Rule hits per workflow"
        desc={rows.map((row) => `${row.name}: ${row.hits} hits, ${row.neverFired.length} actions never fired`).join('; ')}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={TICK} allowDecimals={false} label={xLabel('hits (rules fired)')} />
        <YAxis type="category" dataKey="name" tick={TICK} width={180} />
        <Tooltip />
        <Bar dataKey="hits" name="Hits" fill={COLORS.median} isAnimationActive={false} />
      </BarChart>
      <table className="insight-table">
        <caption>Workflows</caption>
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col">Hits</th>
            <th scope="col">Actions that never fired</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.workflowId}>
              <th scope="row">
                <Link href={workflowPath(row.workflowId)}>{row.name}</Link> {row.publishedVersion !== null && <span className="muted">v{row.publishedVersion}</span>}
              </th>
              <td>{row.hits.toLocaleString('en')}</td>
              <td className="code-list">{row.neverFired.length === 0 ? '—' : row.neverFired.map((id) => <code key={id}>{id}</code>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rules.warnings.length > 0 && (
        <>
          <h4 className="warnings-heading">{plural(rules.warnings.length, 'warning')} about the published rules</h4>
          <ul className="insight-warnings" aria-label="Rule warnings">
            {rules.warnings.map((warning, index) => (
              <li key={`${warning.workflowId}-${warning.nodeId}-${warning.code}-${index}`}>
                <span className="warning-tag">warning</span> <Link href={workflowPath(warning.workflowId)}>{warning.workflowId}</Link> <code>{warning.nodeId}</code>: {warning.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
