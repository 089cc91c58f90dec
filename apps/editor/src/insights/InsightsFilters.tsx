// The dashboard's filter bar: the last 7, 30 or 90 days or two dates of one's choosing, and a channel and a queue.
import { useId, useState, type FormEvent } from 'react';
import { customRangeProblem, localDay, RANGE_PRESETS, type InsightFilters, type RangePreset } from './insight-filters.ts';

export interface FilterOptions {
  readonly channels: readonly string[];
  readonly queues: readonly string[];
}

export function InsightsFilters({ filters, options, onChange }: { filters: InsightFilters; options: FilterOptions; onChange: (filters: InsightFilters) => void }) {
  const id = useId();
  const { range } = filters;
  const today = localDay(new Date());
  const [custom, setCustom] = useState(() => (range.kind === 'custom' ? { from: range.from, to: range.to } : { from: localDay(new Date(Date.now() - 13 * 86_400_000)), to: today }));
  const [choosing, setChoosing] = useState(range.kind === 'custom');
  const problem = customRangeProblem(custom.from, custom.to);

  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) onChange({ ...filters, range: { kind: 'custom', ...custom } });
  };
  const pickPreset = (days: RangePreset) => {
    setChoosing(false);
    onChange({ ...filters, range: { kind: 'last', days } });
  };

  return (
    <div className="filters insight-filters" role="search" aria-label="Insight filters">
      <fieldset className="range-choice">
        <legend>Date range</legend>
        <div className="segmented">
          {RANGE_PRESETS.map((days) => (
            <label key={days} className="choice">
              <input type="radio" name={`${id}-range`} checked={!choosing && range.kind === 'last' && range.days === days} onChange={() => pickPreset(days)} />
              {days} days
            </label>
          ))}
          <label className="choice">
            <input type="radio" name={`${id}-range`} checked={choosing} onChange={() => setChoosing(true)} />
            Custom
          </label>
        </div>
      </fieldset>
      {choosing && (
        <form className="custom-range" onSubmit={applyCustom} aria-label="Custom date range">
          <label>
            From
            <input type="date" value={custom.from} max={today} onChange={(event) => setCustom({ ...custom, from: event.target.value })} aria-invalid={Boolean(problem)} aria-describedby={problem ? `${id}-range-problem` : undefined} />
          </label>
          <label>
            To
            <input type="date" value={custom.to} max={today} onChange={(event) => setCustom({ ...custom, to: event.target.value })} aria-invalid={Boolean(problem)} aria-describedby={problem ? `${id}-range-problem` : undefined} />
          </label>
          <button type="submit" disabled={Boolean(problem)}>
            Apply
          </button>
          {problem && (
            <span id={`${id}-range-problem`} className="field-error">
              {problem}
            </span>
          )}
        </form>
      )}
      <label>
        Channel
        <select aria-label="Channel" value={filters.channel} onChange={(event) => onChange({ ...filters, channel: event.target.value })}>
          <option value="">All channels</option>
          {withSelected(options.channels, filters.channel).map((channel) => (
            <option key={channel} value={channel}>
              {channel}
            </option>
          ))}
        </select>
      </label>
      <label>
        Queue
        <select aria-label="Queue" value={filters.queue} onChange={(event) => onChange({ ...filters, queue: event.target.value })}>
          <option value="">All queues</option>
          {withSelected(options.queues, filters.queue).map((queue) => (
            <option key={queue} value={queue}>
              {queue}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The options, with the selected value kept even when the data no longer lists it (a link may name it). */
function withSelected(values: readonly string[], selected: string): string[] {
  return selected && !values.includes(selected) ? [...values, selected].sort() : [...values];
}
