// Listening-tool imports: /api/imports/sources saves a column mapping per source, and /api/mentions/import takes a
// CSV or NDJSON export (as JSON `{source, text, format?}`, or the raw file with `?source=`) through the ordinary ingest.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { readBody, readQuery } from '../http/read-body.ts';
import { actorOf } from '../http/actor.ts';
import { ApiError } from '../http/api-error.ts';
import { ImportSourceSchema } from '../channels/import-mapping.ts';
import { ImportSourceStore, SOURCE_NAME, type StoredImportSource } from '../channels/import-source-store.ts';
import { IMPORT_FILE_LIMIT, importMentions, type ImportFormat } from '../channels/mention-import.ts';

const FormatSchema = z.enum(['csv', 'ndjson']);
const MiB = 1024 * 1024;
/** JSON escaping can double a file's size (every quote becomes \"); the text itself is held to IMPORT_FILE_LIMIT. */
const JSON_BODY_LIMIT = 2 * IMPORT_FILE_LIMIT + MiB;

const ImportBodySchema = z.strictObject({
  source: z.string().regex(SOURCE_NAME, 'a source name'),
  text: z.string().describe('The file’s content'),
  format: FormatSchema.optional().describe('Default: the source’s format, else detected from the content'),
});
const ImportQuerySchema = z.object({ source: z.string().regex(SOURCE_NAME, 'a source name'), format: FormatSchema.optional() });

const ImportSummarySchema = z.object({
  source: z.string(),
  format: FormatSchema,
  rows: z.number().describe('Rows read from the file'),
  created: z.number(),
  duplicates: z.number().describe('Rows repeated within the file, or mentions already stored (same channel and id)'),
  rejected: z.array(z.object({ line: z.number(), reason: z.string().describe('The field, its column and what is wrong') })),
});

/** Content types of a raw upload, and the format each means. */
const RAW_TYPES: [RegExp, ImportFormat][] = [
  [/^text\/csv\b/i, 'csv'],
  [/^application\/(x-ndjson|ndjson|jsonl|x-jsonlines)\b/i, 'ndjson'],
];

function sourceName(raw: string): string {
  if (!SOURCE_NAME.test(raw)) throw new ApiError(400, 'bad_request', `“${raw}” is not a source name: use letters, digits, “.”, “-” and “_” (at most 60)`);
  return raw;
}

export function importSourceRoutes(services: Services): Hono {
  const app = new Hono();
  const store = new ImportSourceStore(services);
  const tag = 'Imports';
  const Stored = ImportSourceSchema.extend({ name: z.string(), updatedAt: z.string(), updatedBy: z.string().nullable() });
  services.docs.describe({ method: 'get', path: '/imports/sources', summary: 'Saved import sources with their mappings', tag, response: z.object({ sources: z.array(Stored) }) });
  services.docs.describe({ method: 'get', path: '/imports/sources/{name}', summary: 'One import source', tag, response: Stored, errors: [400, 404] });
  services.docs.describe({
    method: 'put',
    path: '/imports/sources/{name}',
    summary: 'Save a source’s column mapping, channel names and date format',
    description: 'id, channel, kind, text, createdAt and author.handle must be mapped, each to a column or to {"constant": value}.',
    tag,
    body: ImportSourceSchema,
    response: Stored,
    errors: [400, 415, 422],
  });

  app.get('/sources', async (c) => c.json({ sources: await store.list() }));
  app.get('/sources/:name', async (c) => {
    const name = sourceName(c.req.param('name'));
    const source = await store.get(name);
    if (!source) throw new ApiError(404, 'not_found', `no import source “${name}”`);
    return c.json(source);
  });
  app.put('/sources/:name', async (c) => {
    const name = sourceName(c.req.param('name'));
    const body = await readBody(c, ImportSourceSchema);
    const actor = actorOf(c);
    const { source, created } = await store.save(name, body, actor, services.events.audit(({ created }) => ({ type: 'import_source.saved', subject: name, detail: { created }, actor })));
    return c.json(source, created ? 201 : 200);
  });
  return app;
}

export function mentionImportRoutes(services: Services): Hono {
  const app = new Hono();
  const store = new ImportSourceStore(services);
  services.docs.describe({
    method: 'post',
    path: '/mentions/import',
    summary: 'Import a listening tool’s CSV or NDJSON export with a saved source mapping',
    description:
      `Send {source, text, format?} as JSON, or the file itself as text/csv or application/x-ndjson with ?source=NAME. Files up to ${IMPORT_FILE_LIMIT / MiB} MiB. ` +
      'Rows are ingested like any mention (the published workflows decide them), in chunks of 1,000. Each rejected row comes back with its line and reason; ' +
      'rows repeated in the file and mentions already stored (same channel and id) count as duplicates.',
    tag: 'Imports',
    body: ImportBodySchema,
    response: ImportSummarySchema,
    errors: [400, 404, 413, 415, 422],
  });

  app.post('/', async (c) => {
    const { source, text, format } = await readImport(c);
    if (Buffer.byteLength(text, 'utf8') > IMPORT_FILE_LIMIT) throw tooLarge();
    const saved: StoredImportSource | undefined = await store.get(source);
    if (!saved) throw new ApiError(404, 'not_found', `no import source “${source}”: save its mapping first with PUT /api/imports/sources/${source}`);
    const summary = await importMentions(services, saved, text, format);
    // A summary of the chunks ingest committed one by one (not one change): written on its own, after them.
    await services.events.record('mentions.imported', source, { format: summary.format, rows: summary.rows, created: summary.created, duplicates: summary.duplicates, rejected: summary.rejected.length }, actorOf(c));
    return c.json(summary);
  });
  return app;
}

async function readImport(c: Context): Promise<{ source: string; text: string; format: ImportFormat | undefined }> {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/(.+\+)?json\b/i.test(type)) {
    const body = await readBody(c, ImportBodySchema, JSON_BODY_LIMIT);
    return { source: body.source, text: body.text, format: body.format };
  }
  const raw = RAW_TYPES.find(([pattern]) => pattern.test(type));
  if (!raw) throw new ApiError(415, 'unsupported_media_type', 'send JSON {source, text, format?}, or the file as text/csv or application/x-ndjson with ?source=NAME');
  const query = readQuery(c, ImportQuerySchema);
  if (Number(c.req.header('content-length') ?? '0') > IMPORT_FILE_LIMIT) throw tooLarge();
  const buffer = await c.req.arrayBuffer();
  if (buffer.byteLength > IMPORT_FILE_LIMIT) throw tooLarge();
  return { source: query.source, text: decodeFile(new Uint8Array(buffer)), format: query.format ?? raw[1] };
}

/** UTF-8, or UTF-16 when the file starts with its byte order mark (spreadsheet tools export both). */
function decodeFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

function tooLarge(): ApiError {
  return new ApiError(413, 'payload_too_large', `an import file is at most ${IMPORT_FILE_LIMIT / MiB} MiB; split larger exports`);
}
