// Mentions per tag per day, for the largest tags (each line its own colour and dash, so they stay apart in grey too).
import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { plural, SERIES_COLORS, seriesByDay } from '../chart-format.ts';
import type { Topics } from '../insights-api.ts';
import { chartStyle, dayLabel, dayTick, MARGIN, TICK, xLabel, yLabel } from './chart-parts.ts';

const MAX_TAGS = 6;
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2'];

export function TagsOverTime({ tags }: { tags: Topics['tags'] }) {
  const { keys, rows } = useMemo(() => seriesByDay(tags.map((tag) => ({ name: tag.tag, total: tag.total, byDay: tag.byDay })), MAX_TAGS), [tags]);
  const totals = new Map(tags.map((tag) => [tag.tag, tag.total]));
  return (
    <>
      <LineChart data={[...rows]} responsive style={chartStyle(260)} margin={MARGIN} title="Mentions per tag per day" desc={keys.map((key) => `${key}: ${totals.get(key) ?? 0}`).join('; ')}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={TICK} tickFormatter={dayTick} minTickGap={16} label={xLabel('day')} />
        <YAxis tick={TICK} allowDecimals={false} label={yLabel('mentions')} width={48} />
        <Tooltip labelFormatter={dayLabel} />
        <Legend verticalAlign="top" height={28} itemSorter={null} />
        {keys.map((key, index) => (
          <Line key={key} type="monotone" dataKey={key} name={key} stroke={SERIES_COLORS[index % SERIES_COLORS.length]} strokeDasharray={DASHES[index % DASHES.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
      <p className="chart-summary">
        {tags.length > MAX_TAGS ? `The ${MAX_TAGS} largest of ${tags.length} tags. ` : ''}
        Totals: {keys.map((key) => `${key} ${plural(totals.get(key) ?? 0, 'mention')}`).join(', ')}.
      </p>
    </>
  );
}
