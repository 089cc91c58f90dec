// Who may do what: the five roles and the permissions each grants. Declared once; the server checks every route
// against it and the editor hides what a role may not do.
import { z } from 'zod';

export const PERMISSIONS = [
  'mentions:ingest',
  'mentions:read',
  'mentions:import',
  'workflows:read',
  'workflows:edit',
  'workflows:publish',
  'packs:read',
  'packs:import',
  'settings:read',
  'settings:edit',
  'templates:read',
  'templates:edit',
  'simulate',
  'queue:read',
  'queue:work',
  'queue:assign',
  'empowerment:check',
  'approvals:decide',
  'agents:read',
  'agents:manage',
  'incidents:read',
  'incidents:manage',
  'insights:read',
  'webhooks:manage',
  'channels:manage',
  'users:manage',
  'tokens:manage',
  'audit:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'ops_lead', 'analyst', 'agent', 'integration'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const READ_POLICIES: Permission[] = ['mentions:read', 'workflows:read', 'packs:read', 'settings:read', 'templates:read', 'queue:read', 'agents:read', 'incidents:read', 'insights:read'];

const GRANTS: Record<Role, readonly Permission[]> = {
  /** Users, tokens, settings, channels, webhooks, historical imports — and everything the other roles may do. */
  admin: PERMISSIONS,
  /** Edits and publishes workflows, imports packs, approves notices and empowerment requests, reads the audit trail. */
  ops_lead: [...READ_POLICIES, 'workflows:edit', 'workflows:publish', 'packs:import', 'templates:edit', 'simulate', 'queue:assign', 'agents:manage', 'incidents:manage', 'empowerment:check', 'approvals:decide', 'audit:read'],
  /** Reads everything about policies and outcomes, and simulates. */
  analyst: [...READ_POLICIES, 'simulate'],
  /** Works the queue: claims, replies, empowerment checks and the approvals their empowerment role allows. */
  agent: ['mentions:read', 'settings:read', 'templates:read', 'queue:read', 'queue:work', 'agents:read', 'incidents:read', 'empowerment:check', 'approvals:decide'],
  /** Pushes mentions in, nothing else. */
  integration: ['mentions:ingest'],
};

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', ops_lead: 'Operations lead', analyst: 'Analyst', agent: 'Agent', integration: 'Integration' };

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
