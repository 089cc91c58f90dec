// Provides one editor store per open workflow: a new workflow gets a new store, never a reset shared one.
import { createContext, useState, type ReactNode } from 'react';
import type { WorkflowDetail } from '../../api/workflows-api.ts';
import { createEditorStore, type EditorStore } from './editor-store.ts';

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** `viewOnly` for people who may read workflows but not edit them. */
export function EditorStoreProvider({ detail, parameters, viewOnly = false, children }: { detail: WorkflowDetail; parameters: Record<string, unknown>; viewOnly?: boolean; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(detail, parameters, Date.now, { viewOnly }));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}
