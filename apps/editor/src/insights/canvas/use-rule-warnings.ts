// Keeps the editor store's rule warnings current: the other workflows' published rules load once, then the draft is
// analysed with them a moment after each change (after live validation, which matters more while typing).
import { useEffect } from 'react';
import type { CompiledWorkflow } from '@mentionflow/engine';
import { graphOf, type EditorState } from '../../editor/store/editor-store.ts';
import { useEditorStoreApi } from '../../editor/store/use-editor.ts';
import { draftWarnings, loadPublishedRules } from './rule-warnings.ts';

const DEBOUNCE_MS = 600;

function analyse(state: EditorState, published: readonly CompiledWorkflow[]) {
  const { workflow } = state;
  const draft = { id: workflow.id, name: workflow.name.trim() || workflow.id, kind: workflow.kind, description: workflow.description, graph: graphOf(state) };
  return draftWarnings(draft, state.parameters, published);
}

export function useRuleWarnings(): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    const controller = new AbortController();
    let published: readonly CompiledWorkflow[] | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      if (!published || controller.signal.aborted) return;
      const state = store.getState();
      try {
        state.actions.setRuleWarnings(analyse(state, published));
      } catch {
        // Analysis is advice: a failure must never stop editing. Validation still reports the draft's errors.
        state.actions.setRuleWarnings([]);
      }
    };
    loadPublishedRules(store.getState().workflow.id, controller.signal)
      .catch((error: unknown) => {
        if ((error as Error).name === 'AbortError') throw error;
        return []; // without the other workflows, the draft is still analysed on its own
      })
      .then((rules) => {
        published = rules;
        run();
      })
      .catch(() => undefined);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision === previous.revision) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    return () => {
      controller.abort();
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
