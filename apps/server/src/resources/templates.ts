// /api/templates: the reply templates actions name (acknowledgements, move-to-private, notices, follow-ups), with
// variants per channel and language, alternative bodies, and a preview that renders every alternative.
import { Hono } from 'hono';
import { z } from 'zod';
import { ChannelSchema, PrioritySchema } from '@mentionflow/engine';
import type { Services } from '../services.ts';
import { readBody } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { ApiError } from '../http/api-error.ts';
import { ANY, chooseVariant, isTemplateId, renderVariant, templateStoreFor } from '../domain/template-store.ts';
import { TEMPLATE_BODY_MAX, TEMPLATE_FLAGS, TEMPLATE_VARIABLES, parseTemplateBody, type TemplateValues } from '../domain/template-renderer.ts';

const ChannelOrAny = z.union([z.literal(ANY), ChannelSchema]).describe('A channel, or "*" for every channel');
const LanguageOrAny = z.union([z.literal(ANY), z.string().regex(/^[a-z]{2,3}$/, 'a language code such as "fr", or "*"')]).describe('A language code, or "*" for every language');

const VariantSchema = z.strictObject({
  channel: ChannelOrAny,
  language: LanguageOrAny,
  body: z
    .string()
    .max(TEMPLATE_BODY_MAX)
    .describe('The text, with {{variables}} and {{#sections}}…{{/sections}}; alternatives are separated by a line holding only "---"'),
});

const SaveTemplateSchema = z.strictObject({
  description: z.string().max(500).default(''),
  variants: z.array(VariantSchema).min(1, 'a template needs at least one variant').max(100),
});

const VariablesSchema = z.strictObject({
  ...Object.fromEntries(Object.keys(TEMPLATE_VARIABLES).map((name) => [name, z.string().max(500).optional()])),
  ...Object.fromEntries(Object.keys(TEMPLATE_FLAGS).map((name) => [name, z.boolean().optional()])),
}) as unknown as z.ZodType<TemplateValues>;

const PreviewSchema = z.strictObject({
  channel: ChannelOrAny,
  language: LanguageOrAny,
  variables: VariablesSchema.optional().describe('Values to show instead of the sample ones'),
  priority: PrioritySchema.default('P3').describe('The priority whose response target {{expectedResponse}} shows'),
  at: z.iso.datetime({ offset: true }).optional().describe('When the reply would be decided (default: now), for {{expectedResponse}} and {{#afterHours}}'),
});

const StoredTemplateSchema = z.object({
  id: z.string(),
  description: z.string(),
  updatedAt: z.string(),
  variants: z.array(z.object({ channel: z.string(), language: z.string(), body: z.string(), alternatives: z.number() })),
});

const PreviewResultSchema = z.object({
  id: z.string(),
  requested: z.object({ channel: z.string(), language: z.string() }),
  variant: z.object({ channel: z.string(), language: z.string() }),
  text: z.string().describe('The first alternative'),
  alternatives: z.array(z.string()).describe('Every alternative, rendered'),
  values: z.record(z.string(), z.unknown()),
});

const SAMPLE_AUTHOR = { handle: '@alex', name: 'Alex' };
const SAMPLE_TOPIC = 'outage';

function idParam(raw: string): string {
  if (!isTemplateId(raw)) throw new ApiError(400, 'bad_request', `“${raw}” is not a template id: use lower-case letters, digits, "-" and "_" (at most 60)`);
  return raw;
}

export function templateRoutes(services: Services): Hono {
  const app = new Hono();
  const store = templateStoreFor(services);
  const { docs, events } = services;
  const tag = 'Templates';
  docs.describe({
    method: 'get',
    path: '/templates',
    summary: 'List templates with their variants, and the variables and sections a body may use',
    tag,
    response: z.object({ templates: z.array(StoredTemplateSchema), variables: z.array(z.object({ name: z.string(), description: z.string() })), sections: z.array(z.object({ name: z.string(), description: z.string() })) }),
  });
  docs.describe({ method: 'get', path: '/templates/{id}', summary: 'One template with its variants', tag, response: StoredTemplateSchema, errors: [400, 404] });
  docs.describe({
    method: 'put',
    path: '/templates/{id}',
    summary: 'Create a template or replace all its variants',
    description:
      'At most one variant per (channel, language). Unknown variables, unclosed sections and empty alternatives are refused (422, naming the variant and line). ' +
      'Decisions pick the variant for the mention’s channel and language: exact; the language on any channel; the channel in any language; the channel in the workspace default language; any/any; the default language on any channel.',
    tag,
    body: SaveTemplateSchema,
    response: StoredTemplateSchema,
    errors: [400, 415, 422],
  });
  docs.describe({ method: 'delete', path: '/templates/{id}', summary: 'Delete a template and all its variants', tag, errors: [400, 404] });
  docs.describe({
    method: 'post',
    path: '/templates/{id}/preview',
    summary: 'Render the variant a channel and language would get, every alternative, with sample values',
    tag,
    body: PreviewSchema,
    response: PreviewResultSchema,
    errors: [400, 404, 415, 422],
  });

  app.get('/', async (c) =>
    c.json({
      templates: await store.list(),
      variables: Object.entries(TEMPLATE_VARIABLES).map(([name, description]) => ({ name, description })),
      sections: Object.entries(TEMPLATE_FLAGS).map(([name, description]) => ({ name, description })),
    }),
  );

  app.get('/:id', async (c) => c.json(await store.get(idParam(c.req.param('id')))));

  app.put('/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await readBody(c, SaveTemplateSchema);
    const actor = actorOf(c);
    const { template, created } = await store.save(
      id,
      body,
      events.audit(({ before, after }) => ({
        type: before === undefined ? 'template.created' : 'template.updated',
        subject: id,
        detail: { variants: after.variants.map((variant) => `${variant.channel}/${variant.language}`) },
        actor,
        before,
        after,
      })),
    );
    return c.json(template, created ? 201 : 200);
  });

  app.delete('/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const actor = actorOf(c);
    await store.delete(id, events.audit(({ before }) => ({ type: 'template.deleted', subject: id, detail: {}, actor, before })));
    return c.json({ id, deleted: true });
  });

  app.post('/:id/preview', async (c) => {
    const id = idParam(c.req.param('id'));
    const body = await readBody(c, PreviewSchema);
    const template = await store.get(id);
    const settings = await services.settings.get();
    const variant = chooseVariant(template.variants, body.channel, body.language, settings.defaultLanguage);
    if (!variant) {
      throw new ApiError(404, 'not_found', `template “${id}” has no variant for channel “${body.channel}” and language “${body.language}”, and none to fall back on`, {
        variants: template.variants.map((candidate) => ({ channel: candidate.channel, language: candidate.language })),
      });
    }
    const parsed = parseTemplateBody(variant.body);
    if (!parsed.ok) {
      throw new ApiError(422, 'unprocessable', `the stored variant ${variant.channel}/${variant.language} does not parse; save the template again`, parsed.issues);
    }
    const rendered = renderVariant(parsed.alternatives, variant, {
      channel: body.channel,
      language: body.language,
      settings,
      priority: body.priority,
      at: new Date(body.at ?? services.clock.now()),
      author: SAMPLE_AUTHOR,
      topic: SAMPLE_TOPIC,
      ...(body.variables ? { overrides: body.variables } : {}),
    });
    return c.json({
      id,
      requested: { channel: body.channel, language: body.language },
      variant: rendered.variant,
      text: rendered.text,
      alternatives: rendered.alternatives,
      values: rendered.values,
    });
  });
  return app;
}
