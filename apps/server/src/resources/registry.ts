// Resources mounted under /api besides the core ones (settings, workflows, mentions, health). One line each.
import type { Hono } from 'hono';
import type { Services } from '../services.ts';
import { templateHooks } from '../domain/template-store.ts';
import { templateRoutes } from './templates.ts';
import { simulateRoutes } from './simulate.ts';
import { comparisonRoutes } from './comparison.ts';
import { regressionCaseRoutes } from './regression-cases.ts';
import { packRoutes } from './packs.ts';
import { queueRoutes } from './queue.ts';
import { ticketRoutes } from './tickets.ts';
import { agentRoutes } from './agents.ts';
import { empowermentRoutes } from './empowerment.ts';
import { incidentRoutes } from './incidents.ts';
import { webhookRoutes } from './webhooks.ts';
import { xWebhookRoutes } from './webhooks-x.ts';
import { metaWebhookRoutes } from './webhooks-meta.ts';
import { importSourceRoutes, mentionImportRoutes } from './imports.ts';
import { channelCredentialRoutes } from '../channels/credential-routes.ts';
import { insightRoutes } from './insights.ts';
import { userRoutes } from './users.ts';
import { tokenRoutes } from './tokens.ts';
import { auditRoutes } from './audit.ts';

export function mountedResources(services: Services): { path: string; app: Hono }[] {
  services.ingest.use(templateHooks(services));
  return [
    { path: '/webhooks/x', app: xWebhookRoutes(services) },
    { path: '/webhooks/meta', app: metaWebhookRoutes(services) },
    { path: '/channels', app: channelCredentialRoutes(services) },
    { path: '/mentions/import', app: mentionImportRoutes(services) },
    { path: '/imports', app: importSourceRoutes(services) },
    { path: '/templates', app: templateRoutes(services) },
    { path: '/simulate', app: simulateRoutes(services) },
    { path: '/simulate', app: comparisonRoutes(services) },
    { path: '/workflows', app: regressionCaseRoutes(services) },
    { path: '/packs', app: packRoutes(services) },
    { path: '/queue', app: queueRoutes(services) },
    { path: '/tickets', app: ticketRoutes(services) },
    { path: '/agents', app: agentRoutes(services) },
    { path: '/empowerment', app: empowermentRoutes(services) },
    { path: '/incidents', app: incidentRoutes(services) },
    { path: '/webhooks', app: webhookRoutes(services) },
    { path: '/insights', app: insightRoutes(services) },
    { path: '/users', app: userRoutes(services) },
    { path: '/tokens', app: tokenRoutes(services) },
    { path: '/audit', app: auditRoutes(services) },
  ];
}
