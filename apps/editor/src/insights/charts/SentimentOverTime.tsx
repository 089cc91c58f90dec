// Average sentiment of mentions per day, from -1 (very negative) to +1 (very positive), with a line at neutral.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, formatSentiment } from '../chart-format.ts';
import type { Topics } from '../insights-api.ts';
import { chartStyle, dayLabel, dayTick, MARGIN, TICK, xLabel, yLabel } from './chart-parts.ts';

export function SentimentOverTime({ days }: { days: Topics['sentimentByDay'] }) {
  const scored = days.filter((day) => day.average !== null && day.count > 0);
  const weighted = scored.reduce((sum, day) => sum + (day.average ?? 0) * day.count, 0);
  const count = scored.reduce((sum, day) => sum + day.count, 0);
  const overall = count > 0 ? weighted / count : null;
  return (
    <>
      <LineChart data={days} responsive style={chartStyle(220)} margin={MARGIN} title="Average sentiment per day" desc={`Average over the range: ${formatSentiment(overall)}`}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={TICK} tickFormatter={dayTick} minTickGap={16} label={xLabel('day')} />
        <YAxis tick={TICK} domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} label={yLabel('sentiment (−1 to +1)')} width={56} />
        <Tooltip labelFormatter={dayLabel} formatter={(value: unknown) => formatSentiment(typeof value === 'number' ? value : null)} />
        <ReferenceLine y={0} stroke="#5d6677" strokeDasharray="4 4" label={{ value: 'neutral', position: 'insideBottomRight', fontSize: 11, fill: '#5d6677' }} />
        <Line type="monotone" dataKey="average" name="Average sentiment" stroke={COLORS.positive} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      </LineChart>
      <p className="chart-summary">Average over the range: {formatSentiment(overall)}.</p>
    </>
  );
}
