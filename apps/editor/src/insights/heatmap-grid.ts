// The 7×24 grid of mentions by weekday and hour, with the workspace's business hours laid over it: which cells the
// team is scheduled for (all of the hour, part of it, or none), how busy each cell is, and the sentence that sums it up.
import type { Volume } from './insights-api.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** How much of a cell's hour the team is scheduled for. */
export type Coverage = 'open' | 'partly' | 'closed';

export interface HeatCell {
  readonly weekday: Weekday;
  readonly hour: number;
  readonly count: number;
  /** 0 for no mentions, else 1..levels by share of the busiest cell. */
  readonly level: number;
  readonly coverage: Coverage;
  /** Minutes of this hour within business hours (0–60). */
  readonly openMinutes: number;
}

export interface HeatmapGrid {
  readonly rows: readonly { readonly weekday: Weekday; readonly cells: readonly HeatCell[] }[];
  readonly max: number;
  readonly total: number;
  /** Mentions in hours with nobody scheduled at all. */
  readonly outsideHours: number;
  readonly busiest: HeatCell | null;
  readonly levels: number;
}

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(time: string): number | null {
  const match = CLOCK.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

/**
 * Scheduled minutes in each hour of the week (index weekday × 24 + hour), read as the engine reads business hours:
 * "09:00"–"18:00" on each listed day; an end before the start is an overnight shift into the next day (Sunday's into
 * Monday's); start equal to end means closed; "24:00" ends at midnight.
 */
export function openMinutesByHour(hours: Volume['businessHours']): number[] {
  const open = new Array<number>(7 * 24).fill(0);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === null || end === null || start === end || start === MINUTES_PER_DAY) return open;
  const length = end > start ? end - start : end + MINUTES_PER_DAY - start;
  for (const day of new Set(hours.days)) {
    const index = WEEKDAYS.indexOf(day as Weekday);
    if (index < 0) continue;
    const shiftStart = index * MINUTES_PER_DAY + start;
    for (let minute = shiftStart; minute < shiftStart + length; minute++) {
      const slot = Math.floor((minute % MINUTES_PER_WEEK) / 60);
      open[slot] = Math.min(60, open[slot]! + 1);
    }
  }
  return open;
}

/** Build the grid from the API's counts (unknown weekdays or hours are ignored, repeated cells added up). */
export function buildHeatmapGrid(byHourOfWeek: Volume['byHourOfWeek'], hours: Volume['businessHours'], levels = 5): HeatmapGrid {
  const counts = new Array<number>(7 * 24).fill(0);
  for (const entry of byHourOfWeek) {
    const day = WEEKDAYS.indexOf(entry.weekday as Weekday);
    if (day < 0 || !Number.isInteger(entry.hour) || entry.hour < 0 || entry.hour > 23 || !(entry.count > 0)) continue;
    counts[day * 24 + entry.hour]! += entry.count;
  }
  const open = openMinutesByHour(hours);
  const max = Math.max(0, ...counts);
  let busiest: HeatCell | null = null;
  let total = 0;
  let outsideHours = 0;
  const rows = WEEKDAYS.map((weekday, day) => ({
    weekday,
    cells: Array.from({ length: 24 }, (_, hour): HeatCell => {
      const count = counts[day * 24 + hour]!;
      const openMinutes = open[day * 24 + hour]!;
      const cell: HeatCell = {
        weekday,
        hour,
        count,
        level: count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * levels)),
        coverage: openMinutes === 60 ? 'open' : openMinutes > 0 ? 'partly' : 'closed',
        openMinutes,
      };
      total += count;
      if (cell.coverage === 'closed') outsideHours += count;
      if (count > 0 && (!busiest || count > busiest.count)) busiest = cell;
      return cell;
    }),
  }));
  return { rows, max, total, outsideHours, busiest, levels };
}

/** "09:00–10:00". */
export function hourSpan(hour: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;
}

/** A cell in words, for its tooltip and accessible name: "Tuesday 09:00–10:00: 42 mentions, within business hours". */
export function describeCell(cell: HeatCell): string {
  const when = cell.coverage === 'open' ? 'within business hours' : cell.coverage === 'partly' ? `business hours for ${cell.openMinutes} of its minutes` : 'outside business hours';
  return `${WEEKDAY_LABELS[cell.weekday]} ${hourSpan(cell.hour)}: ${cell.count} mention${cell.count === 1 ? '' : 's'}, ${when}`;
}

/** The grid in one sentence (the chart's description for screen readers). */
export function summarizeGrid(grid: HeatmapGrid): string {
  if (grid.total === 0) return 'No mentions in this range.';
  const share = Math.round((grid.outsideHours / grid.total) * 100);
  const busiest = grid.busiest ? ` The busiest hour is ${WEEKDAY_LABELS[grid.busiest.weekday]} ${hourSpan(grid.busiest.hour)} with ${grid.busiest.count}.` : '';
  return `${grid.total} mention${grid.total === 1 ? '' : 's'}; ${share}% arrived outside business hours.${busiest}`;
}
