// The dashboard's filters: date ranges as instants, the page's query string both ways, and the CSV links and file
// names each chart offers for the same data.
import { describe, expect, it } from 'vitest';
import { csvFileName, csvHref, customRangeProblem, DEFAULT_FILTERS, filtersSearch, parseFilters, queryOf, rangeInstants, rangeLabel, type InsightFilters } from '../apps/editor/src/insights/insight-filters.ts';
import { insightPath } from '../apps/editor/src/insights/insights-api.ts';

describe('date ranges', () => {
  const now = new Date('2026-03-10T15:30:00.000Z');

  it('ends "the last N days" now', () => {
    expect(rangeInstants({ kind: 'last', days: 7 }, now)).toEqual({ from: '2026-03-03T15:30:00.000Z', to: '2026-03-10T15:30:00.000Z' });
    expect(rangeInstants({ kind: 'last', days: 90 }, now).from).toBe('2025-12-10T15:30:00.000Z');
  });

  it('runs a custom range from the first day’s midnight to the midnight after the last day, in local time', () => {
    expect(rangeInstants({ kind: 'custom', from: '2026-03-01', to: '2026-03-07' }, now)).toEqual({
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 8).toISOString(),
    });
  });

  it('refuses a custom range that is missing a date, runs backwards or is longer than a year', () => {
    expect(customRangeProblem('2026-03-01', '2026-03-01')).toBeNull();
    expect(customRangeProblem('', '2026-03-01')).toBe('Choose a start and an end date.');
    expect(customRangeProblem('2026-03-05', '2026-03-01')).toBe('The start date is after the end date.');
    expect(customRangeProblem('2025-01-01', '2026-03-01')).toBe('Choose at most 366 days.');
  });

  it('names ranges for people', () => {
    expect(rangeLabel({ kind: 'last', days: 30 })).toBe('last 30 days');
    // Dates in the browser's locale ("1 Mar 2026" or "Mar 1, 2026"): only the shape is fixed.
    const [first, last] = rangeLabel({ kind: 'custom', from: '2026-03-01', to: '2026-03-07' }).split(' – ');
    expect(first).toMatch(/\b1\b.*2026|Mar.*\b1\b/);
    expect(last).toMatch(/\b7\b/);
    expect(rangeLabel({ kind: 'custom', from: '2026-03-01', to: '2026-03-01' })).not.toContain('–');
  });

  it('adds only the filters that are set to the query', () => {
    expect(queryOf(DEFAULT_FILTERS, now)).toEqual({ from: '2026-02-08T15:30:00.000Z', to: '2026-03-10T15:30:00.000Z' });
    expect(queryOf({ ...DEFAULT_FILTERS, channel: 'x', queue: 'care' }, now)).toMatchObject({ channel: 'x', queue: 'care' });
  });
});

describe('filters in the page’s URL', () => {
  const cases: [string, InsightFilters, string][] = [
    ['the defaults', DEFAULT_FILTERS, ''],
    ['a preset', { range: { kind: 'last', days: 7 }, channel: '', queue: '' }, '?range=7'],
    ['a custom range with filters', { range: { kind: 'custom', from: '2026-03-01', to: '2026-03-07' }, channel: 'facebook', queue: 'vip care' }, '?from=2026-03-01&to=2026-03-07&channel=facebook&queue=vip+care'],
  ];
  it.each(cases)('round-trips %s', (_, filters, search) => {
    expect(filtersSearch(filters)).toBe(search);
    expect(parseFilters(search)).toEqual(filters);
  });

  it('falls back to the defaults for what it cannot read', () => {
    expect(parseFilters('?range=12')).toEqual(DEFAULT_FILTERS);
    expect(parseFilters('?from=2026-03-09&to=2026-03-01')).toEqual(DEFAULT_FILTERS);
    expect(parseFilters('?from=yesterday&to=today&range=90')).toEqual({ ...DEFAULT_FILTERS, range: { kind: 'last', days: 90 } });
  });
});

describe('CSV links', () => {
  const query = { from: new Date(2026, 2, 1).toISOString(), to: new Date(2026, 2, 8).toISOString(), channel: 'x', queue: 'VIP care' };

  it('asks the chart’s own resource for CSV with the same filters', () => {
    const href = csvHref('volume', query);
    expect(href.startsWith('/api/insights/volume?')).toBe(true);
    const params = new URL(href, 'http://localhost').searchParams;
    expect(Object.fromEntries(params)).toEqual({ from: query.from, to: query.to, channel: 'x', queue: 'VIP care', format: 'csv' });
    expect(href).toBe(`${insightPath('volume', query)}&format=csv`);
  });

  it('leaves unset filters out', () => {
    const href = csvHref('rules', { from: query.from, to: query.to });
    expect([...new URL(href, 'http://localhost').searchParams.keys()]).toEqual(['from', 'to', 'format']);
  });

  it('names the file after the resource, the days covered (the exclusive end midnight is the day before) and the filters', () => {
    expect(csvFileName('response-times', query)).toBe('mentionflow-response-times-2026-03-01-to-2026-03-07-x-vip-care.csv');
    const lastWeek = { from: new Date(2026, 2, 3, 15, 30).toISOString(), to: new Date(2026, 2, 10, 15, 30).toISOString() };
    expect(csvFileName('topics', lastWeek)).toBe('mentionflow-topics-2026-03-03-to-2026-03-10.csv');
  });
});
