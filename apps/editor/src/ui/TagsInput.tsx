// A list of short values edited as chips: type and press Enter (or a comma) to add, × or Backspace to remove.
// Pasting "a, b, c" adds three.
import { useId, useState, type KeyboardEvent } from 'react';

interface TagsInputProps {
  readonly label: string;
  readonly values: readonly string[];
  readonly onChange: (values: string[]) => void;
  readonly placeholder?: string;
  readonly help?: string;
  /** Normalises a typed value (e.g. lower-case for tags); return '' to refuse it. */
  readonly normalize?: (value: string) => string;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

export function TagsInput({ label, values, onChange, placeholder, help, normalize = (value) => value.trim(), describedBy, invalid }: TagsInputProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const incoming = text.split(',').map(normalize).filter((value) => value !== '');
    const next = [...values];
    for (const value of incoming) if (!next.includes(value)) next.push(value);
    if (next.length !== values.length) onChange(next);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      if (draft.trim()) add(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const helpId = help ? `${id}-help` : undefined;
  return (
    <div className="tags-input">
      <label htmlFor={id}>{label}</label>
      <ul className="chips" aria-label={`${label}: ${values.length} value${values.length === 1 ? '' : 's'}`}>
        {values.map((value) => (
          <li key={value} className="chip">
            <span>{value}</span>
            <button type="button" aria-label={`Remove ${value}`} onClick={() => onChange(values.filter((other) => other !== value))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={draft}
        placeholder={placeholder ?? 'type and press Enter'}
        onChange={(event) => (event.target.value.includes(',') ? add(event.target.value) : setDraft(event.target.value))}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && add(draft)}
        aria-describedby={[helpId, describedBy].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || undefined}
      />
      {help && (
        <small id={helpId} className="help">
          {help}
        </small>
      )}
    </div>
  );
}
