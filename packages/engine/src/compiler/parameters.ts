// Pack parameters: node data may say `{ "$param": "slaP1Minutes" }` where a value goes; binding replaces it.
// A numeric reference may scale the value: `{ "$param": "agentLimit", "times": { "$param": "vipMultiplier" } }`
// (VIP limits stay "twice the agent limit" when the team changes the agent limit), or `"times": 60` (hours → minutes).

export type ParameterValues = Readonly<Record<string, unknown>>;

export interface ParameterReference {
  $param: string;
  times?: number | ParameterReference;
}

export function isParameterReference(value: unknown): value is ParameterReference {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const { $param, times } = value as { $param?: unknown; times?: unknown };
  if (typeof $param !== 'string') return false;
  if (keys.length === 1) return true;
  return keys.length === 2 && 'times' in value && (typeof times === 'number' || isParameterReference(times));
}

function resolveReference(reference: ParameterReference, parameters: ParameterValues, missing: Set<string>): unknown {
  if (!Object.hasOwn(parameters, reference.$param)) {
    missing.add(reference.$param);
    return reference;
  }
  const value = parameters[reference.$param];
  if (reference.times === undefined) return value;
  const factor = typeof reference.times === 'number' ? reference.times : resolveReference(reference.times, parameters, missing);
  return typeof value === 'number' && typeof factor === 'number' ? value * factor : reference;
}

/** Replace every parameter reference; names with no value are reported, not guessed. */
export function bindParameters(value: unknown, parameters: ParameterValues, missing: Set<string>): unknown {
  if (isParameterReference(value)) return resolveReference(value, parameters, missing);
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
  if (isParameterReference(value)) {
    found.add(value.$param);
    if (value.times !== undefined) parameterReferences(value.times, found);
  }
  else if (Array.isArray(value)) value.forEach((entry) => parameterReferences(entry, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((entry) => parameterReferences(entry, found));
  return found;
}
