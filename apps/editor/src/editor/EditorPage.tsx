// The canvas page (loaded lazily): fetches the workflow, and its pack's parameters for pack workflows, then opens
// an editor store for it.
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { workflowsApi, type WorkflowDetail } from '../api/workflows-api.ts';
import { packsApi } from '../api/packs-api.ts';
import { ApiRequestError } from '../api/http.ts';
import { Link } from '../app/Link.tsx';
import { useCan } from '../access/session.ts';
import { ErrorState, Loading } from '../ui/States.tsx';
import { EditorStoreProvider } from './store/EditorStoreProvider.tsx';
import { EditorWorkspace } from './EditorWorkspace.tsx';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string; notFound: boolean }
  | { status: 'ready'; detail: WorkflowDetail; parameters: Record<string, unknown> };

export default function EditorPage({ workflowId, simulate = false }: { workflowId: string; simulate?: boolean }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const mayEdit = useCan('workflows:edit');
  const maySimulate = useCan('simulate');

  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    (async () => {
      const detail = await workflowsApi.get(workflowId);
      // Pack workflows refer to parameters; without their values validation would report every one as missing.
      const parameters = detail.packId ? await packsApi.get(detail.packId).then((pack) => pack.parameters).catch(() => ({})) : {};
      if (live) setLoad({ status: 'ready', detail, parameters });
    })().catch((error: unknown) => {
      if (!live) return;
      const notFound = error instanceof ApiRequestError && error.status === 404;
      setLoad({ status: 'error', notFound, message: error instanceof ApiRequestError ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [workflowId, attempt]);

  if (load.status === 'loading') return <Loading what="the workflow" />;
  if (load.status === 'error') {
    return (
      <section className="page">
        <ErrorState title={load.notFound ? 'No such workflow' : 'The workflow could not be loaded'} message={load.message} {...(load.notFound ? {} : { onRetry: () => setAttempt(attempt + 1) })} />
        <p>
          <Link href="/">Back to the workflows</Link>
        </p>
      </section>
    );
  }
  return (
    <EditorStoreProvider detail={load.detail} parameters={load.parameters} viewOnly={!mayEdit}>
      <ReactFlowProvider>
        <EditorWorkspace simulate={simulate && maySimulate} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}
