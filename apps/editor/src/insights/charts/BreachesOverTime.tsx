// Response-target breaches and escalations per day: two lines told apart by colour, dash and marker.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, plural } from '../chart-format.ts';
import type { ResponseTimes } from '../insights-api.ts';
import { chartStyle, dayLabel, dayTick, MARGIN, TICK, xLabel, yLabel } from './chart-parts.ts';

export function BreachesOverTime({ days }: { days: ResponseTimes['breachesOverTime'] }) {
  const breaches = days.reduce((sum, day) => sum + day.breaches, 0);
  const escalations = days.reduce((sum, day) => sum + day.escalations, 0);
  return (
    <>
      <LineChart data={days} responsive style={chartStyle()} margin={MARGIN} title="Response-target breaches and escalations per day" desc={`${plural(breaches, 'breach', 'breaches')} and ${plural(escalations, 'escalation')} in the range`}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={TICK} tickFormatter={dayTick} minTickGap={16} label={xLabel('day')} />
        <YAxis tick={TICK} allowDecimals={false} label={yLabel('tickets')} width={48} />
        <Tooltip labelFormatter={dayLabel} />
        <Legend verticalAlign="top" height={24} itemSorter={null} />
        <Line type="monotone" dataKey="breaches" name="Breaches" stroke={COLORS.breaches} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        <Line type="monotone" dataKey="escalations" name="Escalations" stroke={COLORS.escalations} strokeWidth={2} strokeDasharray="6 3" dot={{ r: 3, strokeWidth: 2, fill: '#fff' }} isAnimationActive={false} />
      </LineChart>
      <p className="chart-summary">
        {plural(breaches, 'breach', 'breaches')} and {plural(escalations, 'escalation')} in the range.
      </p>
    </>
  );
}
