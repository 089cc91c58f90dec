// /api/packs: preview, import and upgrade rule packs, change their parameters, export them.
import { Hono } from 'hono';
import { z } from 'zod';
import { PackSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import type { PackPreview } from '../domain/pack-store.ts';

const PACK_BODY_LIMIT = 4 * 1024 * 1024;
// The pack itself is validated by the pack compiler, which reports every problem with its JSON path.
const ImportSchema = z.strictObject({ pack: z.unknown(), parameters: z.record(z.string(), z.unknown()).default({}) });
const ParametersSchema = z.strictObject({ parameters: z.record(z.string(), z.unknown()) });

export function packRoutes(services: Services): Hono {
  const app = new Hono();
  const tag = 'Packs';
  const importBody = z.strictObject({ pack: PackSchema, parameters: z.record(z.string(), z.unknown()).optional() });
  services.docs.describe({ method: 'get', path: '/packs', summary: 'Installed packs with their parameters', tag });
  services.docs.describe({ method: 'get', path: '/packs/{id}', summary: 'One installed pack', tag, errors: [404] });
  services.docs.describe({ method: 'post', path: '/packs/preview', summary: 'What importing a pack would add or replace, and its effect on recent mentions', tag, body: importBody, errors: [409, 413, 415, 422] });
  services.docs.describe({ method: 'post', path: '/packs/import', summary: 'Import or upgrade a pack (all or nothing)', tag, body: importBody, errors: [409, 413, 415, 422] });
  services.docs.describe({ method: 'put', path: '/packs/{id}/parameters', summary: 'Change a pack’s parameters (republishes its workflows)', tag, body: ParametersSchema, errors: [404, 422] });
  services.docs.describe({ method: 'get', path: '/packs/{id}/export', summary: 'Export a pack as installed here', tag, response: PackSchema, errors: [404] });

  app.get('/', async (c) => c.json({ packs: await services.packs.list() }));
  app.get('/:id', async (c) => c.json(await services.packs.get(c.req.param('id'))));

  app.post('/preview', async (c) => {
    const body = await readBody(c, ImportSchema, PACK_BODY_LIMIT);
    return c.json(await services.packs.preview(body.pack, body.parameters));
  });

  app.post('/import', async (c) => {
    const body = await readBody(c, ImportSchema, PACK_BODY_LIMIT);
    const actor = actorOf(c);
    // The store writes nothing (and no entry) for the installed version again without parameters.
    const audit = services.events.audit((result: PackPreview) => ({
      type: 'pack.imported',
      subject: result.pack.id,
      detail: { version: result.pack.version, status: result.pack.status, workflows: result.workflows.map((workflow) => ({ id: workflow.id, plan: workflow.plan })) },
      actor,
    }));
    const result = await services.packs.import(body.pack, body.parameters, actor, audit);
    if (result.pack.status !== 'same' || Object.keys(body.parameters).length > 0) services.rulebook.invalidate();
    return c.json(result, result.pack.status === 'new' ? 201 : 200);
  });

  app.put('/:id/parameters', async (c) => {
    const body = await readBody(c, ParametersSchema);
    const actor = actorOf(c);
    const updated = await services.packs.setParameters(
      c.req.param('id'),
      body.parameters,
      actor,
      services.events.audit(({ before, after }) => ({ type: 'pack.parameters_changed', subject: after.id, detail: {}, actor, before: before.parameters, after: after.parameters })),
    );
    services.rulebook.invalidate();
    return c.json(updated);
  });

  app.get('/:id/export', async (c) => {
    const pack = await services.packs.export(c.req.param('id'));
    c.header('content-disposition', `attachment; filename="${pack.id}-${pack.version}.json"`);
    return c.json(pack);
  });
  return app;
}
