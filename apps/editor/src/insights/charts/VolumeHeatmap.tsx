// Mentions by weekday and hour as a 7×24 grid, drawn over the workspace's business hours: cells the team is scheduled
// for are outlined (solid for the whole hour, dashed for part of it). Darker means more mentions; every cell says
// its numbers in its tooltip and accessible name. Drawn by hand: a heat map is a grid of rectangles.
import { useMemo } from 'react';
import { HEAT_COLORS } from '../chart-format.ts';
import { buildHeatmapGrid, describeCell, summarizeGrid, WEEKDAY_LABELS, type HeatCell } from '../heatmap-grid.ts';
import type { Volume } from '../insights-api.ts';

const CELL = 26;
const GAP = 2;
const LEFT = 44;
const TOP = 22;

export function VolumeHeatmap({ volume }: { volume: Volume }) {
  const grid = useMemo(() => buildHeatmapGrid(volume.byHourOfWeek, volume.businessHours, HEAT_COLORS.length - 1), [volume]);
  const width = LEFT + 24 * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP) + 4;
  const summary = summarizeGrid(grid);
  const { days, start, end, timezone } = volume.businessHours;
  const hoursText = days.length ? `${days.map((day) => WEEKDAY_LABELS[day as keyof typeof WEEKDAY_LABELS]?.slice(0, 3) ?? day).join(', ')} ${start}–${end}` : 'none set';
  return (
    <>
      <div className="heatmap-scroll">
        <svg className="heatmap" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Mentions by weekday and hour (${timezone}). ${summary}`}>
          <title>Mentions by weekday and hour</title>
          <desc>{summary}</desc>
          {Array.from({ length: 24 }, (_, hour) =>
            hour % 3 === 0 ? (
              <text key={hour} x={LEFT + hour * (CELL + GAP) + CELL / 2} y={TOP - 8} className="heatmap-axis" textAnchor="middle">
                {String(hour).padStart(2, '0')}
              </text>
            ) : null,
          )}
          {grid.rows.map((row, day) => (
            <g key={row.weekday}>
              <text x={LEFT - 8} y={TOP + day * (CELL + GAP) + CELL / 2 + 4} className="heatmap-axis" textAnchor="end">
                {WEEKDAY_LABELS[row.weekday].slice(0, 3)}
              </text>
              {row.cells.map((cell) => (
                <HeatRect key={cell.hour} cell={cell} x={LEFT + cell.hour * (CELL + GAP)} y={TOP + day * (CELL + GAP)} />
              ))}
            </g>
          ))}
        </svg>
      </div>
      <div className="heatmap-legend" aria-hidden="true">
        <span>fewer</span>
        {HEAT_COLORS.map((color) => (
          <span key={color} className="heatmap-swatch" style={{ background: color }} />
        ))}
        <span>more mentions</span>
        <span className="heatmap-swatch heatmap-swatch-open" /> <span>business hours</span>
        <span className="heatmap-swatch heatmap-swatch-partly" /> <span>part of the hour</span>
      </div>
      <p className="chart-summary">
        {summary} Business hours: {hoursText} ({timezone}); hours are local to that time zone.
      </p>
    </>
  );
}

function HeatRect({ cell, x, y }: { cell: HeatCell; x: number; y: number }) {
  const label = describeCell(cell);
  return (
    <rect
      x={x}
      y={y}
      width={CELL}
      height={CELL}
      rx={3}
      fill={HEAT_COLORS[cell.level]}
      className={`heatmap-cell coverage-${cell.coverage}`}
      data-weekday={cell.weekday}
      data-hour={cell.hour}
      data-count={cell.count}
    >
      <title>{label}</title>
    </rect>
  );
}
