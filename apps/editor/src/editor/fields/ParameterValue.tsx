// A value a pack parameter supplies (`{"$param": "slaP1Minutes"}`): shown as the parameter and its current value,
// with a way to replace it by a fixed value. Forms never try to edit the reference itself.
import type { ParameterReference } from '@mentionflow/engine';
import { describeParameter } from '../graph/node-summary.ts';

export function ParameterValue({ label, reference, parameters, onReplace }: { label: string; reference: ParameterReference; parameters: Readonly<Record<string, unknown>>; onReplace?: () => void }) {
  const known = Object.hasOwn(parameters, reference.$param);
  return (
    <div className="field parameter-value">
      <span className="field-label">{label}</span>
      <p>
        <span className="param-chip">{describeParameter(reference)}</span>{' '}
        {known ? <span className="muted">currently {JSON.stringify(parameters[reference.$param])}</span> : <span className="field-error">no value set</span>}
      </p>
      <small className="help">Set by the pack’s parameters, so one change updates every rule that uses it.</small>
      {onReplace && (
        <button type="button" className="link-button" onClick={onReplace}>
          Use a fixed value for {label.toLowerCase()} instead
        </button>
      )}
    </div>
  );
}
