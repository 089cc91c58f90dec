// Where a command's output goes and how it reads files: stdout for results, stderr for everything else.
import fs from 'node:fs';
import path from 'node:path';
import { FatalError } from './errors.ts';

export interface Io {
  /** The directory relative paths (and the default `./rules`) are resolved from. */
  readonly cwd: string;
  /** Write lines of results to stdout. */
  out(lines: string | readonly string[]): void;
  /** Write lines of diagnostics to stderr. */
  err(lines: string | readonly string[]): void;
}

function writer(stream: NodeJS.WriteStream): (lines: string | readonly string[]) => void {
  return (lines) => {
    const list = typeof lines === 'string' ? [lines] : lines;
    // Large batches go out in chunks, so one huge string is never built.
    for (let start = 0; start < list.length; start += 1000) stream.write(`${list.slice(start, start + 1000).join('\n')}\n`);
  };
}

export const processIo: Io = {
  get cwd() {
    return process.cwd();
  },
  out: writer(process.stdout),
  err: writer(process.stderr),
};

/** A file-system error as a short phrase ("no such file or directory"), never a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Read a whole text file (or standard input for `-`), relative to `cwd`; a failure is fatal with a one-line reason. */
export function readTextFile(file: string, what: string, cwd: string): string {
  try {
    return fs.readFileSync(file === '-' ? 0 : path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new FatalError(`cannot read the ${what} “${file}”: ${describeFsError(error)}`);
  }
}
