// The queue agent a person works the queue as: "none" or one of the agents, by name and id.
import type { Agent } from '../../api/agents-api.ts';
import { agentChoices, NO_AGENT } from './agent-link.ts';

export interface AgentSelectProps {
  readonly agents: readonly Agent[];
  readonly value: string | null;
  readonly onChange: (agentId: string | null) => void;
  readonly id?: string;
  /** For a select without a visible label (a table cell). */
  readonly label?: string;
  readonly invalid?: boolean;
  readonly describedBy?: string;
  readonly disabled?: boolean;
}

export function AgentSelect({ agents, value, onChange, id, label, invalid = false, describedBy, disabled = false }: AgentSelectProps) {
  return (
    <select
      id={id}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
      value={value ?? NO_AGENT}
      onChange={(event) => onChange(event.target.value === NO_AGENT ? null : event.target.value)}
    >
      {agentChoices(agents, value).map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
