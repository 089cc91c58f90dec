// Reads and validates a JSON body: 415 for another content type, 413 past the size limit, 400 for broken JSON,
// 422 naming each field that fails the schema (unknown fields by name). Prototype keys never reach objects.
import type { Context } from 'hono';
import type { z } from 'zod';
import { parseJsonSafely } from '@mentionflow/engine';
import { ApiError, type FieldIssue } from './api-error.ts';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function fieldIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    const field = path.length ? path.join('.') : '(body)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: path.length ? `${field}.${key}` : key, message: 'unknown field' }));
    }
    return [{ field, message: issue.message }];
  });
}

export function validationError(error: z.ZodError, prefix: (string | number)[] = []): ApiError {
  const issues = fieldIssues(error, prefix);
  const first = issues[0];
  return new ApiError(422, 'validation_failed', first ? `${first.field}: ${first.message}` : 'the body is not valid', issues);
}

/** The raw JSON value of the body, before any schema. */
export async function readJsonValue(c: Context, maxBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json');
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > maxBytes) throw tooLarge(maxBytes);
  const text = new TextDecoder().decode(buffer);
  try {
    return parseJsonSafely(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `the body is larger than ${Math.round(maxBytes / 1024)} KiB`);
}

export async function readBody<S extends z.ZodType>(c: Context, schema: S, maxBytes = DEFAULT_BODY_LIMIT): Promise<z.infer<S>> {
  const value = await readJsonValue(c, maxBytes);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** A numeric id from the path (tickets, incidents, approvals, users, tokens): 400 naming `id` for anything else. */
export function numericIdParam(raw: string, what: string): number {
  const id = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id) || id < 1) {
    throw new ApiError(400, 'bad_request', `id: “${raw}” is not ${what} id`, [{ field: 'id', message: 'a positive integer' }]);
  }
  return id;
}

/** Query parameters validated like a body (400 naming the parameter). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    throw new ApiError(400, 'bad_request', issues[0] ? `${issues[0].field}: ${issues[0].message}` : 'bad query', issues);
  }
  return parsed.data;
}
