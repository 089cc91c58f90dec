// The publish dialog's regression gate: the cases this draft would change, each with how, and an explicit
// acknowledgement before publishing anyway.
import type { FailingCase } from '../../api/cases-api.ts';

export function FailingCasesGate({ failing, acknowledged, onAcknowledge }: { failing: readonly FailingCase[]; acknowledged: boolean; onAcknowledge: (acknowledged: boolean) => void }) {
  return (
    <div className="case-gate" role="alert" aria-labelledby="case-gate-title">
      <p id="case-gate-title">
        <strong>
          {failing.length} regression case{failing.length === 1 ? '' : 's'} would change
        </strong>{' '}
        with this draft. Nothing was published.
      </p>
      <ul className="case-gate-list" aria-label="Cases that would change">
        {failing.map((item) => (
          <li key={item.caseId}>
            <strong>{item.name}</strong>
            <ul>
              {item.failures.map((failure, index) => (
                <li key={index}>{failure}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <label className="choice">
        <input type="checkbox" checked={acknowledged} onChange={(event) => onAcknowledge(event.target.checked)} />
        <span>I have reviewed these changes and accept the new decisions</span>
      </label>
      <p className="help">Publishing anyway records who accepted which cases. Or cancel, fix the draft, and publish again.</p>
    </div>
  );
}
