// The canvas's keyboard shortcuts (listed in shortcuts.ts). Typing in a form field keeps its own keys:
// only Ctrl/⌘+S works everywhere.
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStoreApi } from './store/use-editor.ts';
import { isReadOnly } from './store/editor-store.ts';
import { saveDraft } from './workflow-commands.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(): void {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  useEffect(() => {
    const fit = () => requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }));
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      const { actions, diffView, helpOpen } = state;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        if (!state.viewOnly) void saveDraft(store);
        return;
      }
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (event.key === '?') return run(() => actions.setHelpOpen(!helpOpen));
      if (event.key === 'Escape') return run(() => (helpOpen ? actions.setHelpOpen(false) : diffView ? actions.setDiffView(null) : actions.selectNode(null)));
      if (!mod && key === 'f') return run(fit);
      if (isReadOnly(state)) return; // a comparison, or a role that may only look
      if (mod && key === 'z' && !event.shiftKey) return run(actions.undo);
      if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) return run(actions.redo);
      if (mod && key === 'c' && !window.getSelection()?.toString()) return run(() => void actions.copy());
      if (mod && key === 'v') return run(() => void actions.paste());
      if (mod && key === 'd') return run(() => actions.copy() && actions.paste());
      if (mod && key === 'a') return run(actions.selectAll);
      if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) return run(actions.deleteSelection);
      if (!mod && !event.altKey && key === 'l') return run(() => (actions.layout(), fit()));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, flow]);
}
