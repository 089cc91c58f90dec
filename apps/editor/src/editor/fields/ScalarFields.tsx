// Single-value controls: text, textarea, template name, number, select, boolean and duration.
import { useEffect, useState } from 'react';
import { formatDuration, parseDuration } from '@mentionflow/engine';
import { describedBy, type FieldProps } from './field-props.ts';
import { LabelledField } from './FieldFrame.tsx';

const asText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function TextField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  return (
    <LabelledField idPrefix={idPrefix} field={field} errors={errors}>
      {(id) => (
        <input
          id={id}
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(idPrefix, field, errors)}
          placeholder={field.input === 'template' ? 'template name, e.g. acknowledgement' : undefined}
          spellCheck={field.input !== 'template'}
        />
      )}
    </LabelledField>
  );
}

export function TextareaField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  return (
    <LabelledField idPrefix={idPrefix} field={field} errors={errors}>
      {(id) => (
        <textarea
          id={id}
          rows={3}
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(idPrefix, field, errors)}
        />
      )}
    </LabelledField>
  );
}

/** An empty box stores `null`, which validation reports, rather than silently storing 0. */
export function NumberField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  return (
    <LabelledField idPrefix={idPrefix} field={field} errors={errors}>
      {(id) => (
        <input
          id={id}
          type="number"
          value={typeof value === 'number' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy(idPrefix, field, errors)}
        />
      )}
    </LabelledField>
  );
}

export function SelectField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  const options = field.options ?? [];
  return (
    <LabelledField idPrefix={idPrefix} field={field} errors={errors}>
      {(id) => (
        <select id={id} value={asText(value)} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy(idPrefix, field, errors)}>
          {!options.includes(asText(value)) && <option value={asText(value)}>{asText(value) || '(choose)'}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

export function BooleanField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  const id = `${idPrefix}-${field.name}`;
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} aria-describedby={describedBy(idPrefix, field, errors)} />
      <label htmlFor={id}>{field.label}</label>
    </div>
  );
}

/** "1h 30m", "3d", "PT15M": what the engine's parseDuration reads, with the reading shown back. */
export function DurationField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  const [text, setText] = useState(asText(value));
  useEffect(() => setText(asText(value)), [value]);
  const minutes = parseDuration(text);
  const local = text.trim() !== '' && minutes === undefined ? ['not a duration: write e.g. 15m, 4h, 1h 30m or 3d'] : [];
  return (
    <LabelledField idPrefix={idPrefix} field={field} errors={[...local, ...errors]}>
      {(id) => (
        <div className="with-reading">
          <input
            id={id}
            value={text}
            onChange={(event) => (setText(event.target.value), onChange(event.target.value))}
            aria-invalid={local.length + errors.length > 0 || undefined}
            aria-describedby={describedBy(idPrefix, field, [...local, ...errors])}
            placeholder="e.g. 3d, 4h, 1h 30m"
          />
          {minutes !== undefined && <span className="reading">= {formatDuration(minutes)}</span>}
        </div>
      )}
    </LabelledField>
  );
}
