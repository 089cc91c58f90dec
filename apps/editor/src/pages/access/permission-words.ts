// What a role may do, in one line derived from its permissions: "workflows: read, edit, publish · simulate".
import type { Permission } from '@mentionflow/engine';

/** Permissions grouped by what they concern, in the order given; `simulate` (no colon) stands alone. */
export function describePermissions(permissions: readonly Permission[]): string {
  const groups = new Map<string, string[]>();
  for (const permission of permissions) {
    const [subject, verb] = permission.split(':') as [string, string | undefined];
    const verbs = groups.get(subject) ?? [];
    if (verb) verbs.push(verb);
    groups.set(subject, verbs);
  }
  return [...groups].map(([subject, verbs]) => (verbs.length ? `${subject}: ${verbs.join(', ')}` : subject)).join(' · ');
}
