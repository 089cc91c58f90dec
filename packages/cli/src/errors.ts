// The two ways a command fails before doing its work: a usage mistake (show the usage) or a fatal problem (say what).

/** The command line itself is wrong: an unknown option, a missing argument, a malformed value. Exit 1 with the usage. */
export class UsageError extends Error {
  readonly usage: string;
  readonly command: string;

  constructor(message: string, usage: string, command: string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
    this.command = command;
  }
}

/** Something the command needs is missing or invalid (a file, a pack, settings). Exit 1; every line goes to stderr. */
export class FatalError extends Error {
  readonly lines: readonly string[];

  constructor(lines: string | readonly string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.name = 'FatalError';
    this.lines = list;
  }
}
