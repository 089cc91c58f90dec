// How the dashboard's charts read: a colour-blind-safe palette (Okabe & Ito), minutes and days in words, and the
// data reshaping the chart library needs (one row per day with a column per series).

/** Okabe & Ito's palette: told apart with every common colour-vision deficiency. Series also differ by shape or dash. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'] as const;
/** The same hues by meaning, so "median" or "breaches" look the same in every chart. */
export const COLORS = { median: '#0072B2', p90: '#E69F00', target: '#000000', breaches: '#D55E00', escalations: '#CC79A7', volume: '#0072B2', positive: '#009E73', neutral: '#56B4E9', overdue: '#D55E00', onTime: '#56B4E9', capacity: '#000000' } as const;
/** A sequential single-hue ramp (ColorBrewer "Blues", 5 classes) for the heat map: lightness carries the value. */
export const HEAT_COLORS = ['#f4f6f9', '#c6dbef', '#9ecae1', '#4292c6', '#2171b5', '#08306b'] as const;

/** "45 min", "2 h 05 min", "3 d 4 h"; "—" when there is no value. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 1440) {
    const hours = Math.floor(minutes / 60);
    return `${hours} h ${String(Math.round(minutes - hours * 60)).padStart(2, '0')} min`;
  }
  const days = Math.floor(minutes / 1440);
  return `${days} d ${Math.round((minutes - days * 1440) / 60)} h`;
}

/** A YYYY-MM-DD day as "3 Mar" (the calendar day as given: no time-zone shift). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? word : many}`;
}

/** Sentiment from -1 to 1 in words: "+0.32 (positive)". */
export function formatSentiment(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const mood = value > 0.05 ? 'positive' : value < -0.05 ? 'negative' : 'neutral';
  return `${value > 0 ? '+' : ''}${value.toFixed(2)} (${mood})`;
}

export interface DaySeries {
  /** The series' keys, in the order given (biggest first for tags). */
  readonly keys: readonly string[];
  /** One row per day, sorted, with 0 for a series that had nothing that day. */
  readonly rows: readonly ({ day: string } & Record<string, number | string>)[];
}

/**
 * Series by day → one row per day: `[{ tag: 'refund', byDay: [{ day, count }] }]` → `[{ day, refund: 3 }]`.
 * Only the `limit` largest series are kept (the chart would be unreadable past a handful of lines).
 */
export function seriesByDay(series: readonly { name: string; total: number; byDay: readonly { day: string; count: number }[] }[], limit: number): DaySeries {
  const kept = [...series].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)).slice(0, limit);
  const days = new Map<string, Record<string, number>>();
  for (const { name, byDay } of kept) {
    for (const { day, count } of byDay) {
      const row = days.get(day) ?? {};
      row[name] = (row[name] ?? 0) + count;
      days.set(day, row);
    }
  }
  const keys = kept.map((entry) => entry.name);
  const rows = [...days.keys()].sort().map((day) => {
    const counts = days.get(day)!;
    return { day, ...Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0])) };
  });
  return { keys, rows };
}
