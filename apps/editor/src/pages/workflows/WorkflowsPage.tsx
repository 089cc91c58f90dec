// The workflows page: every workflow with its kind and status, search and a kind filter, and the ways to add one.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { workflowsApi, type WorkflowSummary } from '../../api/workflows-api.ts';
import { ApiRequestError } from '../../api/http.ts';
import { useCan } from '../../access/session.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/States.tsx';
import { WorkflowTable } from './WorkflowTable.tsx';

// Both dialogs need the engine (trigger defaults, pack checks): they load when first opened.
const NewWorkflowDialog = lazy(() => import('./NewWorkflowDialog.tsx'));
const PackImportDialog = lazy(() => import('./PackImportDialog.tsx'));

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; workflows: WorkflowSummary[] };

export function WorkflowsPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [dialog, setDialog] = useState<'new' | 'pack' | null>(null);
  const mayEdit = useCan('workflows:edit');
  const mayImport = useCan('packs:import');

  const refresh = useCallback(() => {
    const controller = new AbortController();
    workflowsApi
      .list(controller.signal)
      .then((workflows) => setLoad({ status: 'ready', workflows }))
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setLoad({ status: 'error', message: error instanceof ApiRequestError ? error.message : String(error) });
      });
    return () => controller.abort();
  }, []);
  useEffect(refresh, [refresh]);

  const workflows = load.status === 'ready' ? load.workflows : [];
  const kinds = useMemo(() => [...new Set(workflows.map((workflow) => workflow.kind))].sort(), [workflows]);
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return workflows.filter((workflow) => {
      if (kind && workflow.kind !== kind) return false;
      const haystack = `${workflow.name} ${workflow.id} ${workflow.description} ${workflow.packId ?? ''}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
  }, [workflows, query, kind]);

  return (
    <section className="page workflows-page" aria-labelledby="workflows-title">
      <header className="page-header">
        <h1 id="workflows-title">Workflows</h1>
        <div className="page-actions">
          {mayEdit && (
            <button type="button" className="primary" onClick={() => setDialog('new')}>
              New workflow
            </button>
          )}
          {mayImport && (
            <button type="button" onClick={() => setDialog('pack')}>
              Import a pack
            </button>
          )}
        </div>
      </header>
      <div className="filters" role="search">
        <label>
          Search
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="name, id, description or pack" />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value)}>
            <option value="">All kinds</option>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      {load.status === 'loading' && <Loading what="workflows" />}
      {load.status === 'error' && <ErrorState title="The workflows could not be loaded" message={load.message} onRetry={refresh} />}
      {load.status === 'ready' && workflows.length === 0 && (
        <EmptyState title="No workflows yet">
          {mayEdit || mayImport ? (
            <p>Start from a blank canvas with “New workflow”, or import a rule pack of good practice with “Import a pack”.</p>
          ) : (
            <p>Workflows appear here once an ops lead or an admin creates them.</p>
          )}
        </EmptyState>
      )}
      {load.status === 'ready' && workflows.length > 0 && shown.length === 0 && (
        <EmptyState title="No workflow matches">
          <p>
            Nothing matches {query ? `“${query}”` : 'this filter'}
            {kind ? ` among ${kind} workflows` : ''}.{' '}
            <button type="button" className="link-button" onClick={() => (setQuery(''), setKind(''))}>
              Clear the filters
            </button>
          </p>
        </EmptyState>
      )}
      {shown.length > 0 && <WorkflowTable workflows={shown} />}
      <Suspense fallback={null}>
        {dialog === 'new' && <NewWorkflowDialog onClose={() => setDialog(null)} takenIds={new Set(workflows.map((workflow) => workflow.id))} />}
        {dialog === 'pack' && <PackImportDialog onClose={() => setDialog(null)} onImported={refresh} />}
      </Suspense>
    </section>
  );
}
