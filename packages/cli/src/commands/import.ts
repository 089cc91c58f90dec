// `mentionflow import`: send a listening tool's CSV or NDJSON export to a running server, which maps it with the
// source's saved mapping (or the one given with --mapping) and ingests it like any mention.
import { parseJsonSafely } from '@mentionflow/engine';
import { EXIT, type Command } from '../command.ts';
import { readTextFile, type Io } from '../io.ts';
import { COMMON_OPTIONS, parseOptions, usageError } from '../options.ts';
import { FatalError } from '../errors.ts';
import { reportRejected } from '../read-input.ts';
import { SERVER_HELP, SERVER_OPTIONS, ServerClient, isApiError, serverUrl, apiToken, type ServerResponse } from '../server-client.ts';

const name = 'mentionflow import';
const usage = `${name} FILE --source NAME [--mapping FILE] [--format csv|ndjson] [--server URL] [--token TOKEN]`;

/** The server takes files up to 20 MiB (apps/server/src/channels/mention-import.ts). */
const FILE_LIMIT = 20 * 1024 * 1024;

const help = `Usage: ${usage}

Import a listening tool's export into a running Mentionflow server. Each row becomes a mention,
decided by the published workflows like any other. The server reads the file with the source's
saved column mapping; rows repeated in the file, or already imported (same channel and id), count
as duplicates. Prints
  FILE: N created, N duplicates, N rejected (N rows, FORMAT)
and each rejected row on stderr as "line N: reason".

Arguments:
  FILE                     the export: CSV with a header row, or NDJSON; "-" is stdin (at most 20 MiB)

Options:
  --source NAME            the source whose mapping reads the file, e.g. talkwalker (required)
  --mapping FILE           save this mapping for the source first (JSON: {format?, mapping,
                           channelValues?, kindValues?, dateFormat?, timezone?}), as
                           PUT /api/imports/sources/NAME does
  --format csv|ndjson      the file's format; default: from the extension (.csv, .ndjson, .jsonl),
                           else the source's saved format, else the content
${SERVER_HELP}
  -h, --help               show this help

Exit status: 0 when every row was imported or a duplicate; 2 when rows were rejected (the others
were imported); 1 when the server refused the file or the mapping, could not be reached, or on a
usage or fatal error.`;

const config = {
  options: { ...COMMON_OPTIONS, ...SERVER_OPTIONS, source: { type: 'string' }, mapping: { type: 'string' }, format: { type: 'string' } },
  allowPositionals: true,
} as const;

interface ImportSummary {
  source: string;
  format: string;
  rows: number;
  created: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
}

function isSummary(body: unknown): body is ImportSummary {
  const summary = body as Partial<ImportSummary> | undefined;
  return typeof summary?.created === 'number' && typeof summary.duplicates === 'number' && Array.isArray(summary.rejected);
}

function formatOf(file: string, option: string | undefined): 'csv' | 'ndjson' | undefined {
  if (option !== undefined) {
    if (option !== 'csv' && option !== 'ndjson') throw usageError(importCommand, `--format “${option}”: use csv or ndjson`);
    return option;
  }
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  return undefined;
}

/** A refusal with field details (a mapping the server rejects, a file missing a column) as one line per field. */
function refusal(client: ServerClient, what: string, response: ServerResponse): FatalError {
  const body = response.body;
  if (response.status === 422 && isApiError(body)) {
    const details = body.details as { field: string; message: string }[] | { missing?: { field: string; message: string }[] } | undefined;
    const issues = Array.isArray(details) ? details : (details?.missing ?? []);
    return new FatalError([...issues.map((issue) => `${what}: ${issue.field}: ${issue.message}`), `${what}: ${body.message}`]);
  }
  return client.failure(response, `${what}: the server refused it`);
}

async function saveMapping(client: ServerClient, io: Io, source: string, file: string): Promise<void> {
  const text = readTextFile(file, 'mapping file', io.cwd);
  let mapping: unknown;
  try {
    mapping = parseJsonSafely(text);
  } catch (error) {
    throw new FatalError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const response = await client.request('PUT', `/api/imports/sources/${encodeURIComponent(source)}`, mapping);
  if (response.status !== 200 && response.status !== 201) throw refusal(client, file, response);
  io.err(`${response.status === 201 ? 'saved' : 'updated'} the mapping of source “${source}” from ${file}`);
}

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(importCommand, args, config);
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }
  const [file, extra] = positionals;
  if (file === undefined) throw usageError(importCommand, 'which file? give the export, e.g. exports/march.csv');
  if (extra !== undefined) throw usageError(importCommand, `unexpected argument “${extra}” (one file at a time)`);
  if (values.source === undefined || values.source === '') throw usageError(importCommand, 'the option --source NAME is required: it names the mapping that reads the file');
  const format = formatOf(file, values.format);
  const client = new ServerClient(serverUrl(importCommand, values.server), apiToken(importCommand, values.token));
  const text = readTextFile(file, 'export', io.cwd);
  if (Buffer.byteLength(text, 'utf8') > FILE_LIMIT) throw new FatalError(`${file}: larger than 20 MiB; split the export and import each part`);

  if (values.mapping !== undefined) await saveMapping(client, io, values.source, values.mapping);
  const response = await client.request('POST', '/api/mentions/import', { source: values.source, text, ...(format ? { format } : {}) });
  if (response.status === 404 && isApiError(response.body)) {
    throw new FatalError(`${file}: no import source “${values.source}” on the server at ${client.base}; give its mapping with --mapping FILE`);
  }
  if (response.status !== 200) throw refusal(client, file, response);
  if (!isSummary(response.body)) throw new FatalError(`${file}: the server at ${client.base} answered with something other than an import summary`);
  const summary = response.body;
  const rows = `${summary.rows} row${summary.rows === 1 ? '' : 's'}`;
  io.out(`${file}: ${summary.created} created, ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}, ${summary.rejected.length} rejected (${rows}, ${summary.format})`);
  reportRejected(io, summary.rejected.map((row) => ({ line: row.line, message: row.reason })));
  return summary.rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}

export const importCommand: Command = {
  name,
  usage,
  summary: 'import a listening tool’s CSV or NDJSON export into a running server',
  help,
  run,
};
