// The results: one row per mention, only the rows in view rendered (runs of 10,000+ stay smooth). Choosing a row
// (click, Enter, or ↑/↓ once one is chosen) selects it for the explanation and the canvas.
import { useCallback, useRef, type KeyboardEvent } from 'react';
import type { CompareRow } from '../compare-types.ts';
import { useSimulationActions, useSimulationState } from '../store/use-simulation.ts';
import { ResultRow, ROW_HEIGHT } from './ResultRow.tsx';
import { useVirtualRows } from './use-virtual-rows.ts';

export function ResultsTable({ shown }: { shown: readonly CompareRow[] }) {
  const selected = useSimulationState((state) => state.selected);
  const actions = useSimulationActions();
  const viewport = useRef<HTMLDivElement>(null);
  const view = useVirtualRows(viewport, shown.length, ROW_HEIGHT);
  const onSelect = useCallback((index: number) => actions.select(index), [actions]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const position = shown.findIndex((row) => row.index === selected);
    const next = Math.min(shown.length - 1, Math.max(0, position + (event.key === 'ArrowDown' ? 1 : -1)));
    if (shown[next]) {
      actions.select(shown[next].index);
      view.scrollTo(next);
    }
  };

  return (
    <div className="sim-results" ref={viewport} tabIndex={0} onKeyDown={onKeyDown} aria-label="Results (↑/↓ to move between mentions)">
      <table className="sim-table" aria-rowcount={shown.length + 1}>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Mention</th>
            <th scope="col">Queue</th>
            <th scope="col">Priority</th>
            <th scope="col">Tags</th>
            <th scope="col">Key actions</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {view.padTop > 0 && <tr aria-hidden="true" style={{ height: view.padTop }} />}
          {shown.slice(view.start, view.end).map((row) => (
            <ResultRow key={row.index} row={row} selected={row.index === selected} onSelect={onSelect} />
          ))}
          {view.padBottom > 0 && <tr aria-hidden="true" style={{ height: view.padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
