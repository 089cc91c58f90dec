// Edits a multilingual term list: one chip list per language shown, and a way to add another language.
import { useState } from 'react';
import { TagsInput } from '../../ui/TagsInput.tsx';
import { ANY_LANGUAGE, TERM_LANGUAGES, languageLabel, termsByLanguage, toTermList } from './term-lists.ts';

export function TermListEditor({ label, value, onChange, invalid }: { label: string; value: unknown; onChange: (value: unknown) => void; invalid?: boolean }) {
  const byLanguage = termsByLanguage(value);
  const [extra, setExtra] = useState<string[]>([]);
  const shown = [...new Set([ANY_LANGUAGE, ...Object.keys(byLanguage), ...extra])];
  const addable = TERM_LANGUAGES.filter((language) => !shown.includes(language.code));
  const set = (code: string, terms: string[]) => onChange(toTermList({ ...byLanguage, [code]: terms }));
  const total = Object.values(byLanguage).reduce((sum, terms) => sum + terms.length, 0);

  return (
    <fieldset className={invalid ? 'term-list has-error' : 'term-list'}>
      <legend>
        {label} <span className="muted">({total} term{total === 1 ? '' : 's'}; whole words, any case or accents)</span>
      </legend>
      {shown.map((code) => (
        <TagsInput
          key={code}
          label={code === ANY_LANGUAGE ? `${label}: any language` : `${label}: ${languageLabel(code)}`}
          values={byLanguage[code] ?? []}
          onChange={(terms) => set(code, terms)}
          placeholder={code === ANY_LANGUAGE ? 'e.g. refund — press Enter' : `terms in ${languageLabel(code)}`}
          {...(invalid ? { invalid } : {})}
        />
      ))}
      {addable.length > 0 && (
        <label className="inline">
          Add terms in
          <select value="" onChange={(event) => event.target.value && setExtra([...extra, event.target.value])}>
            <option value="">another language…</option>
            {addable.map((language) => (
              <option key={language.code} value={language.code}>
                {language.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
