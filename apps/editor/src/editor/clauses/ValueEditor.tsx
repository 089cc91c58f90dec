// The value part of a clause, in the control its (fact, operator) pair needs: terms, numbers, durations, enums, booleans.
import { useEffect, useId, useState } from 'react';
import { formatDuration, parseDuration, type FactSpec } from '@mentionflow/engine';
import { TagsInput } from '../../ui/TagsInput.tsx';
import { TermListEditor } from './TermListEditor.tsx';
import { valueEditorFor } from './clause-rules.ts';

interface ValueEditorProps {
  readonly fact: FactSpec | undefined;
  readonly operator: string;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly label: string;
  readonly invalid: boolean;
  readonly errorId?: string;
}

export function ValueEditor({ fact, operator, value, onChange, label, invalid, errorId }: ValueEditorProps) {
  const id = useId();
  const kind = valueEditorFor(fact, operator);
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': errorId } as const;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const list = Array.isArray(value) ? value.map(String) : [];

  switch (kind) {
    case 'terms':
      return <TermListEditor label={label} value={value} onChange={onChange} invalid={invalid} />;
    case 'text-list':
    case 'number-list':
      return (
        <TagsInput
          label={label}
          values={list}
          onChange={(values) => onChange(kind === 'number-list' ? values.map(Number).filter(Number.isFinite) : values)}
          {...(errorId ? { describedBy: errorId } : {})}
          invalid={invalid}
        />
      );
    case 'enum-list':
      return (
        <fieldset className="field-group checkbox-grid">
          <legend>{label}</legend>
          {(fact?.enumValues ?? []).map((option) => (
            <label key={option} className="choice">
              <input type="checkbox" checked={list.includes(option)} onChange={(event) => onChange(event.target.checked ? [...list, option] : list.filter((item) => item !== option))} />
              {option.replace(/_/g, ' ')}
            </label>
          ))}
        </fieldset>
      );
    case 'duration':
      return <MinutesInput id={id} label={label} value={value} onChange={onChange} invalid={invalid} {...(errorId ? { errorId } : {})} />;
    default:
      break;
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {kind === 'number' && <input {...common} type="number" value={typeof value === 'number' ? value : ''} onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))} />}
      {kind === 'boolean' && (
        <select {...common} value={value === false ? 'false' : 'true'} onChange={(event) => onChange(event.target.value === 'true')}>
          <option value="true">yes (true)</option>
          <option value="false">no (false)</option>
        </select>
      )}
      {kind === 'enum' && (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          {!(fact?.enumValues ?? []).includes(text) && <option value={text}>{text || '(choose)'}</option>}
          {(fact?.enumValues ?? []).map((option) => (
            <option key={option} value={option}>
              {option.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      )}
      {(kind === 'text' || kind === 'pattern') && (
        <input {...common} value={text} onChange={(event) => onChange(event.target.value)} placeholder={kind === 'pattern' ? 'a regular expression, e.g. ^order \\d+' : fact ? `e.g. ${String(fact.example)}` : undefined} spellCheck={false} />
      )}
    </div>
  );
}

/** Minutes typed as a duration ("1h 30m"), stored as the number of minutes the fact is compared with. */
function MinutesInput({ id, label, value, onChange, invalid, errorId }: { id: string; label: string; value: unknown; onChange: (value: unknown) => void; invalid: boolean; errorId?: string }) {
  const shown = typeof value === 'number' ? formatDuration(value) : '';
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (typeof value === 'number' && parseDuration(text) !== value) setText(formatDuration(value));
    // Only an outside change of the value (undo, another field) rewrites what the user is typing.
  }, [value]);
  const minutes = parseDuration(text);
  const bad = text.trim() !== '' && minutes === undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="with-reading">
        <input
          id={id}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = parseDuration(event.target.value);
            onChange(parsed ?? null);
          }}
          aria-invalid={invalid || bad || undefined}
          aria-describedby={errorId}
          placeholder="e.g. 30m, 2h, 1d"
        />
        {minutes !== undefined && <span className="reading">= {minutes} min</span>}
      </div>
      {bad && <small className="field-error">not a duration: write e.g. 15m, 4h or 1h 30m</small>}
    </div>
  );
}
