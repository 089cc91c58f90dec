// What a command is: its name and usage for errors, its help, and the function that runs it and returns an exit code.
import type { Io } from './io.ts';
import type { CommandInfo } from './options.ts';

export interface Command extends CommandInfo {
  /** One line for the command list in `mentionflow --help`. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Run with the arguments after the command name; resolves to the exit code. */
  run(args: readonly string[], io: Io): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, error: 1, rejected: 2 } as const;
