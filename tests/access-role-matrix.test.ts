// The role × route matrix: every API route the server registers, called by each role and by no one, against a
// spec written from the roles' descriptions (admin: users, tokens, settings and everything else; ops_lead: edit and
// publish workflows, import packs, approve notices; analyst: read and simulate; agent: queue, replies, empowerment
// checks; integration: ingest only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@mentionflow/engine';
import { startTestServer, type TestServer } from './support/server.ts';
import { ROUTE_POLICY } from '../apps/server/src/access/route-policy.ts';

/** Who may call each route: `anyone`, `signed in`, or the roles, by name. */
const EXPECTED: Record<string, string> = {
  'GET /api/health': 'anyone',
  'GET /api/docs': 'anyone',
  'GET /api/docs/:asset': 'anyone',
  'GET /api/openapi.json': 'anyone',
  'POST /api/auth/login': 'anyone',
  'GET /api/auth/setup': 'anyone',
  'POST /api/auth/setup': 'anyone',
  'GET /api/auth/session': 'signed in',
  'POST /api/auth/logout': 'signed in',
  'POST /api/auth/password': 'signed in',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/:id': 'admin',
  'GET /api/audit': 'admin ops_lead',
  'POST /api/mentions': 'admin integration',
  'GET /api/mentions/:id': 'admin ops_lead analyst agent',
  'POST /api/mentions/import': 'admin',
  'GET /api/webhooks/x': 'anyone',
  'POST /api/webhooks/x': 'anyone',
  'GET /api/webhooks/meta': 'anyone',
  'POST /api/webhooks/meta': 'anyone',
  'GET /api/imports/sources': 'admin',
  'GET /api/imports/sources/:name': 'admin',
  'PUT /api/imports/sources/:name': 'admin',
  'GET /api/channels/credentials': 'admin',
  'PUT /api/channels/credentials': 'admin',
  'GET /api/settings': 'admin ops_lead analyst agent',
  'PUT /api/settings': 'admin',
  'GET /api/workflows': 'admin ops_lead analyst',
  'POST /api/workflows': 'admin ops_lead',
  'GET /api/workflows/:id': 'admin ops_lead analyst',
  'PUT /api/workflows/:id': 'admin ops_lead',
  'POST /api/workflows/:id/validate': 'admin ops_lead analyst',
  'GET /api/workflows/:id/versions': 'admin ops_lead analyst',
  'GET /api/workflows/:id/versions/:version': 'admin ops_lead analyst',
  'GET /api/workflows/:id/diff': 'admin ops_lead analyst',
  'POST /api/workflows/:id/publish': 'admin ops_lead',
  'POST /api/workflows/:id/rollback': 'admin ops_lead',
  'GET /api/workflows/:id/cases': 'admin ops_lead analyst',
  'POST /api/workflows/:id/cases': 'admin ops_lead',
  'DELETE /api/workflows/:id/cases/:caseId': 'admin ops_lead',
  'POST /api/workflows/:id/cases/run': 'admin ops_lead analyst',
  'GET /api/packs': 'admin ops_lead analyst',
  'GET /api/packs/:id': 'admin ops_lead analyst',
  'GET /api/packs/:id/export': 'admin ops_lead analyst',
  'POST /api/packs/preview': 'admin ops_lead',
  'POST /api/packs/import': 'admin ops_lead',
  'PUT /api/packs/:id/parameters': 'admin ops_lead',
  'GET /api/templates': 'admin ops_lead analyst agent',
  'GET /api/templates/:id': 'admin ops_lead analyst agent',
  'PUT /api/templates/:id': 'admin ops_lead',
  'DELETE /api/templates/:id': 'admin ops_lead',
  'POST /api/templates/:id/preview': 'admin ops_lead analyst agent',
  'POST /api/simulate': 'admin ops_lead analyst',
  'POST /api/simulate/compare': 'admin ops_lead analyst',
  'POST /api/simulate/explain': 'admin ops_lead analyst',
  'GET /api/queue': 'admin ops_lead analyst agent',
  'POST /api/queue/assign': 'admin ops_lead',
  'GET /api/tickets/:id': 'admin ops_lead analyst agent',
  'GET /api/tickets/:id/replies': 'admin ops_lead analyst agent',
  'POST /api/tickets/:id/claim': 'admin agent',
  'POST /api/tickets/:id/release': 'admin agent',
  'POST /api/tickets/:id/replies': 'admin agent',
  'POST /api/tickets/:id/resolve': 'admin agent',
  'POST /api/tickets/:id/reopen': 'admin agent',
  'POST /api/tickets/:id/rating': 'admin agent',
  'GET /api/agents': 'admin ops_lead analyst agent',
  'GET /api/agents/:id': 'admin ops_lead analyst agent',
  'POST /api/agents': 'admin ops_lead',
  'PATCH /api/agents/:id': 'admin ops_lead',
  'POST /api/empowerment/check': 'admin ops_lead agent',
  'GET /api/empowerment/approvals': 'admin ops_lead agent',
  'GET /api/empowerment/approvals/:id': 'admin ops_lead agent',
  'POST /api/empowerment/approvals': 'admin ops_lead agent',
  'POST /api/empowerment/approvals/:id/grant': 'admin ops_lead agent',
  'POST /api/empowerment/approvals/:id/deny': 'admin ops_lead agent',
  'GET /api/incidents': 'admin ops_lead analyst agent',
  'GET /api/incidents/:id': 'admin ops_lead analyst agent',
  'POST /api/incidents/:id/notice/publish': 'admin ops_lead',
  'POST /api/incidents/:id/resolve': 'admin ops_lead',
  'GET /api/webhooks': 'admin',
  'POST /api/webhooks': 'admin',
  'DELETE /api/webhooks/:id': 'admin',
  'GET /api/webhooks/deliveries': 'admin',
  'GET /api/insights/response-times': 'admin ops_lead analyst',
  'GET /api/insights/volume': 'admin ops_lead analyst',
  'GET /api/insights/topics': 'admin ops_lead analyst',
  'GET /api/insights/workload': 'admin ops_lead analyst',
  'GET /api/insights/rules': 'admin ops_lead analyst',
};

