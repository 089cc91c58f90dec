// The form of one node, generated from its spec's `fields`: visible fields only, each in the control its input names,
// with the problems validation found in it. Nothing here knows any particular node kind.
import type { NodeSpec } from '@mentionflow/engine';
import type { Problem } from '@mentionflow/engine';
import { isParameterReference } from '@mentionflow/engine';
import { FIELD_CONTROLS } from '../fields/field-controls.ts';
import { ParameterValue } from '../fields/ParameterValue.tsx';
import { initialValue, visibleFields } from './field-rules.ts';

interface NodeFormProps {
  readonly nodeId: string;
  readonly spec: NodeSpec;
  readonly values: Readonly<Record<string, unknown>>;
  readonly problems: readonly Problem[];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly onChange: (name: string, value: unknown) => void;
  readonly readOnly?: boolean;
}

export function NodeForm({ nodeId, spec, values, problems, parameters, onChange, readOnly = false }: NodeFormProps) {
  const fields = visibleFields(spec, values);
  if (fields.length === 0) return <p className="muted">This node has nothing to set.</p>;
  return (
    <fieldset className="node-form" disabled={readOnly}>
      <legend className="visually-hidden">Settings of {spec.label}</legend>
      {fields.map((field) => {
        const value = values[field.name];
        if (isParameterReference(value)) {
          return <ParameterValue key={field.name} label={field.label} reference={value} parameters={parameters} onReplace={() => onChange(field.name, initialValue(spec, field))} />;
        }
        const located = problems.filter((found) => found.path?.[0] === field.name).map((found) => ({ path: found.path ?? [], message: found.message }));
        const Control = FIELD_CONTROLS[field.input];
        return (
          <Control
            key={field.name}
            field={field}
            value={value}
            onChange={(next) => onChange(field.name, next)}
            idPrefix={`node-${nodeId}`}
            errors={located.map((found) => found.message)}
            problems={located}
            parameters={parameters}
          />
        );
      })}
    </fieldset>
  );
}
