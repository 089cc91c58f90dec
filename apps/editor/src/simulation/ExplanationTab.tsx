// The side panel's explanation of the chosen mention, connected to the server (retrying an explanation, saving a case).
import { useEditorState, useEditorStoreApi } from '../editor/store/use-editor.ts';
import { useCan } from '../access/session.ts';
import { loadExplanation } from './explain-row.ts';
import { ExplanationPanel } from './explain/ExplanationPanel.tsx';
import { serverConnection } from './server-connection.ts';
import { useSimulationStoreApi } from './store/use-simulation.ts';
import type { CompareRow } from './compare-types.ts';
import type { SaveCaseInput } from './cases/SaveCaseDialog.tsx';
import './simulation.css';

export function ExplanationTab() {
  const editor = useEditorStoreApi();
  const store = useSimulationStoreApi();
  const workflowId = useEditorState((state) => state.workflow.id);
  const connection = serverConnection(editor);
  const mayChangeCases = useCan('workflows:edit');
  return (
    <ExplanationPanel
      workflowId={workflowId}
      onRetry={(index) => void loadExplanation(store, connection.onExplain, index)}
      {...(mayChangeCases
        ? {
            onSaveCase: async (row: CompareRow, input: SaveCaseInput) => {
              const request = store.getState().request;
              if (request) await connection.saveCase(row, request, input);
            },
          }
        : {})}
    />
  );
}
