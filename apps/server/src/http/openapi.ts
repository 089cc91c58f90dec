// The API's OpenAPI 3.1 document, generated from the same zod schemas that validate requests.
// Each sub-app describes its routes here as it defines them; nothing is written twice.
import { z } from 'zod';

export interface RouteDoc {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path under /api, with `{param}` placeholders. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly response?: z.ZodType;
  /** Statuses other than 200 the route answers with (the error shape is shared). */
  readonly errors?: readonly number[];
  readonly description?: string;
}

export const ErrorBodySchema = z.object({
  error: z.string().describe('A stable error code, e.g. validation_failed'),
  message: z.string().describe('A sentence for a person'),
  details: z.unknown().optional(),
});

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Not JSON',
  422: 'Validation failed',
  503: 'Not configured',
};

export class ApiDocs {
  private readonly routes: RouteDoc[] = [];

  describe(route: RouteDoc): void {
    this.routes.push(route);
  }

  document(version: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
      if (route.query) {
        const query = toSchema(route.query) as { properties?: Record<string, unknown>; required?: string[] };
        for (const [name, schema] of Object.entries(query.properties ?? {})) {
          parameters.push({ name, in: 'query', required: (query.required ?? []).includes(name), schema } as never);
        }
      }
      const responses: Record<string, unknown> = {
        200: { description: 'OK', ...(route.response ? { content: { 'application/json': { schema: toSchema(route.response) } } } : {}) },
      };
      for (const status of route.errors ?? []) {
        responses[status] = { description: ERROR_TEXT[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      }
      (paths[`/api${route.path}`] ??= {})[route.method] = {
        summary: route.summary,
        tags: [route.tag],
        ...(route.description ? { description: route.description } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body) } } } } : {}),
        responses,
      };
    }
    return {
      openapi: '3.1.0',
      info: { title: 'Mentionflow API', version, description: 'Route social mentions with workflows your operations leads draw.' },
      paths,
      components: { schemas: { Error: toSchema(ErrorBodySchema) } },
    };
  }
}

function toSchema(schema: z.ZodType): unknown {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
