// A small history-API router: the server answers every path with index.html, so links are real URLs.
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'workflows' }
  | { readonly page: 'editor'; readonly workflowId: string; readonly simulate: boolean }
  | { readonly page: 'settings' }
  | { readonly page: 'queue' }
  | { readonly page: 'insights' }
  | { readonly page: 'not-found'; readonly path: string };

export function parseRoute(path: string): Route {
  if (path === '/' || path === '/workflows' || path === '') return { page: 'workflows' };
  const editor = /^\/workflows\/([^/]+)(\/simulate)?\/?$/.exec(path);
  if (editor) return { page: 'editor', workflowId: decodeURIComponent(editor[1]!), simulate: editor[2] !== undefined };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/queue') return { page: 'queue' };
  if (path === '/insights') return { page: 'insights' };
  return { page: 'not-found', path };
}

const listeners = new Set<() => void>();
/** Asked before leaving a page with unsaved work (given where to); returns false to stay. */
let leaveGuard: ((path: string) => boolean) | null = null;

export function setLeaveGuard(guard: ((path: string) => boolean) | null): void {
  leaveGuard = guard;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (leaveGuard && !leaveGuard(path)) return;
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
