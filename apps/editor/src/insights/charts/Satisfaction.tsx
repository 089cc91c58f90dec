// Customer satisfaction where it was recorded: how many ratings of each score (1–5), the average, and by queue.
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { plural, SERIES_COLORS } from '../chart-format.ts';
import type { Workload } from '../insights-api.ts';
import { chartStyle, MARGIN, TICK, xLabel, yLabel } from './chart-parts.ts';

// Low scores vermillion, high scores bluish green: the two ends stay apart for every colour vision; the axis says the score.
const SCORE_COLORS = ['#D55E00', '#E69F00', '#999999', '#56B4E9', '#009E73'];

export function Satisfaction({ satisfaction }: { satisfaction: Workload['satisfaction'] }) {
  const rows = [1, 2, 3, 4, 5].map((score) => ({ score: `${score}★`, ratings: satisfaction.distribution[String(score)] ?? 0 }));
  const average = satisfaction.average === null ? '—' : satisfaction.average.toFixed(1);
  return (
    <>
      <p className="chart-headline">
        <strong>{average}</strong> / 5 average from {plural(satisfaction.count, 'rating')}
      </p>
      <BarChart data={rows} responsive style={chartStyle(200)} margin={MARGIN} title="Ratings by score" desc={rows.map((row) => `${row.score}: ${row.ratings}`).join('; ')}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="score" tick={TICK} label={xLabel('score (1 to 5)')} />
        <YAxis tick={TICK} allowDecimals={false} label={yLabel('ratings')} width={48} />
        <Tooltip />
        <Bar dataKey="ratings" name="Ratings" isAnimationActive={false}>
          {rows.map((row, index) => (
            <Cell key={row.score} fill={SCORE_COLORS[index] ?? SERIES_COLORS[0]} />
          ))}
        </Bar>
      </BarChart>
      {satisfaction.byQueue.length > 0 && (
        <table className="insight-table">
          <caption>By queue</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Ratings</th>
              <th scope="col">Average</th>
            </tr>
          </thead>
          <tbody>
            {satisfaction.byQueue.map((queue) => (
              <tr key={queue.queue}>
                <th scope="row">{queue.queue}</th>
                <td>{queue.count}</td>
                <td>{queue.average === null ? '—' : queue.average.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
