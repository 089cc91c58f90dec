// /api/settings: read and update the brand, time zone, business hours and response targets.
import { Hono } from 'hono';
import { SettingsSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';

export function settingsRoutes(services: Services): Hono {
  const app = new Hono();
  services.docs.describe({ method: 'get', path: '/settings', summary: 'Read the workspace settings', tag: 'Settings', response: SettingsSchema });
  services.docs.describe({ method: 'put', path: '/settings', summary: 'Replace the workspace settings', tag: 'Settings', body: SettingsSchema, response: SettingsSchema, errors: [400, 415, 422] });

  app.get('/', async (c) => c.json(await services.settings.get()));

  app.put('/', async (c) => {
    const next = await readBody(c, SettingsSchema);
    const actor = actorOf(c);
    const saved = await services.settings.save(next, actor, services.events.audit(({ before, after }) => ({ type: 'settings.updated', subject: 'settings', detail: {}, actor, before, after })));
    services.rulebook.invalidate();
    return c.json(saved);
  });
  return app;
}
