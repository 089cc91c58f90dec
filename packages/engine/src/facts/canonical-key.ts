// Short, stable keys for parameterized facts: the same parameters in any key order give the same key.
// Term lists make parameters long (a kilobyte of outage words); decisions and stored contexts carry the key.

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** FNV-1a (32-bit) over the canonical JSON, as 8 hex digits. */
export function canonicalHash(value: unknown): string {
  const text = JSON.stringify(canonical(value));
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
