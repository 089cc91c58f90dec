// /api/workflows/:id/cases: a workflow's regression cases, and running them against its draft. Publishing runs them too.
import { Hono } from 'hono';
import { z } from 'zod';
import { DecisionSchema, MentionSchema, PackExpectationSchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { regressionCasesFor } from '../domain/regression-cases.ts';

/** A decision's expectation: what pack tests check, without the empowerment fields (a mention has none). */
const ExpectSchema = PackExpectationSchema.omit({ allowed: true, requiresApproval: true }).refine((expect) => Object.keys(expect).length > 0, {
  message: 'give at least one expectation: queue, priority, tags, notTags, actions or notActions',
  when: (payload) => payload.issues.length === 0,
});

const CreateCaseSchema = z.strictObject({
  name: z.string().min(1).max(300),
  mention: MentionSchema,
  now: z.iso.datetime({ offset: true }).optional().describe('Virtual clock: escalation workflows run at this time too'),
  expect: ExpectSchema,
});

const CaseSchema = CreateCaseSchema.extend({ id: z.string(), workflowId: z.string(), createdAt: z.string(), createdBy: z.string().nullable() });
const RunResultSchema = z.object({
  results: z.array(z.object({ caseId: z.string(), name: z.string(), passed: z.boolean(), failures: z.array(z.string()), decision: DecisionSchema })),
});

export function regressionCaseRoutes(services: Services): Hono {
  const app = new Hono();
  const cases = regressionCasesFor(services);
  const tag = 'Workflows';
  services.docs.describe({ method: 'get', path: '/workflows/{id}/cases', summary: 'A workflow’s regression cases', tag, response: z.object({ cases: z.array(CaseSchema) }), errors: [404] });
  services.docs.describe({
    method: 'post',
    path: '/workflows/{id}/cases',
    summary: 'Save a mention with the decision it must keep as a regression case',
    tag,
    body: CreateCaseSchema,
    response: CaseSchema,
    errors: [404, 415, 422],
  });
  services.docs.describe({ method: 'delete', path: '/workflows/{id}/cases/{caseId}', summary: 'Delete a regression case', tag, errors: [404] });
  services.docs.describe({
    method: 'post',
    path: '/workflows/{id}/cases/run',
    summary: 'Run the regression cases against the draft (with every other workflow as published)',
    description: 'Each case runs alone, like a pack test, at its `now` when it has one. Publishing runs them too and refuses (409 `regression_cases`) when any fails, unless acknowledged.',
    tag,
    response: RunResultSchema,
    errors: [404, 422],
  });

  app.get('/:id/cases', async (c) => c.json({ cases: await cases.list(c.req.param('id')) }));

  app.post('/:id/cases', async (c) => {
    const body = await readBody(c, CreateCaseSchema);
    const id = c.req.param('id');
    const actor = actorOf(c);
    const created = await cases.create(id, body, actor, services.events.audit((created) => ({ type: 'workflow.case_created', subject: id, detail: { caseId: created.id, name: created.name }, actor })));
    return c.json(created, 201);
  });

  app.delete('/:id/cases/:caseId', async (c) => {
    const id = c.req.param('id');
    const caseId = c.req.param('caseId');
    const actor = actorOf(c);
    await cases.delete(id, caseId, services.events.audit(() => ({ type: 'workflow.case_deleted', subject: id, detail: { caseId }, actor })));
    return c.json({ id: caseId, deleted: true });
  });

  app.post('/:id/cases/run', async (c) => c.json({ results: await cases.run(c.req.param('id')) }));
  return app;
}
