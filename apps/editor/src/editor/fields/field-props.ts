// What every generated form control receives: the field's spec, its value, a change callback and its problems.
import type { FieldSpec } from '@mentionflow/engine';

export interface FieldProps {
  readonly field: FieldSpec;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  /** A DOM id prefix unique to the node, so labels point at the right input when several nodes are edited in turn. */
  readonly idPrefix: string;
  /** Messages of the node's problems located in this field (path[0] is the field's name). */
  readonly errors: readonly string[];
  /** The problems, with their full paths, for fields that edit nested data (clauses). */
  readonly problems: readonly { readonly path: readonly (string | number)[]; readonly message: string }[];
  readonly parameters: Readonly<Record<string, unknown>>;
}

export function describedBy(idPrefix: string, field: FieldSpec, errors: readonly string[]): string | undefined {
  const ids = [field.help ? `${idPrefix}-${field.name}-help` : '', errors.length ? `${idPrefix}-${field.name}-errors` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
