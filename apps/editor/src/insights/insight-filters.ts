// The dashboard's filters: a date range (the last 7, 30 or 90 days, or two dates), a channel and a queue. They live in
// the page's URL (`/insights?range=7&channel=x`) so a view can be shared, and turn into the API's query and CSV links.
import { insightPath, type InsightQuery, type InsightResource } from './insights-api.ts';

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** `custom` dates are local calendar days, both included (YYYY-MM-DD). */
export type DateRange = { readonly kind: 'last'; readonly days: RangePreset } | { readonly kind: 'custom'; readonly from: string; readonly to: string };

export interface InsightFilters {
  readonly range: DateRange;
  /** '' for every channel / queue. */
  readonly channel: string;
  readonly queue: string;
}

const DEFAULT_DAYS: RangePreset = 30;
export const DEFAULT_FILTERS: InsightFilters = { range: { kind: 'last', days: DEFAULT_DAYS }, channel: '', queue: '' };

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest custom range the dashboard asks for: a year, leap day included. */
export const MAX_CUSTOM_DAYS = 366;

/** Local midnight of a YYYY-MM-DD day (the browser's time zone). */
function localMidnight(day: string): Date {
  return new Date(`${day}T00:00:00`);
}

/** YYYY-MM-DD of an instant in the browser's time zone. */
export function localDay(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * The instants a range covers. "Last 7 days" ends now; a custom range runs from the first day's midnight to the
 * midnight after its last day, e.g. 2026-03-01..2026-03-07 → [Mar 1 00:00, Mar 8 00:00).
 */
export function rangeInstants(range: DateRange, now: Date): { from: string; to: string } {
  if (range.kind === 'last') return { from: new Date(now.getTime() - range.days * DAY_MS).toISOString(), to: now.toISOString() };
  const end = localMidnight(range.to);
  end.setDate(end.getDate() + 1); // setDate, not +24 h: a DST change makes one day 23 or 25 hours long
  return { from: localMidnight(range.from).toISOString(), to: end.toISOString() };
}

export function queryOf(filters: InsightFilters, now: Date): InsightQuery {
  return { ...rangeInstants(filters.range, now), ...(filters.channel ? { channel: filters.channel } : {}), ...(filters.queue ? { queue: filters.queue } : {}) };
}

/** Why two dates are not a range the dashboard can show, in words, or null when they are. */
export function customRangeProblem(from: string, to: string): string | null {
  if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(localMidnight(from).getTime()) || Number.isNaN(localMidnight(to).getTime())) return 'Choose a start and an end date.';
  if (from > to) return 'The start date is after the end date.';
  const days = Math.round((localMidnight(to).getTime() - localMidnight(from).getTime()) / DAY_MS) + 1;
  if (days > MAX_CUSTOM_DAYS) return `Choose at most ${MAX_CUSTOM_DAYS} days.`;
  return null;
}

/** "last 30 days", or "1 Mar 2026 – 7 Mar 2026". */
export function rangeLabel(range: DateRange): string {
  if (range.kind === 'last') return `last ${range.days} days`;
  const format = (day: string) => localMidnight(day).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return range.from === range.to ? format(range.from) : `${format(range.from)} – ${format(range.to)}`;
}

/** Filters from the page's query string; anything unreadable falls back to the defaults. */
export function parseFilters(search: string): InsightFilters {
  const params = new URLSearchParams(search);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const days = Number(params.get('range'));
  const range: DateRange =
    from && to && customRangeProblem(from, to) === null
      ? { kind: 'custom', from, to }
      : (RANGE_PRESETS as readonly number[]).includes(days)
        ? { kind: 'last', days: days as RangePreset }
        : DEFAULT_FILTERS.range;
  return { range, channel: params.get('channel')?.trim() ?? '', queue: params.get('queue')?.trim() ?? '' };
}

/** The query string for filters ('' for the defaults), the inverse of `parseFilters`. */
export function filtersSearch(filters: InsightFilters): string {
  const params = new URLSearchParams();
  if (filters.range.kind === 'custom') {
    params.set('from', filters.range.from);
    params.set('to', filters.range.to);
  } else if (filters.range.days !== DEFAULT_DAYS) {
    params.set('range', String(filters.range.days));
  }
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.queue) params.set('queue', filters.queue);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Where a chart's CSV comes from: the same resource and filters as the chart, as `format=csv`. */
export function csvHref(resource: InsightResource, query: InsightQuery): string {
  return insightPath(resource, query, 'csv');
}

/** The file name a CSV downloads as: `mentionflow-volume-2026-03-01-to-2026-03-07-x-care.csv`. */
export function csvFileName(resource: InsightResource, query: InsightQuery): string {
  const day = (iso: string) => localDay(new Date(iso));
  // `to` is exclusive: a range ending at midnight names the day before.
  const toDate = new Date(query.to);
  const lastDay = toDate.getHours() === 0 && toDate.getMinutes() === 0 && toDate.getSeconds() === 0 ? day(new Date(toDate.getTime() - 1).toISOString()) : day(query.to);
  const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const parts = ['mentionflow', resource, day(query.from), 'to', lastDay, query.channel, query.queue].filter((part): part is string => Boolean(part)).map(slug);
  return `${parts.filter(Boolean).join('-')}.csv`;
}
