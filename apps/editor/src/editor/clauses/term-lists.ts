// Term lists per language, as the editor shows them: "any language" plus en, fr, es, ro, de. Stored as the engine's
// TermList: a plain array when only "any" has terms, else a record by language code.
import type { TermList } from '@mentionflow/engine';

export const ANY_LANGUAGE = 'any';
export const TERM_LANGUAGES: readonly { code: string; label: string }[] = [
  { code: ANY_LANGUAGE, label: 'Any language' },
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'French' },
  { code: 'es', label: 'Spanish' },
  { code: 'ro', label: 'Romanian' },
  { code: 'de', label: 'German' },
];

export function languageLabel(code: string): string {
  return TERM_LANGUAGES.find((language) => language.code === code)?.label ?? code;
}

/** The terms by language; a plain list counts as "any language". Anything else reads as empty. */
export function termsByLanguage(value: unknown): Record<string, string[]> {
  if (Array.isArray(value)) return { [ANY_LANGUAGE]: value.filter((term): term is string => typeof term === 'string') };
  if (value && typeof value === 'object') {
    const result: Record<string, string[]> = {};
    for (const [code, terms] of Object.entries(value)) {
      if (Array.isArray(terms)) result[code] = terms.filter((term): term is string => typeof term === 'string');
    }
    return result;
  }
  return {};
}

/** Back to a TermList: languages without terms are dropped; only "any" left → a plain array. */
export function toTermList(byLanguage: Readonly<Record<string, readonly string[]>>): TermList {
  const filled = Object.entries(byLanguage).filter(([, terms]) => terms.length > 0);
  if (filled.length === 0) return [];
  if (filled.length === 1 && filled[0]![0] === ANY_LANGUAGE) return [...filled[0]![1]];
  return Object.fromEntries(filled.map(([code, terms]) => [code, [...terms]]));
}
