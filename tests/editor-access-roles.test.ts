// What each role is offered in the editor: the pages in the navigation and where "home" is, derived from the
// engine's permissions; passwords the server will accept; a role's permissions in one line.
import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES } from '../packages/engine/src/index.ts';
import { homeFor, mayOpen, navFor } from '../apps/editor/src/app/navigation.ts';
import { looksLikeEmail, passwordProblem } from '../apps/editor/src/access/password-rules.ts';
import { roleName } from '../apps/editor/src/access/roles-text.ts';
import { describePermissions } from '../apps/editor/src/pages/access/permission-words.ts';
import { tokenStatus } from '../apps/editor/src/pages/access/token-status.ts';

const labels = (role: (typeof ROLES)[number]) => navFor(permissionsOf(role)).map((entry) => entry.label);

describe('navigation by role', () => {
  it('shows each role only the pages it may read', () => {
    expect(labels('admin')).toEqual(['Workflows', 'Queue', 'Insights', 'Settings', 'Users', 'API tokens', 'Audit']);
    expect(labels('ops_lead')).toEqual(['Workflows', 'Queue', 'Insights', 'Settings', 'Audit']);
    expect(labels('analyst')).toEqual(['Workflows', 'Queue', 'Insights', 'Settings']);
    expect(labels('agent')).toEqual(['Queue', 'Settings']);
    expect(labels('integration')).toEqual([]);
  });

  it('starts an agent at the queue and gives an integration no page', () => {
    expect(homeFor(permissionsOf('analyst'))).toBe('/');
    expect(homeFor(permissionsOf('agent'))).toBe('/queue');
    expect(homeFor(permissionsOf('integration'))).toBeNull();
    expect(mayOpen('editor', permissionsOf('agent'))).toBe(false);
    expect(mayOpen('not-found', [])).toBe(true);
  });
});

describe('words', () => {
  it('accepts passwords of 12 to 256 characters, typed twice the same', () => {
    expect(passwordProblem('short')).toBe('Use at least 12 characters (5 so far).');
    expect(passwordProblem('x'.repeat(257))).toBe('Use at most 256 characters.');
    expect(passwordProblem('correct horse battery', 'correct horse')).toBe('The two passwords differ.');
    expect(passwordProblem('correct horse battery', 'correct horse battery')).toBeNull();
    expect(looksLikeEmail(' lea@example.test ')).toBe(true);
    expect(looksLikeEmail('lea@example')).toBe(false);
  });

  it('says what a role may do, grouped by what it concerns', () => {
    expect(describePermissions(permissionsOf('analyst'))).toBe(
      'mentions: read · workflows: read · packs: read · settings: read · templates: read · queue: read · agents: read · incidents: read · insights: read · simulate',
    );
    expect(roleName('ops_lead')).toBe('ops lead');
  });

  it('tells an active token from an expired or revoked one', () => {
    const now = Date.parse('2026-03-02T12:00:00.000Z');
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: '2026-03-02T11:59:59.000Z' }, now)).toBe('expired');
    expect(tokenStatus({ revokedAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-01-01T00:00:00.000Z' }, now)).toBe('revoked');
  });
});
