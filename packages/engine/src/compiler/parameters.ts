// Pack parameters: node data may say `{ "$param": "slaP1Minutes" }` where a value goes; binding replaces it.

export type ParameterValues = Readonly<Record<string, unknown>>;

export function isParameterReference(value: unknown): value is { $param: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { $param?: unknown }).$param === 'string'
  );
}

/** Replace every parameter reference; names with no value are reported, not guessed. */
export function bindParameters(value: unknown, parameters: ParameterValues, missing: Set<string>): unknown {
  if (isParameterReference(value)) {
    if (Object.hasOwn(parameters, value.$param)) return parameters[value.$param];
    missing.add(value.$param);
    return value;
  }
  if (Array.isArray(value)) return value.map((entry) => bindParameters(entry, parameters, missing));
  if (value && typeof value === 'object') {
    const bound: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) bound[key] = bindParameters(entry, parameters, missing);
    return bound;
  }
  return value;
}

/** Every parameter name a value refers to (for pack checks and the editor). */
export function parameterReferences(value: unknown, found = new Set<string>()): Set<string> {
  if (isParameterReference(value)) found.add(value.$param);
  else if (Array.isArray(value)) value.forEach((entry) => parameterReferences(entry, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((entry) => parameterReferences(entry, found));
  return found;
}
