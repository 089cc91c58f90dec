// Incidents in the range and how many mentions each drew: bars, and the list with their status and times.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime } from '../../ui/format.ts';
import { COLORS, plural } from '../chart-format.ts';
import type { Topics } from '../insights-api.ts';
import { chartStyle, TICK, xLabel } from './chart-parts.ts';

export function IncidentMentions({ incidents }: { incidents: Topics['incidents'] }) {
  const rows = [...incidents].sort((a, b) => b.mentions - a.mentions).map((incident) => ({ ...incident, label: `${incident.topic} (#${incident.id})` }));
  return (
    <>
      <BarChart
        data={rows}
        layout="vertical"
        responsive
        style={chartStyle(Math.max(120, 36 * rows.length + 50))}
        margin={{ top: 4, right: 24, bottom: 24, left: 8 }}
        title="Mentions per incident"
        desc={rows.map((row) => `${row.label}: ${row.mentions} mentions, ${row.status}`).join('; ')}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={TICK} allowDecimals={false} label={xLabel('mentions')} />
        <YAxis type="category" dataKey="label" tick={TICK} width={160} />
        <Tooltip />
        <Bar dataKey="mentions" name="Mentions" fill={COLORS.breaches} isAnimationActive={false} />
      </BarChart>
      <ul className="incident-list" aria-label="Incidents">
        {rows.map((incident) => (
          <li key={incident.id}>
            <strong>{incident.topic}</strong> <span className={`incident-status incident-${incident.status}`}>{incident.status}</span>{' '}
            <span className="muted">
              opened {formatDateTime(incident.openedAt)}
              {incident.resolvedAt ? `, resolved ${formatDateTime(incident.resolvedAt)}` : ''} · {plural(incident.mentions, 'mention')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
