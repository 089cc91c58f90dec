// `mentionflow packs`: test rule packs offline (`packs test`), import them into a running server and export them
// from it (`packs import`, `packs export`), and print the pack format's JSON Schema (`packs schema`).
import fs from 'node:fs';
import path from 'node:path';
import { packJsonSchema, parseJsonSafely, runPackTests, type PackTestReport, type WorkflowDiff } from '@mentionflow/engine';
import { EXIT, type Command } from '../command.ts';
import { describeFsError, type Io } from '../io.ts';
import { DEFAULT_RULES_DIR, parseParameterOverrides, readRuleJson, ruleFileKind, ruleFiles } from '../load-rules.ts';
import { COMMON_OPTIONS, RULE_OPTIONS, parseOptions, usageError, type CommandInfo } from '../options.ts';
import { FatalError } from '../errors.ts';
import { DEFAULT_SERVER, SERVER_HELP, SERVER_OPTIONS, ServerClient, isApiError, serverUrl, apiToken, type ServerResponse } from '../server-client.ts';

const testName = 'mentionflow packs test';
const testUsage = `${testName} [PATH …] [--param PACK.NAME=VALUE …]`;

const testHelp = `Usage: ${testUsage}

Run the tests every rule pack carries and print, per pack,
  ✓ <pack id> — N tests
or
  ✗ <pack id>
followed by each failing test with what differed, and the pack's problems (path: message).
The last line is "N passed, N failed", counting tests (a pack with problems counts as 1 failed).

Arguments:
  PATH                     a pack file, or a directory whose *.json packs are run by name
                           (*.schema.json files and workflow files are skipped). Default: ${DEFAULT_RULES_DIR}

Options:
  --param PACK.NAME=VALUE  override a pack parameter for its tests; VALUE is JSON when it
                           parses, else text. Repeatable.
  -h, --help               show this help

Exit status: 0 when every test passed; 1 when any failed, or on a usage or fatal error.`;

const testConfig = {
  options: { ...COMMON_OPTIONS, param: RULE_OPTIONS.param },
  allowPositionals: true,
} as const;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

interface Tally {
  passed: number;
  failed: number;
}

function reportPack(io: Io, report: PackTestReport, tally: Tally): void {
  const failing = report.results.filter((result) => !result.passed);
  tally.passed += report.results.length - failing.length;
  tally.failed += failing.length + (report.problems.length > 0 ? 1 : 0);
  if (report.passed) {
    io.out(`✓ ${report.packId} — ${plural(report.results.length, 'test')}`);
    return;
  }
  const lines = [`✗ ${report.packId}`];
  for (const found of report.problems) lines.push(`  ${found.path}: ${found.message}`);
  for (const result of failing) {
    lines.push(`  ✗ ${result.name}`);
    for (const failure of result.failures) lines.push(`      ${failure}`);
  }
  io.out(lines);
}

async function runTest(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(packsTest, args, testConfig);
  if (values.help) {
    io.out(testHelp);
    return EXIT.ok;
  }
  const overrides = parseParameterOverrides(packsTest, values.param);
  const paths = positionals.length > 0 ? positionals : [DEFAULT_RULES_DIR];
  const files = ruleFiles(paths, io.cwd);
  const tally: Tally = { passed: 0, failed: 0 };
  const seen = new Set<string>();
  for (const { file, explicit } of files) {
    const read = readRuleJson(file, io.cwd);
    if (!read.ok) {
      io.out([`✗ ${file}`, `  ${read.message}`]);
      tally.failed += 1;
      continue;
    }
    if (ruleFileKind(read.json) !== 'pack') {
      if (explicit) {
        io.out([`✗ ${file}`, '  not a rule pack: it holds workflows, which carry no tests']);
        tally.failed += 1;
      }
      continue;
    }
    const id = (read.json as { id?: unknown }).id;
    if (typeof id === 'string') seen.add(id);
    let report: PackTestReport;
    try {
      report = runPackTests(read.json, typeof id === 'string' ? (overrides.get(id) ?? {}) : {});
    } catch (error) {
      io.out([`✗ ${typeof id === 'string' ? id : file}`, `  the tests could not run: ${(error as Error).message}`]);
      tally.failed += 1;
      continue;
    }
    reportPack(io, report, tally);
  }
  const unknown = [...overrides.keys()].filter((packId) => !seen.has(packId));
  if (unknown.length > 0) throw new FatalError(unknown.map((packId) => `--param: no pack with the id “${packId}” was found`));
  if (seen.size === 0 && tally.failed === 0) io.err(`no rule packs found in ${paths.join(', ')}`);
  io.out(`${tally.passed} passed, ${tally.failed} failed`);
  return tally.failed > 0 ? EXIT.error : EXIT.ok;
}

