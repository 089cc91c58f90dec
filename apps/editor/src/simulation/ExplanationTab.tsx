// The side panel's explanation of the chosen mention, connected to the server (retrying an explanation, saving a case).
import { useEditorState, useEditorStoreApi } from '../editor/store/use-editor.ts';
import { loadExplanation } from './explain-row.ts';
import { ExplanationPanel } from './explain/ExplanationPanel.tsx';
import { serverConnection } from './server-connection.ts';
import { useSimulationStoreApi } from './store/use-simulation.ts';
import './simulation.css';

export function ExplanationTab() {
  const editor = useEditorStoreApi();
  const store = useSimulationStoreApi();
  const workflowId = useEditorState((state) => state.workflow.id);
  const connection = serverConnection(editor);
  return (
    <ExplanationPanel
      workflowId={workflowId}
      onRetry={(index) => void loadExplanation(store, connection.onExplain, index)}
      onSaveCase={async (row, input) => {
        const request = store.getState().request;
        if (request) await connection.saveCase(row, request, input);
      }}
    />
  );
}
