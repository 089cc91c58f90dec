// `mentionflow packs test`: run every rule pack's own tests and report per pack, ending with `N passed, N failed`.
import { runPackTests, type PackTestReport } from '@mentionflow/engine';
import { EXIT, type Command } from '../command.ts';
import type { Io } from '../io.ts';
import { DEFAULT_RULES_DIR, parseParameterOverrides, readRuleJson, ruleFileKind, ruleFiles } from '../load-rules.ts';
import { COMMON_OPTIONS, RULE_OPTIONS, parseOptions, usageError } from '../options.ts';
import { FatalError } from '../errors.ts';

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

const SUBCOMMANDS: readonly Command[] = [packsTest];

const name = 'mentionflow packs';
const usage = `${name} test [PATH …] [--param PACK.NAME=VALUE …]`;

const help = `Usage: ${usage}

Work with rule packs: workflows that encode good practice, with typed parameters and tests.

Commands:
${SUBCOMMANDS.map((command) => `  ${command.name.slice(name.length + 1).padEnd(10)} ${command.summary}`).join('\n')}

Run "${name} <command> --help" for a command's options.`;

async function run(args: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(help);
    return EXIT.ok;
  }
  if (first === undefined) throw usageError(packs, 'which packs command? (test)');
  const command = SUBCOMMANDS.find((candidate) => candidate.name === `${name} ${first}`);
  if (!command) throw usageError(packs, `unknown packs command “${first}”`);
  return command.run(rest, io);
}

export const packs: Command = {
  name,
  usage,
  summary: 'work with rule packs (packs test)',
  help,
  run,
};
