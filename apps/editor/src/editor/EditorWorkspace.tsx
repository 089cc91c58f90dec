// The editor's layout: toolbar; palette | canvas with problems below | inspector or history; and its dialogs.
import { useEffect, useState } from 'react';
import { setLeaveGuard } from '../app/router.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { Palette } from './canvas/Palette.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { CanvasBanners } from './panels/CanvasBanners.tsx';
import { HelpPanel } from './panels/HelpPanel.tsx';
import { HistoryPanel } from './panels/HistoryPanel.tsx';
import { ProblemsPanel } from './panels/ProblemsPanel.tsx';
import { PublishDialog } from './panels/PublishDialog.tsx';
import { Toolbar } from './panels/Toolbar.tsx';
import { useEditorStoreApi } from './store/use-editor.ts';
import { useLiveValidation } from './use-live-validation.ts';
import { useShortcuts } from './use-shortcuts.ts';

type Tab = 'inspector' | 'history';

export function EditorWorkspace() {
  const store = useEditorStoreApi();
  const [tab, setTab] = useState<Tab>('inspector');
  const [problemsOpen, setProblemsOpen] = useState(true);
  const [publishing, setPublishing] = useState(false);
  useLiveValidation();
  useShortcuts();
  useUnsavedGuard();

  // Choosing a node (on the canvas or in the problems list) brings the inspector forward.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.nodes !== previous.nodes && state.nodes.some((node, index) => node.selected && !previous.nodes[index]?.selected)) setTab('inspector');
      }),
    [store],
  );

  return (
    <div className="editor">
      <Toolbar onPublish={() => setPublishing(true)} onShowProblems={() => setProblemsOpen(true)} />
      <div className="editor-body">
        <Palette />
        <div className="canvas-column">
          <CanvasBanners />
          <Canvas />
          <ProblemsPanel open={problemsOpen} onToggle={() => setProblemsOpen(!problemsOpen)} />
        </div>
        <aside className="side-panel" aria-label="Details">
          <div role="tablist" aria-label="Side panel" className="tabs">
            {(['inspector', 'history'] as const).map((value) => (
              <button key={value} type="button" role="tab" id={`tab-${value}`} aria-selected={tab === value} aria-controls={`panel-${value}`} onClick={() => setTab(value)}>
                {value === 'inspector' ? 'Inspector' : 'History'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === 'inspector' ? <Inspector /> : <HistoryPanel />}
          </div>
        </aside>
      </div>
      <HelpPanel />
      {publishing && <PublishDialog onClose={() => setPublishing(false)} />}
    </div>
  );
}

/** Leaving with unsaved changes asks first: inside the app and when closing the tab. */
function useUnsavedGuard(): void {
  const store = useEditorStoreApi();
  useEffect(() => {
    const dirty = () => {
      const state = store.getState();
      return state.revision !== state.savedRevision;
    };
    setLeaveGuard(() => !dirty() || window.confirm('This workflow has unsaved changes. Leave without saving?'));
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [store]);
}