const packsTest: Command = {
  name: testName,
  usage: testUsage,
  summary: 'run every rule pack’s own tests',
  help: testHelp,
  run: runTest,
};

/** Write pretty JSON (2 spaces, trailing newline) to `file`, or to stdout without one or for "-". */
function writeJson(io: Io, file: string | undefined, value: unknown): boolean {
  const text = JSON.stringify(value, null, 2);
  if (file === undefined || file === '-') {
    io.out(text);
    return false;
  }
  try {
    fs.writeFileSync(path.resolve(io.cwd, file), `${text}\n`);
  } catch (error) {
    throw new FatalError(`cannot write “${file}”: ${describeFsError(error)}`);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------- packs import

/** What the server answers to preview and import (see apps/server/src/domain/pack-store.ts). */
interface PackPreview {
  pack: { id: string; name: string; version: string; installedVersion: string | null; status: 'new' | 'same' | 'upgrade' };
  parameters: Record<string, unknown>;
  workflows: { id: string; name: string; plan: 'add' | 'replace' | 'unchanged' | 'keep_local'; diff?: WorkflowDiff }[];
  retired: string[];
  effect: { mentions: number; changed: number; examples: { mentionId: string; before: Outcome; after: Outcome }[] };
}

interface Outcome {
  queue: string | null;
  priority: string | null;
}

interface PackProblemBody {
  path: string;
  message: string;
  code?: string;
}

const importName = 'mentionflow packs import';
const importUsage = `${importName} FILE [--server URL] [--param NAME=VALUE …] [--dry-run] [--token TOKEN]`;

const importHelp = `Usage: ${importUsage}

Import a rule pack into a running Mentionflow server (all or nothing), or upgrade the one installed:
workflows the team edited on the server keep their edits. The output is the pack's status (new,
same or upgrade), then one line per workflow with its plan:
  add         the workflow is new
  replace     the pack's newer workflow replaces the installed one
  unchanged   the installed workflow already is the pack's
  keep_local  the team edited the workflow on the server: their version stays

Arguments:
  FILE                     the pack (JSON); "-" is stdin

Options:
  --dry-run                only preview: print the plans and how many recent mentions would be
                           decided differently ("N of M recent mentions would change"); import nothing
  --param NAME=VALUE       set a pack parameter (PACK.NAME=VALUE also works); VALUE is JSON when it
                           parses, else text. Repeatable.
${SERVER_HELP}
  -h, --help               show this help

Exit status: 0 when the pack was imported (or previewed); 1 when the server refused it (every
problem is printed as "FILE: path: message"), could not be reached, or on a usage or fatal error.`;

const importConfig = {
  options: { ...COMMON_OPTIONS, ...SERVER_OPTIONS, param: RULE_OPTIONS.param, 'dry-run': { type: 'boolean' } },
  allowPositionals: true,
} as const;

/** Parse `--param NAME=VALUE` (or `PACK.NAME=VALUE` naming this pack); the value is JSON when it parses, else text. */
function importParameters(command: CommandInfo, values: readonly string[] | undefined, packId: string | undefined): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const option of values ?? []) {
    const match = /^(?:([^=]+)\.)?([A-Za-z][A-Za-z0-9_]*)=(.*)$/s.exec(option);
    if (!match) throw usageError(command, `--param “${option}”: expected NAME=VALUE, e.g. --param agentLimit=100`);
    const [, prefix, name, raw] = match as unknown as [string, string | undefined, string, string];
    if (prefix !== undefined && prefix !== packId) {
      throw usageError(command, `--param “${option}”: the pack's id is “${packId ?? '?'}”, not “${prefix}”; use NAME=VALUE`);
    }
    let value: unknown = raw;
    try {
      value = parseJsonSafely(raw);
    } catch {
      // Not JSON: the value is the text itself.
    }
    parameters[name] = value;
  }
  return parameters;
}

