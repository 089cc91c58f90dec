// The volume heat map's data: mentions laid on a 7×24 grid with the workspace's business hours over it (whole hours,
// part hours, overnight shifts into the next day and from Sunday into Monday), the colour levels, and the summary.
import { describe, expect, it } from 'vitest';
import { buildHeatmapGrid, describeCell, openMinutesByHour, summarizeGrid, WEEKDAYS } from '../apps/editor/src/insights/heatmap-grid.ts';

const hours = (days: string[], start: string, end: string) => ({ days, start, end, timezone: 'Europe/Paris' });
const slot = (weekday: string, hour: number) => WEEKDAYS.indexOf(weekday as (typeof WEEKDAYS)[number]) * 24 + hour;
const openSlots = (open: number[]) => open.flatMap((minutes, index) => (minutes > 0 ? [`${WEEKDAYS[Math.floor(index / 24)]} ${index % 24}:${minutes}`] : []));

describe('business hours on the week grid', () => {
  it('marks whole hours of the listed days, and nothing else', () => {
    const open = openMinutesByHour(hours(['mon', 'fri'], '09:00', '12:00'));
    expect(openSlots(open)).toEqual(['mon 9:60', 'mon 10:60', 'mon 11:60', 'fri 9:60', 'fri 10:60', 'fri 11:60']);
  });

  it('counts the minutes of hours the team covers only in part', () => {
    const open = openMinutesByHour(hours(['tue'], '08:30', '17:15'));
    expect(open[slot('tue', 7)]).toBe(0);
    expect(open[slot('tue', 8)]).toBe(30);
    expect(open[slot('tue', 9)]).toBe(60);
    expect(open[slot('tue', 16)]).toBe(60);
    expect(open[slot('tue', 17)]).toBe(15);
    expect(open[slot('tue', 18)]).toBe(0);
  });

  it('runs an overnight shift into the next morning, and Sunday night into Monday', () => {
    const open = openMinutesByHour(hours(['sun'], '22:00', '06:00'));
    expect(openSlots(open)).toEqual(['mon 0:60', 'mon 1:60', 'mon 2:60', 'mon 3:60', 'mon 4:60', 'mon 5:60', 'sun 22:60', 'sun 23:60']);
  });

  it('reads "24:00" as midnight, equal start and end as closed, and ignores what it cannot read', () => {
    expect(openSlots(openMinutesByHour(hours(['sat'], '20:00', '24:00')))).toEqual(['sat 20:60', 'sat 21:60', 'sat 22:60', 'sat 23:60']);
    expect(openSlots(openMinutesByHour(hours(['mon'], '09:00', '09:00')))).toEqual([]);
    expect(openSlots(openMinutesByHour(hours(['mon'], '9am', '17:00')))).toEqual([]);
    expect(openSlots(openMinutesByHour(hours(['someday', 'mon', 'mon'], '10:00', '11:00')))).toEqual(['mon 10:60']);
  });
});

describe('the heat-map grid', () => {
  const volume = [
    { weekday: 'mon', hour: 9, count: 10 },
    { weekday: 'mon', hour: 9, count: 2 }, // the same cell twice: added up
    { weekday: 'tue', hour: 8, count: 3 },
    { weekday: 'sat', hour: 23, count: 6 },
    { weekday: 'holiday', hour: 3, count: 99 }, // unknown weekday: ignored
    { weekday: 'wed', hour: 24, count: 99 }, // no such hour: ignored
    { weekday: 'thu', hour: 5, count: -4 }, // negative: ignored
  ];
  const grid = buildHeatmapGrid(volume, hours(['mon', 'tue', 'wed', 'thu', 'fri'], '08:30', '18:00'), 4);

  it('has seven rows of 24 cells, Monday first', () => {
    expect(grid.rows.map((row) => row.weekday)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(grid.rows.every((row) => row.cells.length === 24 && row.cells.every((cell, hour) => cell.hour === hour))).toBe(true);
  });

  it('gives each cell its count, its colour level and how much of it is business hours', () => {
    const cell = (weekday: string, hour: number) => grid.rows.find((row) => row.weekday === weekday)!.cells[hour]!;
    expect(cell('mon', 9)).toEqual({ weekday: 'mon', hour: 9, count: 12, level: 4, coverage: 'open', openMinutes: 60 });
    expect(cell('tue', 8)).toMatchObject({ count: 3, level: 1, coverage: 'partly', openMinutes: 30 });
    expect(cell('sat', 23)).toMatchObject({ count: 6, level: 2, coverage: 'closed' });
    expect(cell('sun', 12)).toMatchObject({ count: 0, level: 0, coverage: 'closed' });
    expect(grid).toMatchObject({ max: 12, total: 21, outsideHours: 6, levels: 4 });
    expect(grid.busiest).toMatchObject({ weekday: 'mon', hour: 9, count: 12 });
  });

  it('says each cell and the whole grid in words', () => {
    const tuesday = grid.rows[1]!.cells[8]!;
    expect(describeCell(tuesday)).toBe('Tuesday 08:00–09:00: 3 mentions, business hours for 30 of its minutes');
    expect(describeCell(grid.rows[6]!.cells[23]!)).toBe('Sunday 23:00–00:00: 0 mentions, outside business hours');
    expect(summarizeGrid(grid)).toBe('21 mentions; 29% arrived outside business hours. The busiest hour is Monday 09:00–10:00 with 12.');
  });

  it('is all level 0 without mentions', () => {
    const empty = buildHeatmapGrid([], hours([], '09:00', '17:00'));
    expect(empty.rows.flatMap((row) => row.cells).every((cell) => cell.level === 0 && cell.coverage === 'closed')).toBe(true);
    expect(empty.busiest).toBeNull();
    expect(summarizeGrid(empty)).toBe('No mentions in this range.');
  });
});
