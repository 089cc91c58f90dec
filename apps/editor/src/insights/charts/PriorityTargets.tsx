// First-response time by priority against each priority's response target: one small chart per priority (a P1 target
// of 15 minutes and a P4 target of a day cannot share an axis), the target drawn as a dashed line.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, formatMinutes, plural } from '../chart-format.ts';
import type { ResponseTimes } from '../insights-api.ts';
import { chartStyle, minutesTooltip, TICK, yLabel } from './chart-parts.ts';

type PriorityRow = ResponseTimes['byPriority'][number];

export function PriorityTargets({ rows }: { rows: readonly PriorityRow[] }) {
  return (
    <div className="small-multiples">
      {rows.map((row) => (
        <PriorityChart key={row.priority} row={row} />
      ))}
    </div>
  );
}

function PriorityChart({ row }: { row: PriorityRow }) {
  const data = [
    { name: 'Median', minutes: row.medianMinutes, fill: COLORS.median },
    { name: 'p90', minutes: row.p90Minutes, fill: COLORS.p90 },
  ];
  const top = Math.max(row.targetMinutes ?? 0, row.medianMinutes ?? 0, row.p90Minutes ?? 0) * 1.15 || 1;
  // Breaches include tickets still unanswered past their due time: the share is of the tickets due so far.
  const due = row.withinTarget + row.breached;
  const share = due > 0 ? Math.round((row.withinTarget / due) * 100) : null;
  return (
    <div className="small-multiple">
      <h4>
        <span className={`priority-badge priority-${row.priority}`}>{row.priority}</span> target {formatMinutes(row.targetMinutes)}
      </h4>
      <BarChart
        data={data}
        responsive
        style={chartStyle(180)}
        margin={{ top: 8, right: 12, bottom: 4, left: 4 }}
        title={`${row.priority} first-response time against its target`}
        desc={`${row.priority}: median ${formatMinutes(row.medianMinutes)}, p90 ${formatMinutes(row.p90Minutes)}, target ${formatMinutes(row.targetMinutes)}; ${row.withinTarget} within target, ${row.breached} breached`}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={TICK} />
        <YAxis tick={TICK} domain={[0, Math.ceil(top)]} label={yLabel('minutes')} width={52} />
        <Tooltip formatter={minutesTooltip} />
        <Bar dataKey="minutes" name="First response">
          {data.map((entry) => (
            <Cell key={entry.name} fill={entry.fill} />
          ))}
        </Bar>
        {row.targetMinutes !== null && (
          <ReferenceLine y={row.targetMinutes} stroke={COLORS.target} strokeDasharray="6 3" strokeWidth={2} label={{ value: 'target', position: 'insideTopRight', fontSize: 11, fill: COLORS.target }} />
        )}
      </BarChart>
      <p className="chart-summary">
        {share === null ? `No ticket due yet; ${plural(row.count, 'first response')}.` : `${share}% met the target: ${row.withinTarget} on time, ${row.breached} breached.`}
      </p>
    </div>
  );
}
