// The simulation workbench: choose mentions, run them through the published rules and the draft side by side,
// and read the results. It only displays: `onRun` streams the comparison from wherever it is evaluated.
import { useMemo, useState } from 'react';
import type { OnRun } from './compare-types.ts';
import { runComparison } from './run-comparison.ts';
import { RunControls, RunStatus } from './RunControls.tsx';
import { SourcePicker } from './source/SourcePicker.tsx';
import type { PackChoice } from './source/PackSource.tsx';
import { requestOf } from './source/source-request.ts';
import { ResultFilters } from './results/ResultFilters.tsx';
import { ResultsTable } from './results/ResultsTable.tsx';
import { SummaryView } from './results/SummaryView.tsx';
import { filterRows } from './results/row-filters.ts';
import { useSimulationState, useSimulationStoreApi } from './store/use-simulation.ts';

interface SimulationPanelProps {
  readonly onRun: OnRun;
  readonly packs: readonly PackChoice[] | null;
  /** Names the exported files, e.g. "refunds-simulation". */
  readonly fileStem: string;
}

export function SimulationPanel({ onRun, packs, fileStem }: SimulationPanelProps) {
  const store = useSimulationStoreApi();
  const { rows, filters, running, status } = useSimulationState((state) => ({ rows: state.rows, filters: state.filters, running: state.run.status === 'running', status: state.run.status }));
  const shown = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const [problem, setProblem] = useState<string | null>(null);

  const run = () => {
    const { source, now, explain } = store.getState();
    const request = requestOf(source, now, explain);
    if ('problem' in request) return setProblem(request.problem);
    setProblem(null);
    void runComparison(store, onRun, request);
  };

  return (
    <section className="simulation-panel" aria-labelledby="simulation-title">
      <header className="sim-header">
        <h2 id="simulation-title">Simulation</h2>
        <p className="muted">The published version and your draft, side by side. Nothing is stored, sent or queued.</p>
      </header>
      <div className="sim-setup">
        <SourcePicker packs={packs} disabled={running} />
        <RunControls onRun={run} problem={problem} />
      </div>
      <RunStatus />
      <SummaryView />
      {(rows.length > 0 || status === 'done') && (
        <>
          <ResultFilters shown={shown} fileStem={fileStem} />
          {shown.length > 0 ? <ResultsTable shown={shown} /> : <p className="muted sim-empty">{rows.length ? 'No mention matches these filters.' : 'No mentions were compared.'}</p>}
        </>
      )}
    </section>
  );
}