let server: TestServer;
let routes: string[];

beforeAll(async () => {
  server = await startTestServer();
  const registered = (server.app.routes as { method: string; path: string }[]).filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'));
  routes = [...new Set(registered.map((route) => `${route.method} ${route.path}`))].sort();
});
afterAll(async () => {
  await server.stop(true);
});

/** A concrete path for a route pattern: every parameter becomes a value no record has. */
const concrete = (pattern: string): string => pattern.replace(/:(\w+)/g, (_, name: string) => (name === 'asset' ? 'swagger-ui.css' : `no-such-${name}`));

describe('who may call what', () => {
  it('every registered route has a policy and an expectation, and nothing else does', () => {
    expect(routes.filter((route) => !(route in ROUTE_POLICY))).toEqual([]);
    expect(Object.keys(ROUTE_POLICY).sort()).toEqual(routes);
    expect(Object.keys(EXPECTED).sort()).toEqual(routes);
  });

  it.each([...ROLES, 'nobody'] as const)('as %s: allowed routes answer, the others refuse with 401 or 403, none with a 5xx', async (caller) => {
    const headers = caller === 'nobody' ? { authorization: '' } : await server.headersFor(caller);
    const wrong: string[] = [];
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      const who = EXPECTED[route]!;
      const allowed = who === 'anyone' || (caller !== 'nobody' && (who === 'signed in' || who.split(' ').includes(caller as Role)));
      const answer = await server.call(method, concrete(pattern), method === 'GET' || method === 'DELETE' ? undefined : {}, headers);
      const refusal = answer.body?.error;
      const refused = (answer.status === 401 && refusal === 'unauthenticated') || (answer.status === 403 && refusal === 'forbidden');
      // 503 not_configured is a deliberate answer (a platform webhook without its secret), not a failure.
      const failed = answer.status >= 500 && !(answer.status === 503 && refusal === 'not_configured');
      if (failed) wrong.push(`${route}: ${answer.status}`);
      else if (allowed && refused) wrong.push(`${route}: refused (${answer.status}) but ${who} may call it`);
      else if (!allowed && !refused) wrong.push(`${route}: answered ${answer.status} but only ${who} may call it`);
      else if (!allowed && caller === 'nobody' && answer.status !== 401) wrong.push(`${route}: ${answer.status} without credentials, expected 401`);
      else if (!allowed && caller !== 'nobody' && answer.body?.details?.permission !== ROUTE_POLICY[route]) wrong.push(`${route}: the 403 does not name the permission`);
    }
    expect(wrong).toEqual([]);
  });
});
