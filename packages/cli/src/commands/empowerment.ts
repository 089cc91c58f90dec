// `mentionflow empowerment`: answer agents' remedy requests with the empowerment workflows, one JSON line per request.
import { EmpowermentRequestSchema, RuleEngine, readRecords } from '@mentionflow/engine';
import { EXIT, type Command } from '../command.ts';
import type { Io } from '../io.ts';
import { loadRules, parseParameterOverrides, rulePaths } from '../load-rules.ts';
import { COMMON_OPTIONS, RULE_OPTIONS, parseOptions, usageError } from '../options.ts';
import { readInput, reportRejected } from '../read-input.ts';

const name = 'mentionflow empowerment';
const usage = `${name} --requests FILE [--packs DIR|FILE …] [--param PACK.NAME=VALUE …]`;

const help = `Usage: ${usage}

Check whether agents may grant the remedies they ask for, and print one answer per request on
stdout (NDJSON), in input order:
  {"requestId": "r1", "allowed": false, "requiresApproval": "supervisor", "reason": "…"}

A request is {id, agentTier, remedy, amount, currency, customerTier}: agentTier is agent, senior,
supervisor or manager; remedy is refund, voucher, upgrade, replacement or policy_exception;
currency is an ISO 4217 code; customerTier (standard, silver, gold, vip) defaults to standard.

Options:
  --requests FILE          the requests: NDJSON, a JSON array, or CSV with a header row;
                           the format comes from the extension, else the content; "-" is stdin
  --packs DIR|FILE         the rules: a rule pack, a workflow, or a JSON array of workflows;
                           a directory loads its *.json files by name (not *.schema.json).
                           Repeatable. Default: ./rules
  --param PACK.NAME=VALUE  override a pack parameter; VALUE is JSON when it parses, else text.
                           Repeatable.
  -h, --help               show this help

Exit status: 0 when every request was answered; 1 on a usage or fatal error; 2 when some lines
were rejected (each reported on stderr as "line N: reason") and the others answered.`;

const config = {
  options: { ...COMMON_OPTIONS, ...RULE_OPTIONS, requests: { type: 'string' } },
  allowPositionals: false,
} as const;

async function run(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseOptions(empowerment, args, config);
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }
  if (values.requests === undefined) throw usageError(empowerment, 'the option --requests FILE is required');
  const overrides = parseParameterOverrides(empowerment, values.param);
  const { workflows } = loadRules(rulePaths(values.packs, io.cwd), overrides, io.cwd);
  const batch = readInput(values.requests, 'requests file', io.cwd, (text, format) => readRecords(text, EmpowermentRequestSchema, format));
  reportRejected(io, batch.rejected);

  const engine = new RuleEngine({ workflows });
  const lines = batch.records.map(({ value }) => {
    const { requestId, allowed, requiresApproval, reason } = engine.checkEmpowerment(value);
    return JSON.stringify({ requestId, allowed, requiresApproval, reason });
  });
  if (lines.length > 0) io.out(lines);
  return batch.rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}

export const empowerment: Command = {
  name,
  usage,
  summary: 'answer agents’ remedy requests: allowed, or who must approve',
  help,
  run,
};
