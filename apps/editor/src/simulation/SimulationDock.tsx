// The workbench docked below the canvas: the panel, connected to the server, with installed packs to choose from;
// the chosen mention's path is drawn on the canvas.
import { useEffect, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { packsApi } from '../api/packs-api.ts';
import { useEditorState, useEditorStoreApi } from '../editor/store/use-editor.ts';
import { serverConnection } from './server-connection.ts';
import { SimulationPanel } from './SimulationPanel.tsx';
import type { PackChoice } from './source/PackSource.tsx';
import { useSimulationStoreApi } from './store/use-simulation.ts';
import { usePathOnCanvas } from './use-path-on-canvas.ts';
import './simulation.css';

export function SimulationDock({ onChosen }: { onChosen: () => void }) {
  const editor = useEditorStoreApi();
  const store = useSimulationStoreApi();
  const workflowId = useEditorState((state) => state.workflow.id);
  const connection = serverConnection(editor);
  const [packs, setPacks] = useState<PackChoice[] | null>(null);
  const flow = useReactFlow();
  // The canvas just gave half its height to the workbench (and takes it back on close): fit the workflow again.
  useEffect(() => {
    const fit = () => requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }));
    fit();
    return () => void fit();
  }, [flow]);
  useEffect(() => {
    let live = true;
    packsApi
      .list()
      .then((list) => live && setPacks(list.map((pack) => ({ id: pack.id, name: pack.name, version: pack.version }))))
      .catch(() => live && setPacks([]));
    return () => {
      live = false;
    };
  }, []);
  usePathOnCanvas(store, editor, connection.onExplain, onChosen);
  return (
    <div className="simulation-dock">
      <SimulationPanel
        onRun={connection.onRun}
        packs={packs}
        fileStem={`${workflowId}-simulation`}
      />
    </div>
  );
}
