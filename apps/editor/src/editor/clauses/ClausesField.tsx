// The `clauses` input: a list of clause editors and a button to add one (starting as "text contains any of …").
import { findNodeSpec } from '@mentionflow/engine';
import type { FieldProps } from '../fields/field-props.ts';
import { subjectOf } from '@mentionflow/engine';
import { useEditorState } from '../store/use-editor.ts';
import { ClauseEditor } from './ClauseEditor.tsx';
import type { Clause } from './clause-rules.ts';

export function ClausesField({ field, value, onChange, problems, parameters }: FieldProps) {
  const kind = useEditorState((state) => state.workflow.kind);
  const subject = subjectOf(kind);
  const clauses = Array.isArray(value) ? (value as Clause[]) : [];
  const fresh = (): Clause => {
    const defaults = findNodeSpec('condition')?.defaults as { clauses: Clause[] } | undefined;
    const first = defaults?.clauses[0];
    return subject === 'request' ? { fact: 'request.amount', operator: 'greaterThan', value: 0 } : structuredClone(first ?? { fact: 'text', operator: 'containsTerms', value: [] });
  };
  const general = problems.filter((found) => found.path.length === 1).map((found) => found.message);
  return (
    <div className="clauses">
      <h4 className="field-label">{field.label}</h4>
      {clauses.map((clause, index) => (
        <ClauseEditor
          key={index}
          index={index}
          clause={clause}
          subject={subject}
          parameters={parameters}
          problems={problems.filter((found) => found.path[0] === field.name && found.path[1] === index)}
          onChange={(next) => onChange(clauses.map((other, position) => (position === index ? next : other)))}
          {...(clauses.length > 1 ? { onRemove: () => onChange(clauses.filter((_other, position) => position !== index)) } : {})}
        />
      ))}
      {general.length > 0 && (
        <ul className="field-errors">
          {general.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onChange([...clauses, fresh()])}>
        Add a clause
      </button>
    </div>
  );
}
