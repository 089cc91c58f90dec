// The HTTP app: one small sub-app per resource under /api, the editor at /, and one error shape everywhere.
import { Hono } from 'hono';
import type { Services } from './services.ts';
import { ApiError } from './http/api-error.ts';
import { requestLog, type RequestVariables } from './http/request-log.ts';
import { settingsRoutes } from './resources/settings.ts';
import { workflowRoutes } from './resources/workflows.ts';
import { mentionRoutes } from './resources/mentions.ts';
import { healthRoutes } from './resources/health.ts';
import { apiDocsRoutes } from './resources/api-docs.ts';
import { MentionReader } from './domain/mention-reader.ts';
import { accessGuard } from './access/guard.ts';
import { authRoutes } from './resources/auth.ts';

export type ApiRoutes = (services: Services) => { path: string; app: Hono }[];

export function createApp(services: Services, extraRoutes: { path: string; app: Hono }[] = [], editor?: Hono): Hono<{ Variables: RequestVariables }> {
  const app = new Hono<{ Variables: RequestVariables }>();
  app.use('*', requestLog(services.logger));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toJSON(), error.status);
    const requestId = c.get('requestId');
    services.logger.log('error', 'internal_error', { requestId, path: c.req.path, error: (error as Error).message, stack: (error as Error).stack });
    return c.json({ error: 'internal_error', message: `something went wrong on our side; quote request ${requestId} when reporting it`, details: { requestId } }, 500);
  });

  const api = new Hono();
  api.use('*', accessGuard(services.access));
  api.route('/auth', authRoutes(services));
  api.route('/settings', settingsRoutes(services));
  api.route('/workflows', workflowRoutes(services));
  api.route('/mentions', mentionRoutes(services, new MentionReader(services.database.db, services.workflows, services.settings)));
  api.route('/health', healthRoutes(services));
  for (const extra of extraRoutes) api.route(extra.path, extra.app);
  api.route('/', apiDocsRoutes(services));
  api.all('*', (c) => c.json({ error: 'not_found', message: `no API route ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);

  if (editor) app.route('/', editor);
  return app;
}