/** A replaced or locally edited workflow's differences, e.g. `2 nodes changed, 1 node added, name`. */
function describeDiff(diff: WorkflowDiff | undefined): string {
  if (!diff || diff.identical) return '';
  const parts: string[] = [];
  if (diff.changedNodes.length > 0) parts.push(`${plural(diff.changedNodes.length, 'node')} changed`);
  if (diff.addedNodes.length > 0) parts.push(`${plural(diff.addedNodes.length, 'node')} added`);
  if (diff.removedNodes.length > 0) parts.push(`${plural(diff.removedNodes.length, 'node')} removed`);
  if (diff.addedEdges.length > 0) parts.push(`${plural(diff.addedEdges.length, 'edge')} added`);
  if (diff.removedEdges.length > 0) parts.push(`${plural(diff.removedEdges.length, 'edge')} removed`);
  if (diff.properties.length > 0) parts.push(`${diff.properties.join(' and ')} changed`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function statusLine(preview: PackPreview, dryRun: boolean, parametersGiven: boolean): string {
  const { id, name: packName, version, installedVersion, status } = preview.pack;
  const pack = `${id} ${version} (${packName})`;
  const detail =
    status === 'upgrade'
      ? `upgrade from ${installedVersion ?? '?'}`
      : status === 'same'
        ? `same — ${version} is already installed${parametersGiven ? (dryRun ? '; the parameters would be applied' : '; parameters applied') : dryRun ? '' : ', nothing changed'}`
        : 'new';
  if (dryRun) return `Would import ${pack}: ${detail}`;
  return status === 'same' && !parametersGiven ? `${pack}: ${detail}` : `Imported ${pack}: ${detail}`;
}

/** A long value cut to `max` characters, ending in “…”. */
function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function outcome(value: Outcome): string {
  return `${value.queue ?? '(no queue)'}/${value.priority ?? '(no priority)'}`;
}

function reportPreview(io: Io, preview: PackPreview, dryRun: boolean, parametersGiven: boolean): void {
  const lines = [statusLine(preview, dryRun, parametersGiven)];
  for (const workflow of preview.workflows) {
    const note = workflow.plan === 'keep_local' ? ' — edited on the server, the edits stay' : '';
    lines.push(`  ${workflow.plan.padEnd(11)} ${workflow.id} — ${workflow.name}${describeDiff(workflow.diff)}${note}`);
  }
  for (const id of preview.retired) lines.push(`  ${'retired'.padEnd(11)} ${id} — no longer in the pack, left in place`);
  const parameters = Object.entries(preview.parameters);
  if (parameters.length > 0) lines.push('Parameters:', ...parameters.map(([name, value]) => `  ${name} = ${shorten(JSON.stringify(value) ?? 'null', 72)}`));
  if (dryRun) {
    lines.push(`${preview.effect.changed} of ${plural(preview.effect.mentions, 'recent mention')} would change`);
    for (const example of preview.effect.examples) lines.push(`  ${example.mentionId}: ${outcome(example.before)} → ${outcome(example.after)}`);
    lines.push('Dry run: nothing was imported.');
  }
  io.out(lines);
}

/** The server's refusal of a pack as lines: each problem as `FILE: path: message`, a clash with its workflows. */
function refusal(client: ServerClient, file: string, response: ServerResponse, parameters: Record<string, unknown>): FatalError {
  const body = response.body;
  if (response.status === 422 && isApiError(body)) {
    const details = body.details as { problems?: PackProblemBody[] } | { field: string; message: string }[] | undefined;
    const lines: string[] = [];
    if (Array.isArray(details)) {
      for (const issue of details) lines.push(`${file}: ${issue.field}: ${issue.message}`);
    } else {
      for (const found of details?.problems ?? []) {
        // A bad --param comes back at `parameters.NAME`: say it was the option, not the file.
        const name = /^parameters\.([A-Za-z][A-Za-z0-9_]*)$/.exec(found.path)?.[1];
        const fromOption = name !== undefined && Object.hasOwn(parameters, name) && (found.code === 'invalid_parameter' || found.code === 'unknown_parameter');
        lines.push(fromOption ? `--param ${name}: ${found.message}` : `${file}: ${found.path}: ${found.message}`);
      }
    }
    lines.push(`${file}: ${body.message}`);
    return new FatalError(lines);
  }
  if (response.status === 409 && isApiError(body)) {
    const clashes = (body.details as { workflows?: unknown } | undefined)?.workflows;
    const lines = [`${file}: ${body.message}`];
    if (Array.isArray(clashes)) for (const id of clashes) lines.push(`  clashing workflow: ${String(id)}`);
    return new FatalError(lines);
  }
  return client.failure(response, `${file}: the server refused the pack`);
}

function isPreview(body: unknown): body is PackPreview {
  const preview = body as Partial<PackPreview> | undefined;
  return typeof preview?.pack?.id === 'string' && Array.isArray(preview.workflows) && Array.isArray(preview.retired) && typeof preview.effect === 'object';
}

async function runImport(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(packsImport, args, importConfig);
  if (values.help) {
    io.out(importHelp);
    return EXIT.ok;
  }
  const [file, extra] = positionals;
  if (file === undefined) throw usageError(packsImport, 'which pack? give the pack file, e.g. rules/sla-escalation.json');
  if (extra !== undefined) throw usageError(packsImport, `unexpected argument “${extra}” (one pack at a time)`);
  const client = new ServerClient(serverUrl(packsImport, values.server), apiToken(packsImport, values.token));
  const read = readRuleJson(file, io.cwd);
  if (!read.ok) throw new FatalError(`${file}: ${read.message}`);
  if (ruleFileKind(read.json) !== 'pack') throw new FatalError(`${file}: not a rule pack: it holds workflows; put them in a pack (id, name, version, workflows) to import them`);
  const packId = (read.json as { id?: unknown }).id;
  const parameters = importParameters(packsImport, values.param, typeof packId === 'string' ? packId : undefined);
  const dryRun = values['dry-run'] === true;

  const response = await client.request('POST', dryRun ? '/api/packs/preview' : '/api/packs/import', { pack: read.json, parameters });
  if (response.status !== 200 && response.status !== 201) throw refusal(client, file, response, parameters);
  if (!isPreview(response.body)) throw new FatalError(`${file}: the server at ${client.base} answered ${response.status} with something other than a pack preview`);
  reportPreview(io, response.body, dryRun, Object.keys(parameters).length > 0);
  return EXIT.ok;
}

const packsImport: Command = {
  name: importName,
  usage: importUsage,
  summary: 'import a pack into a running server (--dry-run: preview its plan and effect)',
  help: importHelp,
  run: runImport,
};

// ---------------------------------------------------------------------------------------------- packs export

const exportName = 'mentionflow packs export';
const exportUsage = `${exportName} ID [--server URL] [--out FILE] [--token TOKEN]`;

const exportHelp = `Usage: ${exportUsage}

Export a pack installed on a running Mentionflow server as a pack file: its workflows as published
there (with the team's edits) and its current parameter values as the defaults. The JSON is printed
(2-space indent), or written to FILE.

Arguments:
  ID                       the pack's id, e.g. sla-escalation

Options:
  --out FILE               write the pack to FILE instead of stdout ("-" is stdout)
${SERVER_HELP}
  -h, --help               show this help

Exit status: 0 when the pack was exported; 1 when no such pack is installed, the server could not
be reached, or on a usage or fatal error.`;

const exportConfig = {
  options: { ...COMMON_OPTIONS, ...SERVER_OPTIONS, out: { type: 'string' } },
  allowPositionals: true,
} as const;

async function runExport(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(packsExport, args, exportConfig);
  if (values.help) {
    io.out(exportHelp);
    return EXIT.ok;
  }
  const [id, extra] = positionals;
  if (id === undefined || id === '') throw usageError(packsExport, 'which pack? give its id, e.g. sla-escalation');
  if (extra !== undefined) throw usageError(packsExport, `unexpected argument “${extra}” (one pack at a time)`);
  const client = new ServerClient(serverUrl(packsExport, values.server), apiToken(packsExport, values.token));
  const response = await client.request('GET', `/api/packs/${encodeURIComponent(id)}/export`);
  if (response.status === 404) throw new FatalError(`no pack “${id}” is installed on the server at ${client.base}`);
  if (response.status !== 200) throw client.failure(response, `cannot export the pack “${id}”`);
  const pack = response.body as { id?: unknown; version?: unknown } | undefined;
  if (typeof pack?.id !== 'string') throw new FatalError(`the server at ${client.base} answered the export of “${id}” with something other than a pack`);
  if (writeJson(io, values.out, pack)) io.err(`exported ${pack.id} ${String(pack.version)} to ${values.out}`);
  return EXIT.ok;
}

const packsExport: Command = {
  name: exportName,
  usage: exportUsage,
  summary: 'export a pack installed on a running server as a pack file',
  help: exportHelp,
  run: runExport,
};

// ---------------------------------------------------------------------------------------------- packs schema

const schemaName = 'mentionflow packs schema';
const schemaUsage = `${schemaName} [--out FILE]`;

const schemaHelp = `Usage: ${schemaUsage}

Print the JSON Schema of the rule pack format (2-space indent), generated from the engine's own
pack schema. Editors use it to check packs as they are written: a pack names it with
"$schema": "./pack.schema.json". "npm run schema:packs" refreshes rules/pack.schema.json.

Options:
  --out FILE               write the schema to FILE instead of stdout ("-" is stdout)
  -h, --help               show this help

Exit status: 0 when the schema was written; 1 on a usage or fatal error.`;

const schemaConfig = {
  options: { ...COMMON_OPTIONS, out: { type: 'string' } },
  allowPositionals: false,
} as const;

async function runSchema(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseOptions(packsSchema, args, schemaConfig);
  if (values.help) {
    io.out(schemaHelp);
    return EXIT.ok;
  }
  writeJson(io, values.out, packJsonSchema());
  return EXIT.ok;
}

const packsSchema: Command = {
  name: schemaName,
  usage: schemaUsage,
  summary: 'print the JSON Schema of the pack format',
  help: schemaHelp,
  run: runSchema,
};

// ---------------------------------------------------------------------------------------------- packs

const SUBCOMMANDS: readonly Command[] = [packsTest, packsImport, packsExport, packsSchema];

const name = 'mentionflow packs';
const usage = `${name} test|import|export|schema [options]`;

const help = `Usage: ${usage}

Work with rule packs: workflows that encode good practice, with typed parameters and tests.
"test" and "schema" work on files alone; "import" and "export" talk to a running Mentionflow
server (--server URL, else $MENTIONFLOW_SERVER, else ${DEFAULT_SERVER}).

Commands:
${SUBCOMMANDS.map((command) => `  ${command.name.slice(name.length + 1).padEnd(10)} ${command.summary}`).join('\n')}

Run "${name} <command> --help" for a command's options.`;

async function run(args: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(help);
    return EXIT.ok;
  }
  if (first === undefined) throw usageError(packs, 'which packs command? (test, import, export, schema)');
  const command = SUBCOMMANDS.find((candidate) => candidate.name === `${name} ${first}`);
  if (!command) throw usageError(packs, `unknown packs command “${first}”`);
  return command.run(rest, io);
}

export const packs: Command = {
  name,
  usage,
  summary: 'work with rule packs (test, import, export, schema)',
  help,
  run,
};
