// The queue agents (/api/agents), as the editor reads them: who answers tickets, in which tier, on which queues.
import type { AgentTier } from '@mentionflow/engine';
import { request } from './http.ts';

export interface Agent {
  readonly id: string;
  readonly name: string;
  readonly tier: AgentTier;
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly queues: readonly string[];
  readonly capacity: number;
  readonly rating: number;
  /** An inactive agent is assigned nothing; a user linked to one still signs in. */
  readonly active: boolean;
  readonly createdAt: string;
  /** Open tickets held now. */
  readonly load: number;
}

export const agentsApi = {
  list: (signal?: AbortSignal) => request<{ agents: Agent[] }>('GET', '/api/agents', undefined, signal).then((body) => body.agents),
};
