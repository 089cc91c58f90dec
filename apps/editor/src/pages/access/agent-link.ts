// Linking a person to the queue agent they work the queue as: what the select offers, who still needs a link, and
// the server's refusal of an agent id, worded for the field that sent it.
import type { Role } from '@mentionflow/engine';
import type { Agent } from '../../api/agents-api.ts';
import { ApiRequestError } from '../../api/http.ts';

/** The select's value for "no queue agent" (a select's values are strings; the API's is null). */
export const NO_AGENT = '';

export interface AgentChoice {
  readonly value: string;
  readonly label: string;
}

/** `Ada Lovelace (ada)`: names can repeat, ids cannot. */
export const agentLabel = (agent: Agent): string => `${agent.name} (${agent.id})${agent.active ? '' : ' — inactive'}`;

/** What a linked agent does, in a line: `senior · care, billing`. */
export const agentSummary = (agent: Agent): string => `${agent.tier} · ${agent.queues.length ? agent.queues.join(', ') : 'no queues'}`;

/**
 * "none" first, then every agent by name. A linked id the list lacks (the agents could not be loaded) stays offered
 * under its id, so the select never shows "none" for someone who is linked.
 */
export function agentChoices(agents: readonly Agent[], current: string | null): AgentChoice[] {
  const listed = [...agents].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).map((agent) => ({ value: agent.id, label: agentLabel(agent) }));
  const missing = current !== null && !agents.some((agent) => agent.id === current) ? [{ value: current, label: current }] : [];
  return [{ value: NO_AGENT, label: 'none' }, ...missing, ...listed];
}

/** An agent-role user with no linked agent: they sign in, but every claim, reply and approval is refused. */
export const needsAgentLink = (user: { readonly role: Role; readonly agentId: string | null }): boolean => user.role === 'agent' && user.agentId === null;

/** The server's refusal of an agent id (422, details `[{ field: 'agentId', message }]`) in words; null for any other error. */
export function agentIdRefusal(error: unknown): string | null {
  if (!(error instanceof ApiRequestError) || error.status !== 422 || !Array.isArray(error.details)) return null;
  const detail = (error.details as { field?: unknown; message?: unknown }[]).find((entry) => entry?.field === 'agentId');
  if (!detail) return null;
  const why = typeof detail.message === 'string' && detail.message ? detail.message : error.message;
  return `The server refused this queue agent: ${why}. Choose another, or none.`;
}
