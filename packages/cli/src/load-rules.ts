// Loads the rules a command runs: rule packs, single workflows and arrays of workflows, from files and directories.
import fs from 'node:fs';
import path from 'node:path';
import {
  compilePack,
  compileWorkflow,
  jsonPath,
  parseJsonSafely,
  type CompiledWorkflow,
  type Problem,
  type Workflow,
} from '@mentionflow/engine';
import { FatalError } from './errors.ts';
import { describeFsError, readTextFile } from './io.ts';
import { usageError, type CommandInfo } from './options.ts';

/** What a rule file holds, judged from its shape (the schemas then say whether it is valid). */
export type RuleFileKind = 'pack' | 'workflow' | 'workflows';

export interface RuleFile {
  /** The path as the user gave it (directory entries joined to their directory). */
  readonly file: string;
  /** True when the file was named on the command line, false when it was found in a directory. */
  readonly explicit: boolean;
}

/** Parameter overrides from `--param packId.name=value`, by pack id. */
export type ParameterOverrides = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

/** Where rules are looked for when no path is given. */
export const DEFAULT_RULES_DIR = 'rules';

/** Expand paths into rule files: a file as is, a directory into its `*.json` files by name (not `*.schema.json`). */
export function ruleFiles(paths: readonly string[], cwd: string): RuleFile[] {
  const files: RuleFile[] = [];
  const seen = new Set<string>();
  const add = (file: string, explicit: boolean): void => {
    // The same file named twice (or through its directory) is loaded once.
    const resolved = path.resolve(cwd, file);
    if (seen.has(resolved)) return;
    seen.add(resolved);
    files.push({ file, explicit });
  };
  for (const given of paths) {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(path.resolve(cwd, given));
    } catch (error) {
      throw new FatalError(`cannot read the rules “${given}”: ${describeFsError(error)}`);
    }
    if (!stats.isDirectory()) {
      add(given, true);
      continue;
    }
    const names = fs
      .readdirSync(path.resolve(cwd, given))
      .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
      .sort();
    for (const name of names) add(path.join(given, name), false);
  }
  return files;
}

/** The rule paths a command uses: the `--packs` values, else `./rules` when it exists. */
export function rulePaths(packs: readonly string[] | undefined, cwd: string): string[] {
  if (packs && packs.length > 0) return [...packs];
  if (fs.existsSync(path.resolve(cwd, DEFAULT_RULES_DIR))) return [DEFAULT_RULES_DIR];
  throw new FatalError(`no rules to run: pass --packs DIR|FILE, or run where a ./${DEFAULT_RULES_DIR} directory exists`);
}

