// Run options (a virtual "now", explanations), Run and Cancel, the progress of a streaming run, and how it ended.
import type { FormEvent } from 'react';
import { useSimulationActions, useSimulationState } from './store/use-simulation.ts';

export function RunControls({ onRun, problem }: { onRun: () => void; problem: string | null }) {
  const s = useSimulationState((state) => ({ now: state.now, explain: state.explain, running: state.run.status === 'running', cancel: state.cancel }));
  const actions = useSimulationActions();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRun();
  };
  return (
    <form className="sim-run" onSubmit={submit} aria-label="Run the comparison">
      <label>
        Virtual “now” <span className="muted">(optional, your time zone)</span>
        <input type="datetime-local" value={s.now} onChange={(event) => actions.setNow(event.target.value)} disabled={s.running} aria-describedby="sim-now-help" />
        <small id="sim-now-help" className="help">
          Unanswered mentions also go through escalations and follow-ups as at this time.
        </small>
      </label>
      <label className="choice">
        <input type="checkbox" checked={s.explain} onChange={(event) => actions.setExplain(event.target.checked)} disabled={s.running} />
        <span>Explain each mention (runs of up to 500)</span>
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={s.running} aria-describedby={problem ? 'sim-run-problem' : undefined}>
          {s.running ? 'Running…' : 'Run comparison'}
        </button>
        {s.running && (
          <button type="button" onClick={() => s.cancel?.()}>
            Cancel
          </button>
        )}
      </div>
      {problem && (
        <p id="sim-run-problem" role="alert" className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
}

export function RunStatus() {
  const s = useSimulationState((state) => ({ run: state.run, progress: state.progress, shown: state.rows.length, changed: state.changedCount, start: state.start }));
  if (s.run.status === 'idle') return null;
  const { done, total } = s.progress;
  return (
    <div className={`sim-status sim-status-${s.run.status}`}>
      {s.run.status === 'running' && (
        <>
          <progress value={done} max={total || undefined} aria-label="Mentions compared" />
          <span role="status" aria-live="polite">
            {total ? `${done.toLocaleString()} of ${total.toLocaleString()} mentions` : 'Starting…'} · {s.changed.toLocaleString()} changed so far
          </span>
        </>
      )}
      {s.run.status === 'done' && (
        <span role="status">
          Compared {s.shown.toLocaleString()} mention{s.shown === 1 ? '' : 's'}: <strong>{s.changed.toLocaleString()} changed</strong>. Nothing was stored.
        </span>
      )}
      {s.run.status === 'cancelled' && <span role="status">{s.run.message}</span>}
      {s.run.status === 'error' && (
        <div role="alert" className="field-error">
          <p>{s.run.message}</p>
          {s.run.problems.length > 0 && (
            <ul>
              {s.run.problems.slice(0, 20).map((problem, index) => (
                <li key={index}>{problem}</li>
              ))}
              {s.run.problems.length > 20 && <li>… and {s.run.problems.length - 20} more</li>}
            </ul>
          )}
        </div>
      )}
      {s.start && s.start.rejected.length > 0 && (
        <details className="sim-rejected">
          <summary>
            {s.start.rejected.length} mention{s.start.rejected.length === 1 ? ' was' : 's were'} not valid and left out
          </summary>
          <ul>
            {s.start.rejected.slice(0, 50).map((rejection, index) => (
              <li key={index}>
                {'line' in rejection ? `Line ${rejection.line}` : `Mention ${rejection.index + 1}`}: {rejection.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
