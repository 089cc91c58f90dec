// Which page needs which permission, and the main navigation built from it: a role sees only the pages it may read.
import type { Permission } from '@mentionflow/engine';
import type { Route } from './router.ts';

/** null: open to everyone signed in (or to anyone, for the public pages). */
export const PAGE_PERMISSIONS = {
  workflows: 'workflows:read',
  editor: 'workflows:read',
  queue: 'queue:read',
  insights: 'insights:read',
  settings: 'settings:read',
  users: 'users:manage',
  tokens: 'tokens:manage',
  audit: 'audit:read',
  'sign-in': null,
  setup: null,
  'not-found': null,
} satisfies Record<Route['page'], Permission | null>;

export interface NavEntry {
  readonly href: string;
  readonly label: string;
  /** The pages this entry is current for. */
  readonly pages: readonly Route['page'][];
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { href: '/', label: 'Workflows', pages: ['workflows', 'editor'] },
  { href: '/queue', label: 'Queue', pages: ['queue'] },
  { href: '/insights', label: 'Insights', pages: ['insights'] },
  { href: '/settings', label: 'Settings', pages: ['settings'] },
  { href: '/users', label: 'Users', pages: ['users'] },
  { href: '/tokens', label: 'API tokens', pages: ['tokens'] },
  { href: '/audit', label: 'Audit', pages: ['audit'] },
];

export function mayOpen(page: Route['page'], permissions: readonly Permission[]): boolean {
  const needed = PAGE_PERMISSIONS[page];
  return needed === null || permissions.includes(needed);
}

/** The entries a person with these permissions may open. */
export function navFor(permissions: readonly Permission[]): readonly NavEntry[] {
  return NAV_ENTRIES.filter((entry) => mayOpen(entry.pages[0]!, permissions));
}

/** Where “home” is for a role: the workflows when it may read them, else its first page (an agent's queue); null when none. */
export function homeFor(permissions: readonly Permission[]): string | null {
  return navFor(permissions)[0]?.href ?? null;
}
