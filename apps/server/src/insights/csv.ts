// CSV exports of the insights: the same figures as the JSON, flattened into one table. Each row says which part of
// the answer it comes from (`section`, e.g. `byQueue` or `tags.byDay`); a nested list's rows repeat their parent's
// text fields (a tag's daily counts carry the tag); nested objects become dotted columns (`distribution.5`); lists
// of plain values are joined with `;`. Text that a spreadsheet would run as a formula is prefixed with `'`.

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isObjectList = (value: unknown): value is Record<string, unknown>[] => Array.isArray(value) && value.some(isObject);

/** The rows of one object: its plain fields (with the inherited ones first), then the rows of its nested lists. */
function rowsOf(section: string, value: Record<string, unknown>, inherited: Row, out: Row[]): void {
  const row: Row = { section, ...inherited };
  const lists: [string, Record<string, unknown>[]][] = [];
  const flatten = (prefix: string, object: Record<string, unknown>) => {
    for (const [key, field] of Object.entries(object)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (isObjectList(field)) lists.push([name, field]);
      else if (isObject(field)) flatten(name, field);
      else if (Array.isArray(field)) row[name] = field.map(String).join(';');
      else row[name] = field === undefined ? null : (field as Cell);
    }
  };
  flatten('', value);
  out.push(row);
  const names = Object.fromEntries(Object.entries(row).filter(([key, field]) => key !== 'section' && typeof field === 'string'));
  for (const [name, items] of lists) for (const item of items) rowsOf(`${section}.${name}`, isObject(item) ? item : { value: item }, names, out);
}

/** Flattens an answer: one row per top-level object and per item of each top-level list. */
export function flattenFigures(figures: Record<string, unknown>): Row[] {
  const out: Row[] = [];
  for (const [section, value] of Object.entries(figures)) {
    if (Array.isArray(value)) for (const item of value) rowsOf(section, isObject(item) ? item : { value: item }, {}, out);
    else if (isObject(value)) rowsOf(section, value, {}, out);
    else out.push({ section, value: value as Cell });
  }
  // A section's own row (e.g. `satisfaction`) is dropped when it holds nothing but its lists.
  return out.filter((row) => Object.keys(row).length > 1);
}

function cell(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) of the flattened figures, columns in order of first appearance. */
export function toCsv(figures: Record<string, unknown>): string {
  const rows = flattenFigures(figures);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) if (!seen.has(column)) seen.add(column), columns.push(column);
  return [columns.map((column) => cell(column)).join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\r\n') + '\r\n';
}
