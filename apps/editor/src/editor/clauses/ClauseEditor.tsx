// One clause `fact · operator · value`: a grouped fact picker with descriptions and types, the operators that fit
// the fact, and the value editor they need. Parameter references display as such.
import { useId, useMemo } from 'react';
import { findFact, isParameterReference, type FactSubject } from '@mentionflow/engine';
import { describeClauseSafely, describeParameter } from '../graph/node-summary.ts';
import { changeFact, changeOperator, defaultValueFor, factGroups, operatorsForFact, type Clause } from './clause-rules.ts';
import { ParamsEditor } from './ParamsEditor.tsx';
import { ValueEditor } from './ValueEditor.tsx';

interface ClauseEditorProps {
  readonly index: number;
  readonly clause: Clause;
  readonly subject: FactSubject;
  readonly onChange: (clause: Clause) => void;
  readonly onRemove?: () => void;
  readonly problems: readonly { readonly path: readonly (string | number)[]; readonly message: string }[];
  readonly parameters: Readonly<Record<string, unknown>>;
}

export function ClauseEditor({ index, clause, subject, onChange, onRemove, problems }: ClauseEditorProps) {
  const id = useId();
  const groups = useMemo(() => factGroups(subject), [subject]);
  const fact = findFact(clause.fact);
  const operators = operatorsForFact(clause.fact);
  const errorId = problems.length ? `${id}-errors` : undefined;
  const valueInvalid = problems.some((found) => found.path[2] === 'value' || found.path.length <= 2);
  const known = groups.some((group) => group.facts.some((candidate) => candidate.name === clause.fact));

  return (
    <fieldset className={problems.length ? 'clause has-error' : 'clause'}>
      <legend>Clause {index + 1}</legend>
      <p className="clause-reading">{describeClauseSafely(clause)}</p>
      <div className="field">
        <label htmlFor={`${id}-fact`}>Fact</label>
        <select id={`${id}-fact`} value={clause.fact} onChange={(event) => onChange(changeFact(clause, event.target.value))} aria-describedby={`${id}-fact-help`}>
          {!known && <option value={clause.fact}>{clause.fact ? `${clause.fact} (unknown)` : '(choose a fact)'}</option>}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.facts.map((candidate) => (
                <option key={candidate.name} value={candidate.name} title={candidate.description}>
                  {candidate.label} ({candidate.type})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <small id={`${id}-fact-help`} className="help">
          {fact ? (
            <>
              <span className={`type-badge type-${fact.type}`}>{fact.type}</span> {fact.description}
            </>
          ) : (
            'Choose what to check about the mention.'
          )}
        </small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-operator`}>Operator</label>
        <select id={`${id}-operator`} value={clause.operator} onChange={(event) => onChange(changeOperator(clause, event.target.value))}>
          {!operators.some((operator) => operator.name === clause.operator) && <option value={clause.operator}>{clause.operator || '(choose)'}</option>}
          {operators.map((operator) => (
            <option key={operator.name} value={operator.name}>
              {operator.label}
            </option>
          ))}
        </select>
      </div>
      {isParameterReference(clause.value) ? (
        <p className="field">
          Value: <span className="param-chip">{describeParameter(clause.value)}</span>{' '}
          <button type="button" className="link-button" onClick={() => onChange({ ...clause, value: defaultValueFor(fact, clause.operator) })}>
            use a fixed value instead
          </button>
        </p>
      ) : (
        <ValueEditor
          fact={fact}
          operator={clause.operator}
          value={clause.value}
          onChange={(value) => onChange({ ...clause, value })}
          label="Value"
          invalid={valueInvalid}
          {...(errorId ? { errorId } : {})}
        />
      )}
      <ParamsEditor
        fact={fact}
        params={clause.params}
        onChange={(params) => onChange({ ...clause, params })}
        invalid={problems.some((found) => found.path[2] === 'params')}
      />
      {problems.length > 0 && (
        <ul id={errorId} className="field-errors">
          {problems.map((found, position) => (
            <li key={position}>{found.message}</li>
          ))}
        </ul>
      )}
      {onRemove && (
        <button type="button" className="danger-link" onClick={onRemove}>
          Remove clause {index + 1}
        </button>
      )}
    </fieldset>
  );
}
