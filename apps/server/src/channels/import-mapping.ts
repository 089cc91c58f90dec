// A listening tool's export mapped to mentions: which column (CSV) or path (NDJSON) fills each mention field, how
// its platform names read as channels, and how its dates are written. One mapping is saved per source.
import { z } from 'zod';
import { CHANNELS, ChannelSchema, MENTION_KINDS, MentionKindSchema, MentionSchema, type Mention } from '@mentionflow/engine';
import { DATE_FORMATS, describeDateFormat, parseExportDate } from './import-dates.ts';

/** The mention fields a mapping may fill, as dotted paths. */
export const MAPPING_TARGETS = [
  'id',
  'channel',
  'kind',
  'text',
  'createdAt',
  'lang',
  'author.handle',
  'author.name',
  'author.followers',
  'author.verified',
  'customer.id',
  'customer.tier',
  'customer.lifetimeValue',
  'conversationId',
  'rating',
] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

const REQUIRED: readonly MappingTarget[] = ['id', 'channel', 'kind', 'text', 'createdAt', 'author.handle'];
const NUMBERS = new Set<MappingTarget>(['author.followers', 'customer.lifetimeValue', 'rating']);
const BOOLEANS = new Set<MappingTarget>(['author.verified']);

const FieldSourceSchema = z.union([
  z.string().min(1).max(200).describe('The column (CSV header) or the dotted path (NDJSON) holding the value'),
  z.strictObject({ constant: z.union([z.string(), z.number(), z.boolean()]) }).describe('The same value for every row'),
]);
export type FieldSource = z.infer<typeof FieldSourceSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ImportSourceSchema = z.strictObject({
  format: z.enum(['csv', 'ndjson']).optional().describe('The usual format of this source’s files; a request may name another'),
  mapping: z
    .record(z.string(), FieldSourceSchema)
    .superRefine((mapping, context) => {
      for (const target of Object.keys(mapping)) {
        if (!(MAPPING_TARGETS as readonly string[]).includes(target)) {
          context.addIssue({ code: 'custom', path: [target], message: `not a mention field; map any of ${MAPPING_TARGETS.join(', ')}` });
        }
      }
      for (const target of REQUIRED) {
        if (mapping[target] === undefined) context.addIssue({ code: 'custom', path: [target], message: `required: a column, or {"constant": …} for every row` });
      }
    })
    .describe('Mention field (e.g. "author.handle") → column name, or {"constant": value}'),
  channelValues: z.record(z.string(), ChannelSchema).optional().describe('The source’s platform names → channels, e.g. {"Twitter": "x"}'),
  kindValues: z.record(z.string(), MentionKindSchema).optional().describe('The source’s post types → mention kinds, e.g. {"Comment": "comment"}'),
  dateFormat: z
    .enum(DATE_FORMATS)
    .default('auto')
    .describe('auto: ISO 8601, "YYYY-MM-DD HH:mm[:ss]" or "MM/DD/YYYY HH:mm" (no offset: the time zone); iso; MM/DD/YYYY; DD/MM/YYYY; unix; unix_ms'),
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as "Europe/Paris"').optional().describe('The zone of dates without an offset; default: the workspace’s'),
});
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/** The columns (CSV) a source reads, with the field each fills. */
export function mappedColumns(source: ImportSource): { column: string; target: string }[] {
  return Object.entries(source.mapping).flatMap(([target, from]) => (typeof from === 'string' ? [{ column: from, target }] : []));
}

export type MappedRow = { readonly mention: Mention } | { readonly reason: string };

/**
 * Maps one record (already parsed from CSV or NDJSON) to a valid mention, or the reasons it cannot be one, each
 * naming the mention field and where its value came from (`column` in CSV, `field` in NDJSON).
 */
