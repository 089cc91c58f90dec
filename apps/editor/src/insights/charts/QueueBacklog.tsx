// Open tickets per queue, overdue ones stacked at the end (vermillion and hatched apart from the rest), oldest wait in words.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, formatMinutes, plural } from '../chart-format.ts';
import type { Workload } from '../insights-api.ts';
import { chartStyle, MARGIN, TICK, xLabel } from './chart-parts.ts';

export function QueueBacklog({ backlog }: { backlog: Workload['backlog'] }) {
  const rows = backlog.map((queue) => ({ ...queue, onTime: Math.max(0, queue.open - queue.overdue) }));
  const oldest = [...backlog].sort((a, b) => (b.oldestMinutes ?? 0) - (a.oldestMinutes ?? 0))[0];
  const open = backlog.reduce((sum, queue) => sum + queue.open, 0);
  const overdue = backlog.reduce((sum, queue) => sum + queue.overdue, 0);
  return (
    <>
      <BarChart data={rows} layout="vertical" responsive style={chartStyle(Math.max(160, 28 * rows.length + 70))} margin={MARGIN} title="Open tickets per queue" desc={backlog.map((queue) => `${queue.queue}: ${queue.open} open, ${queue.overdue} overdue, oldest ${formatMinutes(queue.oldestMinutes)}`).join('; ')}>
        <defs>
          <pattern id="overdue-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={COLORS.overdue} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
          </pattern>
        </defs>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        {/* Queues down the side: every name stays readable however many queues there are. */}
        <XAxis type="number" tick={TICK} allowDecimals={false} label={xLabel('open tickets')} />
        <YAxis type="category" dataKey="queue" tick={TICK} interval={0} width={84} />
        <Tooltip />
        <Legend verticalAlign="top" height={24} itemSorter={null} />
        <Bar dataKey="onTime" name="Open, within target" stackId="open" fill={COLORS.onTime} isAnimationActive={false} />
        <Bar dataKey="overdue" name="Overdue" stackId="open" fill="url(#overdue-hatch)" stroke={COLORS.overdue} isAnimationActive={false} />
      </BarChart>
      <p className="chart-summary">
        {plural(open, 'open ticket')}, {overdue} overdue
        {oldest && oldest.oldestMinutes !== null ? `; the longest wait is in ${oldest.queue}: ${formatMinutes(oldest.oldestMinutes)}.` : '.'}
      </p>
    </>
  );
}
