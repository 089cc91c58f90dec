// The queue agents a person can be linked to, loaded once per page. A failure leaves the users usable: the selects
// then offer "none" and the current links only, and say why.
import { useEffect, useState } from 'react';
import { agentsApi, type Agent } from '../../api/agents-api.ts';

export interface QueueAgents {
  readonly agents: readonly Agent[];
  /** Why the agents could not be loaded; null while loading or once loaded. */
  readonly problem: string | null;
}

export function useQueueAgents(): QueueAgents {
  const [state, setState] = useState<QueueAgents>({ agents: [], problem: null });
  useEffect(() => {
    const controller = new AbortController();
    agentsApi
      .list(controller.signal)
      .then((agents) => setState({ agents, problem: null }))
      .catch((error: unknown) => (error as Error).name !== 'AbortError' && setState({ agents: [], problem: (error as Error).message }));
    return () => controller.abort();
  }, []);
  return state;
}
