// What an audited change did, as a list a person can read: each value added, removed or changed, at its path.
// `{queue: 'billing'}` → `{queue: 'refunds'}` reads "queue: "billing" → "refunds"".

export type JsonChange =
  | { readonly kind: 'added'; readonly path: string; readonly after: unknown }
  | { readonly kind: 'removed'; readonly path: string; readonly before: unknown }
  | { readonly kind: 'changed'; readonly path: string; readonly before: unknown; readonly after: unknown };

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Arrays whose items all carry a distinct string `id` (nodes, edges…): matched by id, so a reordering is no change. */
function idsOf(list: readonly unknown[]): string[] | null {
  const ids = list.map((item) => (isPlain(item) && typeof item.id === 'string' ? item.id : null));
  return ids.every((id): id is string => id !== null) && new Set(ids).size === ids.length ? ids : null;
}

function join(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function walk(before: unknown, after: unknown, path: string, out: JsonChange[]): void {
  if (Object.is(before, after)) return;
  if (before === undefined) {
    out.push({ kind: 'added', path, after });
    return;
  }
  if (after === undefined) {
    out.push({ kind: 'removed', path, before });
    return;
  }
  if (isPlain(before) && isPlain(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], join(path, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeIds = idsOf(before);
    const afterIds = idsOf(after);
    if (beforeIds && afterIds) {
      const byId = (list: readonly unknown[], ids: string[]) => new Map(ids.map((id, index) => [id, list[index]]));
      const old = byId(before, beforeIds);
      const now = byId(after, afterIds);
      for (const id of [...new Set([...beforeIds, ...afterIds])]) walk(old.get(id), now.get(id), `${path}[${JSON.stringify(id)}]`, out);
      return;
    }
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) walk(before[index], after[index], `${path}[${index}]`, out);
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  out.push({ kind: 'changed', path, before, after });
}

/**
 * The changes from `before` to `after` (either may be null: a creation or a deletion lists every field). Objects are
 * compared key by key, arrays item by item (by `id` when every item has one); a path is `graph.nodes["route"].data.queue`.
 */
export function diffJson(before: unknown, after: unknown): JsonChange[] {
  const out: JsonChange[] = [];
  walk(before ?? undefined, after ?? undefined, '', out);
  // Created or deleted as a whole: one line per top-level field reads better than one for the object.
  if (out.length === 1 && out[0]!.path === '') {
    const only = out[0]!;
    if (only.kind === 'added' && isPlain(only.after)) return Object.entries(only.after).map(([key, value]) => ({ kind: 'added', path: join('', key), after: value }));
    if (only.kind === 'removed' && isPlain(only.before)) return Object.entries(only.before).map(([key, value]) => ({ kind: 'removed', path: join('', key), before: value }));
  }
  return out;
}

/** A value on one line, for the diff's cells: short JSON, long values cut with “…”. */
export function shortJson(value: unknown, limit = 120): string {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
