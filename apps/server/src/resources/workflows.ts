// /api/workflows: drafts, validation, publishing, versions, diffs and rollbacks.
import { Hono } from 'hono';
import { z } from 'zod';
import { GraphSchema, WorkflowSchema, type CompiledWorkflow } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody, readQuery } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { ApiError } from '../http/api-error.ts';
import { regressionCasesFor, type FailingCase } from '../domain/regression-cases.ts';
import type { Published } from '../domain/workflow-store.ts';

const SaveDraftSchema = z.strictObject({
  version: z.number().int().min(1).describe('The draft version you loaded; a stale one gets 409'),
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  graph: GraphSchema,
});
const PublishSchema = z.strictObject({
  note: z.string().max(2000).default(''),
  version: z.number().int().min(1).optional(),
  acknowledgeCases: z.boolean().default(false).describe('Publish even though regression cases fail (the event log records who and which)'),
});
const RollbackSchema = z.strictObject({ version: z.number().int().min(1), note: z.string().max(2000).default('') });
const DiffQuerySchema = z.strictObject({
  from: z.union([z.literal('draft'), z.coerce.number().int().min(1)]),
  to: z.union([z.literal('draft'), z.coerce.number().int().min(1)]).default('draft'),
});

function versionParam(raw: string): number {
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1) throw new ApiError(400, 'bad_request', `version: “${raw}” is not a version number`);
  return version;
}

export function workflowRoutes(services: Services): Hono {
  const app = new Hono();
  const { docs, workflows, rulebook, events } = services;
  const tag = 'Workflows';
  docs.describe({ method: 'get', path: '/workflows', summary: 'List workflows with their status', tag });
  docs.describe({ method: 'post', path: '/workflows', summary: 'Create a workflow (a draft)', tag, body: WorkflowSchema, errors: [409, 415, 422] });
  docs.describe({ method: 'get', path: '/workflows/{id}', summary: 'Get a workflow’s draft and its problems', tag, errors: [404] });
  docs.describe({ method: 'put', path: '/workflows/{id}', summary: 'Save the draft (optimistic concurrency)', tag, body: SaveDraftSchema, errors: [404, 409, 422] });
  docs.describe({ method: 'post', path: '/workflows/{id}/validate', summary: 'The compiler’s problems for the draft', tag, errors: [404] });
  docs.describe({ method: 'post', path: '/workflows/{id}/publish', summary: 'Publish the draft as a new immutable version (its regression cases must pass, or be acknowledged)', tag, body: PublishSchema, errors: [404, 409, 422] });
  docs.describe({ method: 'get', path: '/workflows/{id}/versions', summary: 'List published versions', tag, errors: [404] });
  docs.describe({ method: 'get', path: '/workflows/{id}/versions/{version}', summary: 'Get one published version', tag, errors: [400, 404] });
  docs.describe({ method: 'get', path: '/workflows/{id}/diff', summary: 'Diff two versions (or a version and the draft)', tag, query: DiffQuerySchema, errors: [400, 404] });
  docs.describe({ method: 'post', path: '/workflows/{id}/rollback', summary: 'Publish a copy of an old version', tag, body: RollbackSchema, errors: [404, 422] });

  app.get('/', async (c) => c.json({ workflows: await workflows.list() }));

  app.post('/', async (c) => {
    const input = await readBody(c, WorkflowSchema);
    const actor = actorOf(c);
    const created = await workflows.create(input, actor, undefined, events.audit((after) => ({ type: 'workflow.created', subject: input.id, detail: { name: input.name, kind: input.kind }, actor, after: draftOf(after) })));
    return c.json(created, 201);
  });

  app.get('/:id', async (c) => c.json(await workflows.get(c.req.param('id'))));

  app.put('/:id', async (c) => {
    const body = await readBody(c, SaveDraftSchema);
    const { version, ...changes } = body;
    const id = c.req.param('id');
    const actor = actorOf(c);
    const saved = await workflows.saveDraft(
      id,
      version,
      changes,
      actor,
      events.audit(({ before, after }) => ({ type: 'workflow.draft_saved', subject: id, detail: { version: after.version }, actor, before: draftOf(before), after: draftOf(after) })),
    );
    return c.json(saved);
  });

  app.post('/:id/validate', async (c) => c.json({ problems: await workflows.validate(c.req.param('id')) }));

  app.post('/:id/publish', async (c) => {
    const body = await readBody(c, PublishSchema);
    const id = c.req.param('id');
    let acknowledged: FailingCase[] = [];
    const gate = async (draft: CompiledWorkflow) => {
      acknowledged = await regressionCasesFor(services).gate(id, draft, body.acknowledgeCases);
    };
    const actor = actorOf(c);
    const audit = events.audit(({ previous, published }: Published) => [
      { type: 'workflow.published', subject: id, detail: { version: published.version, note: body.note }, actor, before: { publishedVersion: previous }, after: { publishedVersion: published.version } },
      ...(acknowledged.length > 0 ? [{ type: 'workflow.cases_acknowledged', subject: id, detail: { version: published.version, cases: acknowledged }, actor }] : []),
    ]);
    const published = await workflows.publish(id, body.note, actor, body.version, gate, audit);
    rulebook.invalidate();
    return c.json(published, 201);
  });

  app.get('/:id/versions', async (c) => c.json({ versions: await workflows.versions(c.req.param('id')) }));

  app.get('/:id/versions/:version', async (c) => c.json(await workflows.version(c.req.param('id'), versionParam(c.req.param('version')))));

  app.get('/:id/diff', async (c) => {
    const query = readQuery(c, DiffQuerySchema);
    return c.json(await workflows.diff(c.req.param('id'), query.from, query.to));
  });

  app.post('/:id/rollback', async (c) => {
    const body = await readBody(c, RollbackSchema);
    const id = c.req.param('id');
    const actor = actorOf(c);
    const published = await workflows.rollback(
      id,
      body.version,
      body.note,
      actor,
      events.audit(({ previous, published }: Published) => ({
        type: 'workflow.rolled_back',
        subject: id,
        detail: { to: body.version, version: published.version },
        actor,
        before: { publishedVersion: previous },
        after: { publishedVersion: published.version, copyOf: body.version },
      })),
    );
    rulebook.invalidate();
    return c.json(published, 201);
  });
  return app;
}

/** What the audit trail keeps of a draft: enough to show what changed. */
function draftOf(workflow: { name: string; description: string; graph: unknown; version: number }) {
  return { name: workflow.name, description: workflow.description, graph: workflow.graph, version: workflow.version };
}
