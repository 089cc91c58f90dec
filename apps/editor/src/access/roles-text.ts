// A role as the shell shows it ("ops lead"). The engine's ROLE_LABELS are the proper names, used by the users and
// tokens pages; importing them here would put the whole engine chunk (~550 KB gzip) on every first page load.
import type { Role } from '@mentionflow/engine';

/** `ops_lead` → "ops lead"; an unknown role (a newer server) reads the same way. */
export function roleName(role: Role | string): string {
  return role.replaceAll('_', ' ');
}
