// The shell: navigation, the user's name, and the page for the current URL (pages load lazily).
import { lazy, Suspense, useEffect } from 'react';
import { Link } from './Link.tsx';
import { parseRoute, useLocationPath } from './router.ts';
import { UserNameControl } from './UserNameControl.tsx';
import { Loading } from '../ui/States.tsx';
import { WorkflowsPage } from '../pages/workflows/WorkflowsPage.tsx';

// The canvas (xyflow, layout, the engine's compiler) and the other pages load only when opened.
const EditorPage = lazy(() => import('../editor/EditorPage.tsx'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage.tsx'));
const QueuePage = lazy(() => import('../pages/queue/QueuePage.tsx'));
// The dashboard brings the chart library: only this page loads it.
const InsightsPage = lazy(() => import('../insights/InsightsPage.tsx'));

const TITLES: Record<ReturnType<typeof parseRoute>['page'], string> = {
  workflows: 'Workflows',
  editor: 'Workflow editor',
  settings: 'Settings',
  queue: 'Queue',
  insights: 'Insights',
  'not-found': 'Not found',
};

export function App() {
  const route = parseRoute(useLocationPath());
  const current = (page: string) => (route.page === page ? 'page' : undefined);
  useEffect(() => {
    document.title = `${TITLES[route.page]} · Mentionflow`;
  }, [route.page]);
  return (
    <div className={`app app-${route.page}`}>
      <header className="app-header">
        <Link href="/" className="brand">
          Mentionflow
        </Link>
        <nav aria-label="Main">
          <Link href="/" aria-current={current('workflows') ?? current('editor')}>
            Workflows
          </Link>
          <Link href="/queue" aria-current={current('queue')}>
            Queue
          </Link>
          <Link href="/insights" aria-current={current('insights')}>
            Insights
          </Link>
          <Link href="/settings" aria-current={current('settings')}>
            Settings
          </Link>
        </nav>
        <UserNameControl />
      </header>
      <main className="app-main">
        <Suspense fallback={<Loading what="the page" />}>
          {route.page === 'workflows' && <WorkflowsPage />}
          {route.page === 'editor' && <EditorPage key={route.workflowId} workflowId={route.workflowId} simulate={route.simulate} />}
          {route.page === 'settings' && <SettingsPage />}
          {route.page === 'queue' && <QueuePage />}
          {route.page === 'insights' && <InsightsPage />}
          {route.page === 'not-found' && (
            <section className="page">
              <h1>Page not found</h1>
              <p>
                There is nothing at <code>{route.path}</code>. <Link href="/">Back to the workflows</Link>
              </p>
            </section>
          )}
        </Suspense>
      </main>
    </div>
  );
}
