// Selector hooks over the editor store: state through `useShallow` (re-render only when the picked values change),
// actions as one stable object.
import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { EditorStoreContext } from './EditorStoreProvider.tsx';
import type { EditorActions, EditorState, EditorStore } from './editor-store.ts';

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditor… hooks must be used inside <EditorStoreProvider>');
  return store;
}

/** e.g. `const { nodes, edges } = useEditorState((s) => ({ nodes: s.nodes, edges: s.edges }))`. */
export function useEditorState<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), useShallow(selector));
}

export function useEditorActions(): EditorActions {
  return useStore(useEditorStoreApi(), (state) => state.actions);
}
