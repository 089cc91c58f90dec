// /api/incidents: incidents opened by proactive workflows, their public notice (drafted by `publish_notice`,
// approved and published here) and the mentions they gathered; resolving one can close the loop with every author.
import { Hono } from 'hono';
import { z } from 'zod';
import { DurationSchema, parseDuration } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { numericIdParam, readBody, readQuery } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { readOptionalBody } from './tickets.ts';
import { isTemplateId } from '../domain/template-store.ts';

const TemplateIdSchema = z.string().refine(isTemplateId, 'a template id: lower-case letters, digits, "-" and "_"');
const ListQuerySchema = z.strictObject({ status: z.enum(['open', 'resolved']).optional() });
const PublishSchema = z.strictObject({ text: z.string().trim().min(1, 'the notice is empty').max(5000).optional().describe('Publish this text instead of the draft') });
const ResolveSchema = z.strictObject({
  followUp: z
    .strictObject({ after: DurationSchema.describe('e.g. "1d": how long after the resolution'), template: TemplateIdSchema.default('follow-up') })
    .optional()
    .describe('Close the loop: one follow-up to every author whose mentions the incident gathered'),
});

const incidentId = (raw: string): number => numericIdParam(raw, 'an incident');

export function incidentRoutes(services: Services): Hono {
  const app = new Hono();
  const { incidents } = services.time;
  const { docs, events } = services;
  const tag = 'Incidents';
  docs.describe({ method: 'get', path: '/incidents', summary: 'Incidents, newest first, with their notice and counts of linked mentions and authors', tag, query: ListQuerySchema, errors: [400] });
  docs.describe({ method: 'get', path: '/incidents/{id}', summary: 'One incident with its notice and the mentions linked to it', tag, errors: [400, 404] });
  docs.describe({
    method: 'post',
    path: '/incidents/{id}/notice/publish',
    summary: 'Approve and publish the incident’s public notice',
    description: 'Publishes the drafted notice, or `text` instead, recording who published it (`x-mentionflow-user`). A `notice.published` event goes to subscribed webhooks. Publishing twice is refused with 409.',
    tag,
    body: PublishSchema,
    errors: [400, 404, 409, 415, 422],
  });
  docs.describe({
    method: 'post',
    path: '/incidents/{id}/resolve',
    summary: 'Resolve an open incident, optionally following up with every linked author',
    description:
      'With `followUp`, one follow-up per author (not per mention) is scheduled `after` the resolution; when due it appears in the `follow-up` queue. ' +
      'While an incident is open, matching mentions are linked to its notice; once resolved, the next burst opens a new one. The body may be omitted.',
    tag,
    body: ResolveSchema,
    errors: [400, 404, 409, 415, 422],
  });

  app.get('/', async (c) => {
    const { status } = readQuery(c, ListQuerySchema);
    return c.json({ incidents: await incidents.list(status) });
  });

  app.get('/:id', async (c) => c.json(await incidents.get(incidentId(c.req.param('id')))));

  app.post('/:id/notice/publish', async (c) => {
    const id = incidentId(c.req.param('id'));
    const { text } = await readOptionalBody(c, PublishSchema);
    const actor = actorOf(c);
    const notice = await incidents.publishNotice(id, text, actor, events.audit(() => ({ type: 'notice.published', subject: `incident:${id}`, detail: { incidentId: id, edited: text !== undefined }, actor })));
    return c.json(notice);
  });

  app.post('/:id/resolve', async (c) => {
    const id = incidentId(c.req.param('id'));
    const body = await readOptionalBody(c, ResolveSchema);
    const followUp = body.followUp ? { after: parseDuration(body.followUp.after)!, afterText: body.followUp.after, template: body.followUp.template } : undefined;
    const actor = actorOf(c);
    const audit = events.audit(({ followUpsScheduled }: { followUpsScheduled: number }) => ({ type: 'incident.resolved', subject: `incident:${id}`, detail: { incidentId: id, followUpsScheduled }, actor }));
    const result = await incidents.resolve(id, followUp, actor, audit);
    return c.json(result);
  });
  return app;
}
