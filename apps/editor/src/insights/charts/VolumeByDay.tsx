// Mentions per day over the range.
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, formatDay, plural } from '../chart-format.ts';
import type { Volume } from '../insights-api.ts';
import { chartStyle, dayLabel, dayTick, MARGIN, TICK, xLabel, yLabel } from './chart-parts.ts';

export function VolumeByDay({ days }: { days: Volume['byDay'] }) {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const peak = days.reduce<Volume['byDay'][number] | undefined>((best, day) => (!best || day.count > best.count ? day : best), undefined);
  return (
    <>
      <AreaChart data={days} responsive style={chartStyle(200)} margin={MARGIN} title="Mentions per day" desc={`${plural(total, 'mention')}${peak ? `; most on ${formatDay(peak.day)} (${peak.count})` : ''}`}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={TICK} tickFormatter={dayTick} minTickGap={16} label={xLabel('day')} />
        <YAxis tick={TICK} allowDecimals={false} label={yLabel('mentions')} width={48} />
        <Tooltip labelFormatter={dayLabel} />
        <Area type="monotone" dataKey="count" name="Mentions" stroke={COLORS.volume} fill={COLORS.volume} fillOpacity={0.2} strokeWidth={2} isAnimationActive={false} />
      </AreaChart>
      <p className="chart-summary">
        {plural(total, 'mention')}
        {peak ? `; the busiest day was ${formatDay(peak.day)} with ${peak.count}.` : '.'}
      </p>
    </>
  );
}
