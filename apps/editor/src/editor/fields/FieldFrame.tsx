// The frame around one generated control: label, the control, help text and the problems found in it.
import type { ReactNode } from 'react';
import type { FieldSpec } from '@mentionflow/engine';

export function FieldHelp({ idPrefix, field, errors }: { idPrefix: string; field: FieldSpec; errors: readonly string[] }) {
  return (
    <>
      {field.help && (
        <small id={`${idPrefix}-${field.name}-help`} className="help">
          {field.help}
        </small>
      )}
      {errors.length > 0 && (
        <ul id={`${idPrefix}-${field.name}-errors`} className="field-errors">
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A labelled single control: `<label for>` the input rendered by `children(inputId)`. */
export function LabelledField({ idPrefix, field, errors, children }: { idPrefix: string; field: FieldSpec; errors: readonly string[]; children: (inputId: string) => ReactNode }) {
  const inputId = `${idPrefix}-${field.name}`;
  return (
    <div className={errors.length ? 'field has-error' : 'field'}>
      <label htmlFor={inputId}>
        {field.label}
        {field.optional && <span className="muted"> (optional)</span>}
      </label>
      {children(inputId)}
      <FieldHelp idPrefix={idPrefix} field={field} errors={errors} />
    </div>
  );
}

/** A group of controls (checkboxes, radios) under a legend. */
export function FieldGroup({ idPrefix, field, errors, children, className = '' }: { idPrefix: string; field: FieldSpec; errors: readonly string[]; children: ReactNode; className?: string }) {
  return (
    <fieldset className={`field field-group ${className} ${errors.length ? 'has-error' : ''}`}>
      <legend>{field.label}</legend>
      {children}
      <FieldHelp idPrefix={idPrefix} field={field} errors={errors} />
    </fieldset>
  );
}
