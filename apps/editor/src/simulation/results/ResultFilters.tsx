// Filters over the results, and the export of what they show (CSV or NDJSON, built in the browser).
import { PRIORITIES } from '@mentionflow/engine';
import { useMemo } from 'react';
import { useSimulationActions, useSimulationState } from '../store/use-simulation.ts';
import type { CompareRow } from '../compare-types.ts';
import { downloadText, exportRows, type ExportFormat } from './export-rows.ts';
import { isFiltered, NO_FILTERS, queuesOf } from './row-filters.ts';

export function ResultFilters({ shown, fileStem }: { shown: readonly CompareRow[]; fileStem: string }) {
  const { filters, rows, running } = useSimulationState((state) => ({ filters: state.filters, rows: state.rows, running: state.run.status === 'running' }));
  const actions = useSimulationActions();
  // The queue list follows the rows only when a run is not adding to them every frame.
  const queues = useMemo(() => (running ? [] : queuesOf(rows)), [rows, running]);
  const save = (format: ExportFormat) => {
    const file = exportRows(shown, format);
    downloadText(file.text, file.type, `${fileStem}.${file.extension}`);
  };
  return (
    <div className="filters sim-filters" role="search" aria-label="Filter the results">
      <label className="choice">
        <input type="checkbox" checked={filters.changedOnly} onChange={(event) => actions.setFilters({ changedOnly: event.target.checked })} />
        <span>Changed only</span>
      </label>
      <label>
        Queue
        <select value={filters.queue} onChange={(event) => actions.setFilters({ queue: event.target.value })}>
          <option value="">any</option>
          {[...new Set([...queues, ...(filters.queue ? [filters.queue] : [])])].map((queue) => (
            <option key={queue} value={queue}>
              {queue === '(none)' ? 'no queue' : queue}
            </option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select value={filters.priority} onChange={(event) => actions.setFilters({ priority: event.target.value })}>
          <option value="">any</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {priority}
            </option>
          ))}
        </select>
      </label>
      <label>
        Find
        <input type="search" value={filters.search} onChange={(event) => actions.setFilters({ search: event.target.value })} placeholder="text or mention id" />
      </label>
      {isFiltered(filters) && (
        <button type="button" className="link-button" onClick={() => actions.setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      )}
      <span className="sim-export">
        <span className="muted">
          {shown.length.toLocaleString()} of {rows.length.toLocaleString()} shown
        </span>
        <button type="button" onClick={() => save('csv')} disabled={shown.length === 0}>
          Export CSV
        </button>
        <button type="button" onClick={() => save('ndjson')} disabled={shown.length === 0}>
          Export NDJSON
        </button>
      </span>
    </div>
  );
}
