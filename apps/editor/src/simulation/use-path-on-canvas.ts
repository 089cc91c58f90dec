// Choosing a row loads its explanation (once) and draws the chosen side's path on the canvas; choosing none, or
// closing the workbench, clears it.
import { useEffect, useRef } from 'react';
import type { EditorStore } from '../editor/store/editor-store.ts';
import type { OnExplain } from './compare-types.ts';
import { buildPathView } from './explain/build-path-view.ts';
import { loadExplanation } from './explain-row.ts';
import type { SimulationState, SimulationStore } from './store/simulation-store.ts';

export function pathViewOf(state: SimulationState, workflowId: string) {
  if (state.selected === null) return null;
  const explanation = state.explanations[state.selected];
  const row = state.rows.find((candidate) => candidate.index === state.selected);
  if (!row || explanation?.status !== 'ready') return null;
  const title = `${state.side === 'after' ? 'Draft' : 'Published'} · mention ${row.mentionId}`;
  return buildPathView(explanation.explanation[state.side], workflowId, title);
}

export function usePathOnCanvas(store: SimulationStore, editor: EditorStore, onExplain: OnExplain, onChosen: () => void): void {
  // The latest callback, without subscribing again each time its identity changes.
  const chosen = useRef(onChosen);
  chosen.current = onChosen;
  useEffect(() => {
    const draw = (state: SimulationState) => editor.getState().actions.setPathView(pathViewOf(state, editor.getState().workflow.id));
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selected !== previous.selected && state.selected !== null) {
        chosen.current();
        void loadExplanation(store, onExplain, state.selected);
      }
      // Choosing the row whose path was hidden from the canvas draws it again.
      const hidden = state.selected !== null && editor.getState().pathView === null;
      if (hidden || state.selected !== previous.selected || state.explanations !== previous.explanations || state.side !== previous.side) draw(state);
    });
    draw(store.getState());
    return () => {
      unsubscribe();
      editor.getState().actions.setPathView(null);
    };
  }, [store, editor, onExplain]);
}
