// A small history-API router: the server answers every path with index.html, so links are real URLs.
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'workflows' }
  | { readonly page: 'editor'; readonly workflowId: string; readonly simulate: boolean }
  | { readonly page: 'settings' }
  | { readonly page: 'queue' }
  | { readonly page: 'insights' }
  | { readonly page: 'users' }
  | { readonly page: 'tokens' }
  | { readonly page: 'audit' }
  | { readonly page: 'sign-in' }
  | { readonly page: 'setup' }
  | { readonly page: 'not-found'; readonly path: string };

/** Pages anyone may open, signed in or not. */
export const PUBLIC_PAGES: ReadonlySet<Route['page']> = new Set(['sign-in', 'setup']);

const FIXED: Readonly<Record<string, Route>> = {
  '/settings': { page: 'settings' },
  '/queue': { page: 'queue' },
  '/insights': { page: 'insights' },
  '/users': { page: 'users' },
  '/tokens': { page: 'tokens' },
  '/audit': { page: 'audit' },
  '/login': { page: 'sign-in' },
  '/setup': { page: 'setup' },
};

export function parseRoute(path: string): Route {
  if (path === '/' || path === '/workflows' || path === '') return { page: 'workflows' };
  const editor = /^\/workflows\/([^/]+)(\/simulate)?\/?$/.exec(path);
  if (editor) return { page: 'editor', workflowId: decodeURIComponent(editor[1]!), simulate: editor[2] !== undefined };
  return FIXED[path] ?? { page: 'not-found', path };
}

const listeners = new Set<() => void>();
/** Asked before leaving a page with unsaved work (given where to); returns false to stay. */
let leaveGuard: ((path: string) => boolean) | null = null;

export function setLeaveGuard(guard: ((path: string) => boolean) | null): void {
  leaveGuard = guard;
}

/** Whether leaving for `path` is fine (asking about unsaved work if need be), for callers that act before navigating. */
export function mayLeaveFor(path: string): boolean {
  return !leaveGuard || leaveGuard(path);
}

/** Goes to `path` unless the page's leave guard says to stay; `confirmed` when the caller already asked (`mayLeaveFor`). */
export function navigate(path: string, options: { replace?: boolean; confirmed?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (!options.confirmed && !mayLeaveFor(path)) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function workflowPath(id: string): string {
  return `/workflows/${encodeURIComponent(id)}`;
}

/** The canvas with the simulation workbench open below it. */
export function simulatePath(id: string): string {
  return `${workflowPath(id)}/simulate`;
}
