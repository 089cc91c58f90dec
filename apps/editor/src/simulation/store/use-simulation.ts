// Selector hooks over the workbench store: state through `useShallow`, actions as one stable object.
import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { SimulationStoreContext } from './SimulationStoreProvider.tsx';
import type { SimulationActions, SimulationState, SimulationStore } from './simulation-store.ts';

export function useSimulationStoreApi(): SimulationStore {
  const store = useContext(SimulationStoreContext);
  if (!store) throw new Error('useSimulation… hooks must be used inside <SimulationStoreProvider>');
  return store;
}

/** e.g. `const { rows, summary } = useSimulationState((s) => ({ rows: s.rows, summary: s.summary }))`. */
export function useSimulationState<T>(selector: (state: SimulationState) => T): T {
  return useStore(useSimulationStoreApi(), useShallow(selector));
}

export function useSimulationActions(): SimulationActions {
  return useStore(useSimulationStoreApi(), (state) => state.actions);
}
