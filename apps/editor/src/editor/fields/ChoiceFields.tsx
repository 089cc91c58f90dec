// Controls that choose among listed options: multiselect (checkboxes), priority and combinator (radios), tags (chips).
import type { FieldProps } from './field-props.ts';
import { FieldGroup } from './FieldFrame.tsx';
import { TagsInput } from '../../ui/TagsInput.tsx';

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function MultiSelectField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  const chosen = asList(value);
  return (
    <FieldGroup idPrefix={idPrefix} field={field} errors={errors} className="checkbox-grid">
      {(field.options ?? []).map((option) => (
        <label key={option} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option))}
          />
          {option.replace(/_/g, ' ')}
        </label>
      ))}
    </FieldGroup>
  );
}

const PRIORITY_HINTS: Record<string, string> = { P1: 'urgent', P2: 'high', P3: 'normal', P4: 'low' };

export function PriorityField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  return (
    <FieldGroup idPrefix={idPrefix} field={field} errors={errors} className="segmented">
      {(field.options ?? ['P1', 'P2', 'P3', 'P4']).map((option) => (
        <label key={option} className={`choice priority-${option}`}>
          <input type="radio" name={`${idPrefix}-${field.name}`} checked={value === option} onChange={() => onChange(option)} />
          <span>
            {option} <small>{PRIORITY_HINTS[option] ?? ''}</small>
          </span>
        </label>
      ))}
    </FieldGroup>
  );
}

export function CombinatorField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  const words: Record<string, string> = { all: 'all clauses hold', any: 'any clause holds' };
  return (
    <FieldGroup idPrefix={idPrefix} field={field} errors={errors} className="segmented">
      {(field.options ?? ['all', 'any']).map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={`${idPrefix}-${field.name}`} checked={value === option} onChange={() => onChange(option)} />
          <span>{words[option] ?? option}</span>
        </label>
      ))}
    </FieldGroup>
  );
}

/** Tags, queues and the like are slugs: typed values are lower-cased and spaces become dashes. */
export function TagsField(props: FieldProps) {
  const { field, value, onChange, idPrefix, errors } = props;
  return (
    <div className={errors.length ? 'field has-error' : 'field'}>
      <TagsInput
        label={field.label}
        values={asList(value)}
        onChange={onChange}
        normalize={(text) => text.trim().toLowerCase().replace(/\s+/g, '-')}
        {...(field.help ? { help: field.help } : {})}
        {...(errors.length ? { describedBy: `${idPrefix}-${field.name}-errors`, invalid: true } : {})}
      />
      {errors.length > 0 && (
        <ul id={`${idPrefix}-${field.name}-errors`} className="field-errors">
          {errors.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
