// The editor's layout: toolbar; palette | canvas with problems below | inspector or history; and its dialogs.
// On /workflows/:id/simulate the simulation workbench docks below the canvas, with its explanation and cases tabs.
import { useEffect, useState } from 'react';
import { parseRoute, setLeaveGuard } from '../app/router.ts';
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
import { useRuleWarnings } from '../insights/canvas/use-rule-warnings.ts';
import { SimulationStoreProvider } from '../simulation/store/SimulationStoreProvider.tsx';
import { SimulationDock } from '../simulation/SimulationDock.tsx';
import { ExplanationTab } from '../simulation/ExplanationTab.tsx';
import { CasesTab } from '../simulation/CasesTab.tsx';

type Tab = 'inspector' | 'history' | 'explanation' | 'cases';

const TAB_LABELS: Record<Tab, string> = { inspector: 'Inspector', history: 'History', explanation: 'Explanation', cases: 'Cases' };

export function EditorWorkspace({ simulate = false }: { simulate?: boolean }) {
  const store = useEditorStoreApi();
  const [chosenTab, setTab] = useState<Tab>('inspector');
  const tabs: readonly Tab[] = simulate ? ['inspector', 'history', 'explanation', 'cases'] : ['inspector', 'history'];
  const tab = tabs.includes(chosenTab) ? chosenTab : 'inspector';
  const [problemsOpen, setProblemsOpen] = useState(true);
  const [publishing, setPublishing] = useState(false);
  useLiveValidation();
  useRuleWarnings();
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
    <SimulationStoreProvider>
      <div className="editor">
        <Toolbar onPublish={() => setPublishing(true)} onShowProblems={() => setProblemsOpen(true)} simulating={simulate} />
        <div className="editor-body">
          <Palette />
          <div className={simulate ? 'canvas-column with-simulation' : 'canvas-column'}>
            <CanvasBanners />
            <Canvas />
            {simulate && <SimulationDock onChosen={() => setTab('explanation')} />}
            <ProblemsPanel open={problemsOpen} onToggle={() => setProblemsOpen(!problemsOpen)} />
          </div>
          <aside className="side-panel" aria-label="Details">
            <div role="tablist" aria-label="Side panel" className="tabs">
              {tabs.map((value) => (
                <button key={value} type="button" role="tab" id={`tab-${value}`} aria-selected={tab === value} aria-controls={`panel-${value}`} onClick={() => setTab(value)}>
                  {TAB_LABELS[value]}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
              {tab === 'inspector' && <Inspector />}
              {tab === 'history' && <HistoryPanel />}
              {tab === 'explanation' && <ExplanationTab />}
              {tab === 'cases' && <CasesTab />}
            </div>
          </aside>
        </div>
        <HelpPanel />
        {publishing && <PublishDialog onClose={() => setPublishing(false)} />}
      </div>
    </SimulationStoreProvider>
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
    // Opening or closing the simulation stays on this workflow: nothing is left.
    const stays = (path: string) => {
      const route = parseRoute(path.split('?')[0]!);
      return route.page === 'editor' && route.workflowId === store.getState().workflow.id;
    };
    setLeaveGuard((path) => stays(path) || !dirty() || window.confirm('This workflow has unsaved changes. Leave without saving?'));
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
