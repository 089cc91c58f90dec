// The sample mentions of an installed pack (the mentions its tests are written with).
import { useId } from 'react';
import { useSimulationActions, useSimulationState } from '../store/use-simulation.ts';

export interface PackChoice {
  readonly id: string;
  readonly name: string;
  readonly version: string;
}

export function PackSource({ packs }: { packs: readonly PackChoice[] | null }) {
  const packId = useSimulationState((state) => state.source.packId);
  const actions = useSimulationActions();
  const id = useId();
  if (packs === null) return <p className="muted">Loading the installed packs…</p>;
  if (packs.length === 0) return <p className="muted">No pack is installed. Import one from the workflows page to use its sample mentions.</p>;
  return (
    <div className="sim-fields">
      <div className="field">
        <label htmlFor={id}>Pack</label>
        <select id={id} value={packId} onChange={(event) => actions.setSource({ packId: event.target.value })}>
          <option value="">choose a pack…</option>
          {packs.map((pack) => (
            <option key={pack.id} value={pack.id}>
              {pack.name} {pack.version}
            </option>
          ))}
        </select>
      </div>
      <p className="help">The mentions its tests are written with, histories included.</p>
    </div>
  );
}
