// Which mentions to run: a file or pasted text, stored mentions, or a pack's samples (one at a time).
import { useSimulationActions, useSimulationState } from '../store/use-simulation.ts';
import type { SourceMode } from '../store/simulation-store.ts';
import { FileSource } from './FileSource.tsx';
import { PackSource, type PackChoice } from './PackSource.tsx';
import { StoredSource } from './StoredSource.tsx';

const MODES: { mode: SourceMode; label: string }[] = [
  { mode: 'file', label: 'File or paste' },
  { mode: 'stored', label: 'Stored mentions' },
  { mode: 'pack', label: 'Pack samples' },
];

export function SourcePicker({ packs, disabled }: { packs: readonly PackChoice[] | null; disabled: boolean }) {
  const mode = useSimulationState((state) => state.source.mode);
  const actions = useSimulationActions();
  return (
    <fieldset className="sim-source" disabled={disabled}>
      <legend>Mentions</legend>
      <div className="segmented" role="radiogroup" aria-label="Where the mentions come from">
        {MODES.map((choice) => (
          <label key={choice.mode} className="choice">
            <input type="radio" name="sim-source" checked={mode === choice.mode} onChange={() => actions.setSource({ mode: choice.mode })} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {mode === 'file' && <FileSource />}
      {mode === 'stored' && <StoredSource />}
      {mode === 'pack' && <PackSource packs={packs} />}
    </fieldset>
  );
}
