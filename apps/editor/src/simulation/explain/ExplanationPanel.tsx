// The selected mention explained: both decisions, then every rule of the chosen side with each condition's fact
// value and pass/fail. The canvas draws the same side's path. Saving the mention as a regression case starts here.
import { useState } from 'react';
import { EmptyState, ErrorState, Loading } from '../../ui/States.tsx';
import { SaveCaseDialog, type SaveCaseInput } from '../cases/SaveCaseDialog.tsx';
import type { CompareRow } from '../compare-types.ts';
import { useSimulationActions, useSimulationState } from '../store/use-simulation.ts';
import { DecisionCompare } from './DecisionCompare.tsx';
import { TraceView } from './TraceView.tsx';

interface ExplanationPanelProps {
  readonly workflowId: string;
  readonly onRetry: (index: number) => void;
  /** Absent for a role that may not change the workflow's cases (`workflows:edit`). */
  readonly onSaveCase?: (row: CompareRow, input: SaveCaseInput) => Promise<void>;
}

export function ExplanationPanel({ workflowId, onRetry, onSaveCase }: ExplanationPanelProps) {
  const { row, state, side } = useSimulationState((s) => ({
    row: s.selected === null ? undefined : s.rows.find((candidate) => candidate.index === s.selected),
    state: s.selected === null ? undefined : s.explanations[s.selected],
    side: s.side,
  }));
  const actions = useSimulationActions();
  const [saving, setSaving] = useState(false);

  if (!row) {
    return (
      <EmptyState title="No mention chosen">
        <p>Run a comparison, then choose a mention in the results to see why each version decided it as it did.</p>
      </EmptyState>
    );
  }
  return (
    <section className="explanation" aria-labelledby="explanation-title">
      <header>
        <h2 id="explanation-title">
          Mention <code>{row.mentionId}</code> <span className="channel-badge">{row.channel}</span>
        </h2>
        <p className="mention-text">{row.text}</p>
      </header>
      <DecisionCompare before={row.before} after={row.after} />
      <div className="button-row">
        {onSaveCase && (
          <button type="button" onClick={() => setSaving(true)}>
            Save as regression case…
          </button>
        )}
        <button type="button" className="link-button" onClick={() => actions.select(null)}>
          Clear the path from the canvas
        </button>
      </div>
      <div className="segmented" role="radiogroup" aria-label="Explain the decision of">
        {(['after', 'before'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="explain-side" checked={side === value} onChange={() => actions.setSide(value)} />
            <span>{value === 'after' ? 'Draft' : 'Published'}</span>
          </label>
        ))}
      </div>
      {side === 'before' && <p className="help">The canvas shows your draft; the published version’s path is drawn on it by node id.</p>}
      {(!state || state.status === 'loading') && <Loading what="the explanation" />}
      {state?.status === 'error' && <ErrorState title="The explanation could not be loaded" message={state.message} onRetry={() => onRetry(row.index)} />}
      {state?.status === 'ready' && <TraceView trace={state.explanation[side]} workflowId={workflowId} />}
      {saving && onSaveCase && <SaveCaseDialog row={row} onSave={(input) => onSaveCase(row, input)} onClose={() => setSaving(false)} />}
    </section>
  );
}
