// The side panel's regression cases of the open workflow, from the server: list, run against the draft, delete.
import { useCallback, useEffect, useState } from 'react';
import { casesApi, type CaseResult } from '../api/cases-api.ts';
import { ApiRequestError } from '../api/http.ts';
import { useEditorState } from '../editor/store/use-editor.ts';
import { useCan } from '../access/session.ts';
import { CasesPanel, type CasesLoad } from './cases/CasesPanel.tsx';
import './simulation.css';

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : String(error));

export function CasesTab() {
  const workflowId = useEditorState((state) => state.workflow.id);
  // A saved draft changes what the cases decide: results are dropped when the draft's version moves.
  const draftVersion = useEditorState((state) => state.workflow.version);
  const [load, setLoad] = useState<CasesLoad>({ status: 'loading' });
  const [results, setResults] = useState<Record<string, CaseResult> | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const mayRun = useCan('simulate');
  const mayChange = useCan('workflows:edit');

  const refresh = useCallback(() => {
    let live = true;
    casesApi
      .list(workflowId)
      .then((cases) => live && setLoad({ status: 'ready', cases }))
      .catch((error: unknown) => live && setLoad({ status: 'error', message: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [workflowId]);
  useEffect(refresh, [refresh]);
  useEffect(() => setResults(null), [draftVersion]);

  const runAll = async () => {
    setRunning(true);
    setMessage(null);
    try {
      const ran = await casesApi.run(workflowId);
      setResults(Object.fromEntries(ran.map((result) => [result.caseId, result])));
    } catch (error) {
      setMessage(messageOf(error));
    } finally {
      setRunning(false);
    }
  };
  const remove = async (caseId: string) => {
    setMessage(null);
    try {
      await casesApi.remove(workflowId, caseId);
      refresh();
    } catch (error) {
      setMessage(messageOf(error));
    }
  };
  return (
    <>
      <CasesPanel
        load={load}
        results={results}
        running={running}
        message={message}
        {...(mayRun ? { onRunAll: () => void runAll() } : {})}
        {...(mayChange ? { onDelete: (caseId: string) => void remove(caseId) } : {})}
        onRetry={refresh}
      />
      <p className="help">Cases run against the saved draft; save your changes first to include them.</p>
    </>
  );
}
