// Each agent's open tickets against their capacity (the dashed outline is the capacity; a full bar means no room),
// and what each resolved in the range.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS, plural } from '../chart-format.ts';
import type { Workload } from '../insights-api.ts';
import { chartStyle, MARGIN, TICK, xLabel, yLabel } from './chart-parts.ts';

/** Axis ticks name agents by first name (the tooltip and summary give the full name): five full names overlap. */
const firstName = (name: unknown) => String(name).split(' ')[0] ?? String(name);

export function AgentWorkload({ agents }: { agents: Workload['agents'] }) {
  const full = agents.filter((agent) => agent.capacity > 0 && agent.open >= agent.capacity);
  return (
    <>
      <BarChart
        data={agents}
        responsive
        style={chartStyle(240)}
        margin={MARGIN}
        barGap="-100%"
        title="Open tickets per agent against capacity"
        desc={agents.map((agent) => `${agent.name}: ${agent.open} open of ${agent.capacity}, ${agent.resolvedInRange} resolved in the range`).join('; ')}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={TICK} interval={0} tickFormatter={firstName} label={xLabel('agent')} />
        <YAxis tick={TICK} allowDecimals={false} label={yLabel('open tickets')} width={48} />
        <Tooltip />
        <Legend verticalAlign="top" height={24} itemSorter={null} />
        <Bar dataKey="open" name="Open now" fill={COLORS.median} isAnimationActive={false} />
        {/* Drawn after "open" and on top of it: only its outline. */}
        <Bar dataKey="capacity" name="Capacity" fill="none" stroke={COLORS.capacity} strokeWidth={2} strokeDasharray="5 3" isAnimationActive={false} />
      </BarChart>
      <p className="chart-summary">
        {full.length === 0 ? 'Every agent has room for more tickets.' : `At capacity: ${full.map((agent) => agent.name).join(', ')}.`} Resolved in the range:{' '}
        {agents.map((agent) => `${agent.name} ${agent.resolvedInRange}`).join(', ')}.
      </p>
    </>
  );
}
