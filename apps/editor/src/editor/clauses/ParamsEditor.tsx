// The settings of a parameterised fact (volume window, terms, channel; incident topic), generated from its paramsSchema.
import { useId } from 'react';
import type { FactSpec } from '@mentionflow/engine';
import { isParameterReference } from '@mentionflow/engine';
import { describeParameter } from '../graph/node-summary.ts';
import { TermListEditor } from './TermListEditor.tsx';
import { paramFieldsOf, type ParamField } from './param-fields.ts';

export function ParamsEditor({ fact, params, onChange, invalid }: { fact: FactSpec | undefined; params: Record<string, unknown> | undefined; onChange: (params: Record<string, unknown>) => void; invalid: boolean }) {
  const fields = paramFieldsOf(fact);
  if (fields.length === 0) return null;
  const values = params ?? {};
  const set = (name: string, value: unknown) => {
    const next = { ...values };
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  return (
    <fieldset className={invalid ? 'params has-error' : 'params'}>
      <legend>Settings of “{fact?.label}”</legend>
      {fields.map((field) => (
        <ParamControl key={field.name} field={field} value={values[field.name]} onChange={(value) => set(field.name, value)} />
      ))}
    </fieldset>
  );
}

function ParamControl({ field, value, onChange }: { field: ParamField; value: unknown; onChange: (value: unknown) => void }) {
  const id = useId();
  const label = `${field.label}${field.optional ? ' (optional)' : ''}`;
  if (isParameterReference(value)) {
    return (
      <p className="field">
        {label}: <span className="param-chip">{describeParameter(value)}</span>
      </p>
    );
  }
  if (field.input === 'terms') return <TermListEditor label={label} value={value ?? []} onChange={onChange} />;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {field.input === 'number' && (
        <input id={id} type="number" min={1} value={typeof value === 'number' ? value : ''} onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))} />
      )}
      {field.input === 'text' && <input id={id} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)} />}
      {field.input === 'select' && (
        <select id={id} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value || undefined)}>
          <option value="">{field.optional ? 'any' : '(choose)'}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
