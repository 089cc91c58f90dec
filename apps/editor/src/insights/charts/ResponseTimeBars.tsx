// First-response time by one dimension (channel or queue): median and 90th percentile side by side, in minutes.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, formatMinutes, plural } from '../chart-format.ts';
import type { ResponseTimeStat } from '../insights-api.ts';
import { chartStyle, MARGIN, minutesTooltip, TICK, xLabel, yLabel } from './chart-parts.ts';

export interface ResponseTimeRow extends ResponseTimeStat {
  readonly name: string;
}

export function ResponseTimeBars({ rows: all, dimension }: { rows: readonly ResponseTimeRow[]; dimension: string }) {
  // A row without answered tickets has no time to draw: a bar of 0 would read as "answered at once".
  const rows = all.filter((row) => row.count > 0 && row.medianMinutes !== null);
  const unanswered = all.filter((row) => !rows.includes(row)).map((row) => row.name);
  const slowest = [...rows].sort((a, b) => (b.p90Minutes ?? 0) - (a.p90Minutes ?? 0))[0];
  return (
    <>
      <BarChart
        data={[...rows]}
        responsive
        style={chartStyle()}
        margin={MARGIN}
        title={`First-response time by ${dimension}`}
        desc={rows.map((row) => `${row.name}: median ${formatMinutes(row.medianMinutes)}, p90 ${formatMinutes(row.p90Minutes)} over ${plural(row.count, 'ticket')}`).join('; ')}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={TICK} label={xLabel(dimension)} />
        <YAxis tick={TICK} label={yLabel('minutes')} width={56} />
        <Tooltip formatter={minutesTooltip} />
        <Legend verticalAlign="top" height={24} itemSorter={null} />
        <Bar dataKey="medianMinutes" name="Median" fill={COLORS.median} />
        <Bar dataKey="p90Minutes" name="90th percentile" fill={COLORS.p90} />
      </BarChart>
      {slowest && (
        <p className="chart-summary">
          Slowest 90th percentile: <strong>{slowest.name}</strong>, {formatMinutes(slowest.p90Minutes)}.
          {unanswered.length > 0 && ` No first response yet: ${unanswered.join(', ')}.`}
        </p>
      )}
    </>
  );
}
