// The mentionflow command line: picks the command, runs it, and turns every failure into a clear line and an exit code.
import { createRequire } from 'node:module';
import { EXIT, type Command } from './command.ts';
import { FatalError, UsageError } from './errors.ts';
import { processIo, type Io } from './io.ts';
import { simulate } from './commands/simulate.ts';
import { empowerment } from './commands/empowerment.ts';
import { packs } from './commands/packs.ts';
import { importCommand } from './commands/import.ts';

const COMMANDS: readonly Command[] = [simulate, empowerment, packs, importCommand];
const USAGE = 'mentionflow <command> [options]';

const HELP = `Usage: ${USAGE}

Mentionflow's rules engine on the command line: decide files of mentions offline, test rule packs, and move packs to and from a server.

Commands:
${COMMANDS.map((command) => `  ${command.name.slice('mentionflow '.length).padEnd(12)} ${command.summary}`).join('\n')}

Options:
  -h, --help     show this help (or a command's, after its name)
  -v, --version  show the version

Run "mentionflow <command> --help" for a command's options.`;

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((command) => command.name === `mentionflow ${name}`);
}

async function dispatch(args: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h') {
    io.out(HELP);
    return EXIT.ok;
  }
  if (first === 'help') {
    const command = rest[0] === undefined ? undefined : findCommand(rest[0]);
    if (rest[0] !== undefined && !command) throw new UsageError(`unknown command “${rest[0]}”`, USAGE, 'mentionflow');
    io.out(command ? command.help : HELP);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return EXIT.ok;
  }
  if (first === undefined) throw new UsageError(`which command? (${COMMANDS.map((command) => command.name.slice('mentionflow '.length)).join(', ')})`, USAGE, 'mentionflow');
  const command = findCommand(first);
  if (!command) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command “${first}”`;
    throw new UsageError(what, USAGE, 'mentionflow');
  }
  return command.run(rest, io);
}

/** Run the command line; resolves to the exit code. Never throws and never prints a stack trace. */
export async function main(args: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err([`${error.command}: ${error.message}`, `Usage: ${error.usage}`, `Run "${error.command} --help" for details.`]);
      return EXIT.error;
    }
    if (error instanceof FatalError) {
      io.err(error.lines);
      return EXIT.error;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`mentionflow: unexpected error: ${message}`);
    if (process.env.MENTIONFLOW_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT.error;
  }
}
