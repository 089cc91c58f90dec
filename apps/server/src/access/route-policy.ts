// Every API route and what it takes to call it: `public`, `signed_in` (any user or token), or one permission.
// One table, read by the guard on every request and walked by the role × route test; a route missing from it is
// refused (404), so nothing becomes reachable by accident.
import type { Permission } from '@mentionflow/engine';

export type RouteAccess = 'public' | 'signed_in' | Permission;

export const ROUTE_POLICY: Readonly<Record<string, RouteAccess>> = {
  // Service and reference
  'GET /api/health': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/:asset': 'public',
  'GET /api/openapi.json': 'public',
  // Signing in
  'POST /api/auth/login': 'public',
  'GET /api/auth/setup': 'public',
  'POST /api/auth/setup': 'public',
  'GET /api/auth/session': 'signed_in',
  'POST /api/auth/logout': 'signed_in',
  'POST /api/auth/password': 'signed_in',
  // People, tokens and the audit trail
  'GET /api/users': 'users:manage',
  'POST /api/users': 'users:manage',
  'PATCH /api/users/:id': 'users:manage',
  'GET /api/tokens': 'tokens:manage',
  'POST /api/tokens': 'tokens:manage',
  'DELETE /api/tokens/:id': 'tokens:manage',
  'GET /api/audit': 'audit:read',
  // Mentions in: platform webhooks prove themselves with signatures, not tokens
  'POST /api/mentions': 'mentions:ingest',
  'GET /api/mentions/:id': 'mentions:read',
  'POST /api/mentions/import': 'mentions:import',
  'GET /api/webhooks/x': 'public',
  'POST /api/webhooks/x': 'public',
  'GET /api/webhooks/meta': 'public',
  'POST /api/webhooks/meta': 'public',
  'GET /api/imports/sources': 'mentions:import',
  'GET /api/imports/sources/:name': 'mentions:import',
  'PUT /api/imports/sources/:name': 'mentions:import',
  'GET /api/channels/credentials': 'channels:manage',
  'PUT /api/channels/credentials': 'channels:manage',
  // Policies
  'GET /api/settings': 'settings:read',
  'PUT /api/settings': 'settings:edit',
  'GET /api/workflows': 'workflows:read',
  'POST /api/workflows': 'workflows:edit',
  'GET /api/workflows/:id': 'workflows:read',
  'PUT /api/workflows/:id': 'workflows:edit',
  'POST /api/workflows/:id/validate': 'workflows:read',
  'GET /api/workflows/:id/versions': 'workflows:read',
  'GET /api/workflows/:id/versions/:version': 'workflows:read',
  'GET /api/workflows/:id/diff': 'workflows:read',
  'POST /api/workflows/:id/publish': 'workflows:publish',
  'POST /api/workflows/:id/rollback': 'workflows:publish',
  'GET /api/workflows/:id/cases': 'workflows:read',
  'POST /api/workflows/:id/cases': 'workflows:edit',
  'DELETE /api/workflows/:id/cases/:caseId': 'workflows:edit',
  'POST /api/workflows/:id/cases/run': 'simulate',
  'GET /api/packs': 'packs:read',
  'GET /api/packs/:id': 'packs:read',
  'GET /api/packs/:id/export': 'packs:read',
  'POST /api/packs/preview': 'packs:import',
  'POST /api/packs/import': 'packs:import',
  'PUT /api/packs/:id/parameters': 'packs:import',
  'GET /api/templates': 'templates:read',
  'GET /api/templates/:id': 'templates:read',
  'PUT /api/templates/:id': 'templates:edit',
  'DELETE /api/templates/:id': 'templates:edit',
  'POST /api/templates/:id/preview': 'templates:read',
  'POST /api/simulate': 'simulate',
  'POST /api/simulate/compare': 'simulate',
  'POST /api/simulate/explain': 'simulate',
  // The queue
  'GET /api/queue': 'queue:read',
  'POST /api/queue/assign': 'queue:assign',
  'GET /api/tickets/:id': 'queue:read',
  'GET /api/tickets/:id/replies': 'queue:read',
  'POST /api/tickets/:id/claim': 'queue:work',
  'POST /api/tickets/:id/release': 'queue:work',
  'POST /api/tickets/:id/replies': 'queue:work',
  'POST /api/tickets/:id/resolve': 'queue:work',
  'POST /api/tickets/:id/reopen': 'queue:work',
  'POST /api/tickets/:id/rating': 'queue:work',
  'GET /api/agents': 'agents:read',
  'GET /api/agents/:id': 'agents:read',
  'POST /api/agents': 'agents:manage',
  'PATCH /api/agents/:id': 'agents:manage',
  'POST /api/empowerment/check': 'empowerment:check',
  'GET /api/empowerment/approvals': 'empowerment:check',
  'GET /api/empowerment/approvals/:id': 'empowerment:check',
  'POST /api/empowerment/approvals': 'empowerment:check',
  'POST /api/empowerment/approvals/:id/grant': 'approvals:decide',
  'POST /api/empowerment/approvals/:id/deny': 'approvals:decide',
  // Incidents and proactive notices
  'GET /api/incidents': 'incidents:read',
  'GET /api/incidents/:id': 'incidents:read',
  'POST /api/incidents/:id/notice/publish': 'incidents:manage',
  'POST /api/incidents/:id/resolve': 'incidents:manage',
  // Outbound webhooks
  'GET /api/webhooks': 'webhooks:manage',
  'POST /api/webhooks': 'webhooks:manage',
  'DELETE /api/webhooks/:id': 'webhooks:manage',
  'GET /api/webhooks/deliveries': 'webhooks:manage',
  // Insights
  'GET /api/insights/response-times': 'insights:read',
  'GET /api/insights/volume': 'insights:read',
  'GET /api/insights/topics': 'insights:read',
  'GET /api/insights/workload': 'insights:read',
  'GET /api/insights/rules': 'insights:read',
};

interface CompiledRoute {
  readonly method: string;
  readonly segments: readonly string[];
  readonly access: RouteAccess;
  readonly pattern: string;
}

const compiled: CompiledRoute[] = Object.entries(ROUTE_POLICY).map(([key, access]) => {
  const [method, pattern] = key.split(' ') as [string, string];
  return { method, segments: pattern.split('/').filter(Boolean), access, pattern };
});

/** The policy of the route a request reaches: where several patterns fit, the one with a literal segment earliest wins. */
export function routeAccess(method: string, path: string): { pattern: string; access: RouteAccess } | undefined {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const parts = path.split('/').filter(Boolean);
  let best: CompiledRoute | undefined;
  let bestScore = '';
  for (const route of compiled) {
    if (route.method !== wanted || route.segments.length !== parts.length) continue;
    let score = '';
    let fits = true;
    for (let index = 0; index < parts.length && fits; index++) {
      const segment = route.segments[index]!;
      if (segment.startsWith(':')) score += '0';
      else if (segment === parts[index]) score += '1';
      else fits = false;
    }
    if (fits && (!best || score > bestScore)) {
      best = route;
      bestScore = score;
    }
  }
  return best ? { pattern: best.pattern, access: best.access } : undefined;
}
