// A row's explanation: the one the comparison sent with it, or one asked for through `onExplain` (once per row).
import type { OnExplain } from './compare-types.ts';
import { describeFailure } from './run-comparison.ts';
import type { SimulationStore } from './store/simulation-store.ts';

export async function loadExplanation(store: SimulationStore, onExplain: OnExplain, index: number): Promise<void> {
  const { rows, explanations, request, actions } = store.getState();
  const known = explanations[index];
  if (known && known.status !== 'error') return;
  const row = rows.find((candidate) => candidate.index === index);
  if (!row || !request) return;
  if (row.explanation) {
    actions.explanationChanged(index, { status: 'ready', explanation: row.explanation });
    return;
  }
  actions.explanationChanged(index, { status: 'loading' });
  try {
    const explanation = await onExplain(row, request);
    store.getState().actions.explanationChanged(index, { status: 'ready', explanation });
  } catch (error) {
    const { message, problems } = describeFailure(error);
    store.getState().actions.explanationChanged(index, { status: 'error', message: [message, ...problems].join(' ') });
  }
}
