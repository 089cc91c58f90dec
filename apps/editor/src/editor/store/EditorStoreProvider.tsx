// Provides one editor store per open workflow: a new workflow gets a new store, never a reset shared one.
import { createContext, useState, type ReactNode } from 'react';
import type { WorkflowDetail } from '../../api/workflows-api.ts';
import { createEditorStore, type EditorStore } from './editor-store.ts';

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ detail, parameters, children }: { detail: WorkflowDetail; parameters: Record<string, unknown>; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(detail, parameters));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}
