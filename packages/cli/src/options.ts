// Shared option parsing for every command: node:util parseArgs, strict, with usage errors instead of exceptions.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

/** What a command tells the parser about itself, for usage errors and `--help`. */
export interface CommandInfo {
  /** The full command, e.g. `mentionflow packs test`. */
  readonly name: string;
  /** One usage line, without the leading `Usage: `. */
  readonly usage: string;
}

/** The options every command accepts. */
export const COMMON_OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

/** Rule-loading options shared by simulate and empowerment (and `--param` by packs test). */
export const RULE_OPTIONS = {
  packs: { type: 'string', multiple: true },
  param: { type: 'string', multiple: true },
} as const;

function usageMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const quoted = /'([^']+)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? message}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument “${quoted ?? message}”`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(-[^' ]+)/.exec(message)?.[1];
      return option ? `the option ${option} needs a value` : message;
    }
    default:
      return message;
  }
}

/** Parse a command's arguments; any mistake is a UsageError naming the command and its usage. */
export function parseOptions<T extends ParseArgsConfig>(command: CommandInfo, args: readonly string[], config: T) {
  try {
    return parseArgs({ ...config, args: [...args], strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error), command.usage, command.name);
  }
}

/** A usage error for this command. */
export function usageError(command: CommandInfo, message: string): UsageError {
  return new UsageError(message, command.usage, command.name);
}