/** Read and parse one rule file as JSON; invalid JSON is a problem line, not an exception. */
export function readRuleJson(file: string, cwd: string): { ok: true; json: unknown } | { ok: false; message: string } {
  const text = readTextFile(file, 'rule file', cwd);
  try {
    return { ok: true, json: parseJsonSafely(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${(error as Error).message}` };
  }
}

/** An array holds workflows; an object with a graph is a workflow; anything else is read as a pack. */
export function ruleFileKind(json: unknown): RuleFileKind {
  if (Array.isArray(json)) return 'workflows';
  if (json && typeof json === 'object' && 'graph' in json && !('workflows' in json)) return 'workflow';
  return 'pack';
}

/** Parse `--param packId.name=value` options; the value is JSON when it parses as JSON, else a string. */
export function parseParameterOverrides(command: CommandInfo, values: readonly string[] | undefined): Map<string, Record<string, unknown>> {
  const overrides = new Map<string, Record<string, unknown>>();
  for (const option of values ?? []) {
    const match = /^([^=]+)\.([A-Za-z][A-Za-z0-9_]*)=(.*)$/s.exec(option);
    if (!match) throw usageError(command, `--param “${option}”: expected PACK.NAME=VALUE, e.g. --param core.slaMinutes=30`);
    const [, packId, name, raw] = match as unknown as [string, string, string, string];
    let value: unknown = raw;
    try {
      value = parseJsonSafely(raw);
    } catch {
      // Not JSON: the value is the text itself.
    }
    const forPack = overrides.get(packId) ?? {};
    forPack[name] = value;
    overrides.set(packId, forPack);
  }
  return overrides;
}

/** A compiler problem's JSON path inside a workflow, e.g. `graph.nodes[2].data.clauses[0].value`. */
function problemPath(workflow: unknown, found: Problem, prefix: readonly (string | number)[]): string {
  const graph = (workflow as Partial<Workflow> | undefined)?.graph;
  const nodes = Array.isArray(graph?.nodes) ? graph.nodes : [];
  const edges = Array.isArray(graph?.edges) ? graph.edges : [];
  const nodeIndex = found.nodeId === undefined ? -1 : nodes.findIndex((node) => node?.id === found.nodeId);
  const edgeIndex = found.edgeId === undefined ? -1 : edges.findIndex((edge) => edge?.id === found.edgeId);
  let keys: (string | number)[];
  // A connection problem names both the edge and its source node: the edge is the more precise place.
  if (edgeIndex >= 0) keys = [...prefix, 'graph', 'edges', edgeIndex];
  else if (nodeIndex >= 0) keys = [...prefix, 'graph', 'nodes', nodeIndex, 'data', ...(found.path ?? [])];
  else keys = [...prefix, ...(found.path ?? [])];
  return keys.length > 0 ? jsonPath(keys) : '(workflow)';
}

export interface LoadedRules {
  readonly workflows: CompiledWorkflow[];
  /** The ids of the packs loaded, by file. */
  readonly packs: ReadonlyMap<string, string>;
}

/**
 * Load and compile every rule file. Packs compile with their parameter defaults, overridden by `--param`.
 * Any problem is fatal: every one is reported as `FILE: path: message`.
 */
export function loadRules(paths: readonly string[], overrides: ParameterOverrides, cwd: string): LoadedRules {
  const problems: string[] = [];
  const workflows: CompiledWorkflow[] = [];
  const packs = new Map<string, string>();
  const workflowFiles = new Map<string, string>();
  const packFiles = new Map<string, string>();

  const addWorkflow = (file: string, compiled: CompiledWorkflow, where: string): void => {
    const earlier = workflowFiles.get(compiled.workflowId);
    if (earlier !== undefined) {
      problems.push(`${file}: ${where}: the workflow id “${compiled.workflowId}” is already used in ${earlier}`);
      return;
    }
    workflowFiles.set(compiled.workflowId, file);
    workflows.push(compiled);
  };

  const compileOne = (file: string, workflow: unknown, prefix: (string | number)[]): void => {
    const result = compileWorkflow(workflow);
    if (result.ok) {
      addWorkflow(file, result.workflow, jsonPath([...prefix, 'id']));
      return;
    }
    for (const found of result.problems) {
      if (found.severity === 'error') problems.push(`${file}: ${problemPath(workflow, found, prefix)}: ${found.message}`);
    }
  };

  const files = ruleFiles(paths, cwd);
  if (files.length === 0) throw new FatalError(`no rule files (*.json) in ${paths.join(', ')}`);
  for (const { file } of files) {
    const read = readRuleJson(file, cwd);
    if (!read.ok) {
      problems.push(`${file}: ${read.message}`);
      continue;
    }
    const kind = ruleFileKind(read.json);
    if (kind === 'workflow') {
      compileOne(file, read.json, []);
    } else if (kind === 'workflows') {
      const list = read.json as unknown[];
      if (list.length === 0) problems.push(`${file}: (file): the array holds no workflows`);
      list.forEach((workflow, index) => compileOne(file, workflow, [index]));
    } else {
      const id = (read.json as { id?: unknown } | null)?.id;
      const compiled = compilePack(read.json, typeof id === 'string' ? (overrides.get(id) ?? {}) : {});
      if (!compiled.ok) {
        for (const found of compiled.problems) problems.push(`${file}: ${found.path}: ${found.message}`);
        if (compiled.pack) packs.set(file, compiled.pack.id);
        continue;
      }
      const earlier = packFiles.get(compiled.pack.id);
      if (earlier !== undefined) {
        problems.push(`${file}: id: the pack id “${compiled.pack.id}” is already used in ${earlier}`);
        continue;
      }
      packFiles.set(compiled.pack.id, file);
      packs.set(file, compiled.pack.id);
      compiled.workflows.forEach((workflow, index) => addWorkflow(file, workflow, `workflows[${index}].id`));
    }
  }

  const packIds = new Set(packs.values());
  for (const packId of overrides.keys()) {
    if (!packIds.has(packId)) problems.push(`--param: no pack with the id “${packId}” is loaded`);
  }
  if (problems.length > 0) throw new FatalError(problems);
  return { workflows, packs };
}
