// Which of a node's generated form fields show, and what a node's data becomes when one field changes:
// fields hidden by `showWhen` leave the data (the engine's strict schemas refuse stray keys), and fields
// that appear get a starting value.
import { isParameterReference, type FieldSpec, type NodeSpec } from '@mentionflow/engine';

/** A field shows unless its `showWhen` names another field whose value is not in the list. */
export function isFieldVisible(field: FieldSpec, values: Readonly<Record<string, unknown>>): boolean {
  if (!field.showWhen) return true;
  return field.showWhen.in.includes(values[field.showWhen.field]);
}

export function visibleFields(spec: NodeSpec, values: Readonly<Record<string, unknown>>): FieldSpec[] {
  return spec.fields.filter((field) => isFieldVisible(field, values));
}

/** A starting value for a field that has none: the spec's default when it has one, else one fitting the input. */
export function initialValue(spec: NodeSpec, field: FieldSpec): unknown {
  const defaults = spec.defaults as Record<string, unknown>;
  if (Object.hasOwn(defaults, field.name)) return structuredClone(defaults[field.name]);
  switch (field.input) {
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'duration':
      return '1d';
    case 'priority':
      return field.options?.[2] ?? field.options?.[0] ?? 'P3';
    case 'select':
    case 'combinator':
      return field.options?.[0] ?? '';
    case 'multiselect':
    case 'tags':
    case 'clauses':
      return [];
    default:
      return '';
  }
}

/** The node's data after `name` takes `value`, with fields shown or hidden as a result added or removed. */
export function applyFieldChange(spec: NodeSpec, values: Readonly<Record<string, unknown>>, name: string, value: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...values, [name]: value };
  for (const field of spec.fields) {
    if (!field.showWhen) continue;
    const visible = isFieldVisible(field, next);
    if (!visible) delete next[field.name];
    else if (!Object.hasOwn(next, field.name)) next[field.name] = initialValue(spec, field);
  }
  return next;
}

/** A field whose value a pack parameter supplies: the form shows the reference instead of an editor. */
export function isParameterised(values: Readonly<Record<string, unknown>>, field: FieldSpec): boolean {
  return isParameterReference(values[field.name]);
}
