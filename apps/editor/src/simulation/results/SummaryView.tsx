// The run in numbers: how many changed, counts per queue and per priority (published vs draft, with the
// difference), and the from → to matrix. While a run streams, or after a cancel, the rows at hand are counted.
import { useMemo, useState } from 'react';
import type { CompareSummary } from '../compare-types.ts';
import { useSimulationState } from '../store/use-simulation.ts';
import { countRows, matrixTable, summarizeRows, type Dimension } from './summary-tables.ts';
import { ChangeMatrix } from './ChangeMatrix.tsx';

export function SummaryView() {
  const { summary, rows, running, start } = useSimulationState((state) => ({ summary: state.summary, rows: state.rows, running: state.run.status === 'running', start: state.start }));
  // Counting every row again per frame while streaming would cost more than it tells: wait for the end.
  const shown: CompareSummary | null = useMemo(() => summary ?? (running || rows.length === 0 ? null : summarizeRows(rows)), [summary, rows, running]);
  const [dimension, setDimension] = useState<Dimension>('queue');
  if (!shown) return null;
  const share = shown.total ? Math.round((shown.changed / shown.total) * 100) : 0;
  const baseline = start ? Object.entries(start.baseline.workflows) : [];
  return (
    <section className="sim-summary" aria-labelledby="sim-summary-title">
      <h3 id="sim-summary-title">
        Summary{summary ? '' : ' (of the rows shown)'}: <span data-testid="sim-changed-count">{shown.changed}</span> of {shown.total} mention{shown.total === 1 ? '' : 's'} changed ({share}%)
      </h3>
      {start && (
        <p className="muted sim-sides">
          Published: {baseline.length ? baseline.map(([id, version]) => `${id} v${version}`).join(', ') : 'nothing published'} · Draft: {start.candidate.workflows.join(', ') || '—'}
        </p>
      )}
      <div className="sim-summary-grid">
        <CountsTable title="By queue" dimension="queue" before={shown.byQueue.before} after={shown.byQueue.after} />
        <CountsTable title="By priority" dimension="priority" before={shown.byPriority.before} after={shown.byPriority.after} />
        <div className="sim-matrix">
          <div className="segmented" role="radiogroup" aria-label="Matrix of">
            {(['queue', 'priority'] as const).map((value) => (
              <label key={value} className="choice">
                <input type="radio" name="sim-matrix" checked={dimension === value} onChange={() => setDimension(value)} />
                <span>{value === 'queue' ? 'Queue moves' : 'Priority moves'}</span>
              </label>
            ))}
          </div>
          <ChangeMatrix table={matrixTable(shown.matrix[dimension], dimension)} dimension={dimension} />
        </div>
      </div>
    </section>
  );
}

function CountsTable({ title, dimension, before, after }: { title: string; dimension: Dimension; before: Record<string, number>; after: Record<string, number> }) {
  const rows = countRows(before, after, dimension);
  return (
    <table className="sim-counts">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{dimension === 'queue' ? 'Queue' : 'Priority'}</th>
          <th scope="col">Published</th>
          <th scope="col">Draft</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.delta ? 'count-changed' : undefined}>
            <th scope="row">{row.key === '(none)' ? 'no queue' : row.key}</th>
            <td>{row.before}</td>
            <td>{row.after}</td>
            <td className={row.delta > 0 ? 'delta-up' : row.delta < 0 ? 'delta-down' : 'muted'}>{row.delta > 0 ? `+${row.delta}` : row.delta < 0 ? `−${-row.delta}` : '='}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