export function mapRecord(record: unknown, source: ImportSource, timezone: string, origin: 'column' | 'field' = 'column'): MappedRow {
  const draft: Record<string, unknown> = {};
  const problems: string[] = [];
  const where = (target: string) => {
    const from = source.mapping[target];
    return typeof from === 'string' ? `${target} (${origin} “${from}”)` : from ? `${target} (constant)` : target || 'row';
  };
  for (const target of MAPPING_TARGETS) {
    const from = source.mapping[target];
    if (from === undefined) continue;
    const raw = typeof from === 'string' ? lookup(record, from) : from.constant;
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (REQUIRED.includes(target)) problems.push(`${where(target)}: no value`);
      continue;
    }
    const converted = convert(target, raw, source, timezone);
    if ('problem' in converted) problems.push(`${where(target)}: ${converted.problem}`);
    else setPath(draft, target, converted.value);
  }
  if (problems.length > 0) return { reason: problems.join('; ') };
  const parsed = MentionSchema.safeParse(draft);
  if (parsed.success) return { mention: parsed.data };
  return { reason: parsed.error.issues.map((issue) => `${where(issue.path.map(String).join('.'))}: ${issue.message}`).join('; ') };
}

type Converted = { value: unknown } | { problem: string };

function convert(target: MappingTarget, raw: unknown, source: ImportSource, timezone: string): Converted {
  if (typeof raw === 'object') return { problem: 'expected a single value, found an object or a list' };
  if (target === 'channel') return fromValues(String(raw), source.channelValues, CHANNELS, 'channel', 'channelValues');
  if (target === 'kind') return fromValues(String(raw), source.kindValues, MENTION_KINDS, 'kind', 'kindValues');
  if (target === 'createdAt') {
    const iso = parseExportDate(raw, source.dateFormat, timezone);
    return iso ? { value: iso } : { problem: `“${String(raw)}” is not a date in the form ${describeDateFormat(source.dateFormat, timezone)}` };
  }
  if (NUMBERS.has(target)) {
    if (typeof raw === 'number') return { value: raw };
    // Thousands separators as exports write them: "12,345", "12 345", "12_345".
    const number = Number(String(raw).trim().replace(/[,\s_\u00a0\u202f]/g, ''));
    return Number.isFinite(number) && String(raw).trim() !== '' ? { value: number } : { problem: `“${String(raw)}” is not a number` };
  }
  if (BOOLEANS.has(target)) {
    if (typeof raw === 'boolean') return { value: raw };
    const lower = String(raw).trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(lower)) return { value: true };
    if (['false', 'no', 'n', '0'].includes(lower)) return { value: false };
    return { problem: `“${String(raw)}” is not yes/no or true/false` };
  }
  if (target === 'lang' || target === 'customer.tier') return { value: String(raw).trim().toLowerCase() };
  if (target === 'text') return { value: String(raw) };
  return { value: String(raw).trim() };
}

/** A source value read through its table (exactly, then ignoring case), else taken as is when it already is valid. */
function fromValues(raw: string, table: Record<string, string> | undefined, allowed: readonly string[], what: string, option: string): Converted {
  const text = raw.trim();
  const mapped = table?.[text] ?? Object.entries(table ?? {}).find(([key]) => key.toLowerCase() === text.toLowerCase())?.[1];
  if (mapped !== undefined) return { value: mapped };
  if (allowed.includes(text.toLowerCase())) return { value: text.toLowerCase() };
  return { problem: `“${text}” is not a ${what}; map it in ${option} (${what}s: ${allowed.join(', ')})` };
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A key holding the value as is (`"Author Name"`, `"author.handle"`), else a dotted path into nested objects. */
function lookup(record: unknown, path: string): unknown {
  if (record === null || typeof record !== 'object') return undefined;
  const object = record as Record<string, unknown>;
  if (Object.hasOwn(object, path)) return object[path];
  let current: unknown = record;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || FORBIDDEN.has(segment) || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let current = target;
  for (const segment of segments.slice(0, -1)) current = (current[segment] ??= {}) as Record<string, unknown>;
  current[segments[segments.length - 1]!] = value;
}
