// Provides one workbench store per open workflow page: results stay while the workbench is closed and reopened.
import { createContext, useState, type ReactNode } from 'react';
import { createSimulationStore, type SimulationStore } from './simulation-store.ts';

export const SimulationStoreContext = createContext<SimulationStore | null>(null);

export function SimulationStoreProvider({ children, store: given }: { children: ReactNode; store?: SimulationStore }) {
  const [store] = useState(() => given ?? createSimulationStore());
  return <SimulationStoreContext.Provider value={store}>{children}</SimulationStoreContext.Provider>;
}
