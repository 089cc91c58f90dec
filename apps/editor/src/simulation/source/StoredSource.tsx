// Mentions already stored: by when they arrived, channel, the queue or a tag they were decided with, up to a limit.
import { useId, type ReactNode } from 'react';
import { CHANNELS } from '@mentionflow/engine';
import { useSimulationActions, useSimulationState } from '../store/use-simulation.ts';

export function StoredSource() {
  const stored = useSimulationState((state) => state.source.stored);
  const actions = useSimulationActions();
  const id = useId();
  return (
    <div className="sim-fields">
      <Field id={`${id}-from`} label="Arrived from">
        <input id={`${id}-from`} type="datetime-local" value={stored.from} onChange={(event) => actions.setStored({ from: event.target.value })} />
      </Field>
      <Field id={`${id}-to`} label="until">
        <input id={`${id}-to`} type="datetime-local" value={stored.to} onChange={(event) => actions.setStored({ to: event.target.value })} />
      </Field>
      <Field id={`${id}-channel`} label="Channel">
        <select id={`${id}-channel`} value={stored.channel} onChange={(event) => actions.setStored({ channel: event.target.value })}>
          <option value="">any</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {channel}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-queue`} label="Queue">
        <input id={`${id}-queue`} value={stored.queue} onChange={(event) => actions.setStored({ queue: event.target.value })} placeholder="any; (none) for unrouted" />
      </Field>
      <Field id={`${id}-tag`} label="Tag">
        <input id={`${id}-tag`} value={stored.tag} onChange={(event) => actions.setStored({ tag: event.target.value })} placeholder="any" />
      </Field>
      <Field id={`${id}-limit`} label="At most (most recent)">
        <input id={`${id}-limit`} type="number" min={1} value={stored.limit} onChange={(event) => actions.setStored({ limit: event.target.value })} />
      </Field>
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
