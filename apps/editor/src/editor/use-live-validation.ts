// Validation as you type: the engine's compiler runs in the browser a moment after each change, exactly as the
// server will run it when publishing (with the pack's parameters for pack workflows).
import { useEffect } from 'react';
import { compileWorkflow } from '@mentionflow/engine';
import { graphOf, type EditorState } from './store/editor-store.ts';
import { useEditorStoreApi } from './store/use-editor.ts';

const DEBOUNCE_MS = 250;

export function validate(state: EditorState) {
  const { workflow } = state;
  const result = compileWorkflow(
    { id: workflow.id, name: workflow.name.trim() || workflow.id, kind: workflow.kind, description: workflow.description, graph: graphOf(state) },
    { parameters: state.parameters },
  );
  return result.problems;
}

export function useLiveValidation(): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const state = store.getState();
      state.actions.setProblems(validate(state), state.revision);
    };
    run();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision === previous.revision) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
