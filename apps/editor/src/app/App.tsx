// The shell: who is signed in, the pages their role may open, and the page for the current URL (pages load lazily).
// Signed out, every page but sign-in and setup sends you to sign in, and back afterwards.
import { lazy, Suspense, useEffect } from 'react';
import { Link } from './Link.tsx';
import { mayOpen, homeFor, navFor } from './navigation.ts';
import { navigate, parseRoute, PUBLIC_PAGES, useLocationPath, type Route } from './router.ts';
import { signInPath } from '../access/return-path.ts';
import { checkSession } from '../access/session-actions.ts';
import { useSessionState, type Session } from '../access/session.ts';
import { UserMenu } from '../access/UserMenu.tsx';
import { roleName } from '../access/roles-text.ts';
import { ErrorState, Loading } from '../ui/States.tsx';
import { WorkflowsPage } from '../pages/workflows/WorkflowsPage.tsx';
import { SignInPage } from '../pages/access/SignInPage.tsx';
import { SetupPage } from '../pages/access/SetupPage.tsx';

// The canvas (xyflow, layout, the engine's compiler) and the other pages load only when opened.
const EditorPage = lazy(() => import('../editor/EditorPage.tsx'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage.tsx'));
const QueuePage = lazy(() => import('../pages/queue/QueuePage.tsx'));
// The dashboard brings the chart library: only this page loads it.
const InsightsPage = lazy(() => import('../insights/InsightsPage.tsx'));
const UsersPage = lazy(() => import('../pages/access/UsersPage.tsx'));
const TokensPage = lazy(() => import('../pages/access/TokensPage.tsx'));
const AuditPage = lazy(() => import('../pages/access/AuditPage.tsx'));

const TITLES: Record<Route['page'], string> = {
  workflows: 'Workflows',
  editor: 'Workflow editor',
  settings: 'Settings',
  queue: 'Queue',
  insights: 'Insights',
  users: 'Users',
  tokens: 'API tokens',
  audit: 'Audit log',
  'sign-in': 'Sign in',
  setup: 'Setup',
  'not-found': 'Not found',
};

export function App() {
  const route = parseRoute(useLocationPath());
  const state = useSessionState();
  useEffect(() => void checkSession(), []);
  useEffect(() => {
    document.title = `${TITLES[route.page]} · Mentionflow`;
  }, [route.page]);
  const signedOut = state.status === 'signed-out' && !PUBLIC_PAGES.has(route.page);
  useEffect(() => {
    if (signedOut) navigate(signInPath(location.pathname + location.search), { replace: true });
  }, [signedOut]);

  if (route.page === 'sign-in') return <SignInPage />;
  if (route.page === 'setup') return <SetupPage />;
  if (state.status === 'signed-in' || state.status === 'expired') return <SignedInShell route={route} session={state.session} expired={state.status === 'expired'} />;
  if (state.status === 'unreachable') {
    return (
      <section className="page">
        <ErrorState title="Mentionflow cannot be reached" message={state.message} onRetry={() => void checkSession()} />
      </section>
    );
  }
  return <Loading what={state.status === 'checking' ? 'your session' : 'the sign-in page'} />;
}

function SignedInShell({ route, session, expired }: { route: Route; session: Session; expired: boolean }) {
  const { permissions } = session;
  const home = homeFor(permissions);
  const allowed = mayOpen(route.page, permissions);
  // The home page of a role without workflows (an agent) is its first page.
  const elsewhere = route.page === 'workflows' && !allowed && home !== null && home !== '/';
  useEffect(() => {
    if (elsewhere && home) navigate(home, { replace: true });
  }, [elsewhere, home]);
  const current = (pages: readonly Route['page'][]) => (pages.includes(route.page) ? 'page' : undefined);

  return (
    <div className={`app app-${route.page}`}>
      <header className="app-header">
        <Link href={home ?? '/'} className="brand">
          Mentionflow
        </Link>
        <nav aria-label="Main">
          {navFor(permissions).map((entry) => (
            <Link key={entry.href} href={entry.href} aria-current={current(entry.pages)}>
              {entry.label}
            </Link>
          ))}
        </nav>
        <UserMenu session={session} expired={expired} />
      </header>
      <main className="app-main">
        <Suspense fallback={<Loading what="the page" />}>
          {!allowed ? (
            elsewhere ? null : <NotAllowed page={TITLES[route.page]} role={session.user.role} home={home} />
          ) : (
            <>
              {route.page === 'workflows' && <WorkflowsPage />}
              {route.page === 'editor' && <EditorPage key={route.workflowId} workflowId={route.workflowId} simulate={route.simulate} />}
              {route.page === 'settings' && <SettingsPage />}
              {route.page === 'queue' && <QueuePage />}
              {route.page === 'insights' && <InsightsPage />}
              {route.page === 'users' && <UsersPage />}
              {route.page === 'tokens' && <TokensPage />}
              {route.page === 'audit' && <AuditPage />}
              {route.page === 'not-found' && (
                <section className="page">
                  <h1>Page not found</h1>
                  <p>
                    There is nothing at <code>{route.path}</code>. <Link href={home ?? '/'}>Back to the start</Link>
                  </p>
                </section>
              )}
            </>
          )}
        </Suspense>
      </main>
    </div>
  );
}

function NotAllowed({ page, role, home }: { page: string; role: string; home: string | null }) {
  return (
    <section className="page">
      <ErrorState title={`${page}: not for your role`} message={`Your role (${roleName(role)}) cannot open this page. Ask an admin if you need it.`} />
      {home && (
        <p>
          <Link href={home}>Back to the start</Link>
        </p>
      )}
      {!home && <p className="muted">Your role has no pages in the editor: it is meant for the API.</p>}
    </section>
  );
}
