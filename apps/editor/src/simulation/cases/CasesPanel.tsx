// The workflow's regression cases: what each expects, run them all against the draft, delete one.
import type { CaseResult, RegressionCase } from '../../api/cases-api.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/States.tsx';
import { describeExpectation } from './expectation.ts';

export type CasesLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; cases: readonly RegressionCase[] };

interface CasesPanelProps {
  readonly load: CasesLoad;
  readonly results: Readonly<Record<string, CaseResult>> | null;
  readonly running: boolean;
  readonly message: string | null;
  /** Absent for a role that may not simulate (`simulate`), or change cases (`workflows:edit`): the button is not shown. */
  readonly onRunAll?: () => void;
  readonly onDelete?: (caseId: string) => void;
  readonly onRetry: () => void;
}

export function CasesPanel({ load, results, running, message, onRunAll, onDelete, onRetry }: CasesPanelProps) {
  if (load.status === 'loading') return <Loading what="regression cases" />;
  if (load.status === 'error') return <ErrorState title="The regression cases could not be loaded" message={load.message} onRetry={onRetry} />;
  const failing = results ? Object.values(results).filter((result) => !result.passed).length : 0;
  return (
    <section className="cases" aria-labelledby="cases-title">
      <h2 id="cases-title">Regression cases</h2>
      <p className="help">Mentions this workflow must keep deciding the same way. Publishing runs them and asks before changing any.</p>
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
      {load.cases.length === 0 ? (
        <EmptyState title="No cases yet">
          <p>Choose a mention in the simulation results, then “Save as regression case…”.</p>
        </EmptyState>
      ) : (
        <>
          {onRunAll && (
            <div className="button-row">
              <button type="button" onClick={onRunAll} disabled={running}>
                {running ? 'Running…' : `Run ${load.cases.length} case${load.cases.length === 1 ? '' : 's'} against the draft`}
              </button>
            </div>
          )}
          {results && (
            <p role="status" className={failing ? 'field-error' : 'notice-ok'}>
              {failing ? `${failing} of ${load.cases.length} would change with this draft.` : `All ${load.cases.length} pass with this draft.`}
            </p>
          )}
          <ul className="case-list" aria-label="Regression cases">
            {load.cases.map((item) => {
              const result = results?.[item.id];
              return (
                <li key={item.id} className={`case ${result ? (result.passed ? 'case-pass' : 'case-fail') : ''}`}>
                  <header>
                    <strong>{item.name}</strong>
                    {result && <span className={`verdict ${result.passed ? 'verdict-passed' : 'verdict-failed'}`}>{result.passed ? '✓ passes' : '✗ would change'}</span>}
                  </header>
                  <p className="muted">
                    <code>{item.mention.id}</code> on {item.mention.channel} expects {describeExpectation(item.expect)}
                  </p>
                  {result && !result.passed && (
                    <ul className="field-errors">
                      {result.failures.map((failure, index) => (
                        <li key={index}>{failure}</li>
                      ))}
                    </ul>
                  )}
                  {onDelete && (
                    <button type="button" className="danger-link" onClick={() => onDelete(item.id)} aria-label={`Delete case ${item.name}`}>
                      Delete
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
