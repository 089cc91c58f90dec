// Talks to a running Mentionflow server over HTTP (fetch): where it is, who is asking, and its errors as clear lines.
import { parseJsonSafely } from '@mentionflow/engine';
import { FatalError } from './errors.ts';
import { usageError, type CommandInfo } from './options.ts';

/** Where the server is looked for without `--server` or MENTIONFLOW_SERVER. */
export const DEFAULT_SERVER = 'http://localhost:8787';

/** How long one request may take before the command gives up. */
const TIMEOUT_MS = 30_000;

/** The options of every command that talks to the server. */
export const SERVER_OPTIONS = {
  server: { type: 'string' },
  user: { type: 'string' },
} as const;

/** The `--help` lines for SERVER_OPTIONS, aligned with the other options at column 27. */
export const SERVER_HELP = `  --server URL             the Mentionflow server; default: $MENTIONFLOW_SERVER, else
                           ${DEFAULT_SERVER}
  --user NAME              who is asking, recorded by the server (the x-mentionflow-user header)`;

/** The error body every API route answers with. */
export interface ApiErrorBody {
  readonly error: string;
  readonly message: string;
  readonly details?: unknown;
}

export interface ServerResponse {
  readonly status: number;
  /** The JSON body (undefined when empty). */
  readonly body: unknown;
}

/** The user names the server accepts in x-mentionflow-user (others it ignores, so they are refused here). */
const USER_NAME = /^[\w .@-]{1,100}$/;

/** The server's base URL from `--server`, else MENTIONFLOW_SERVER, else the default; without a trailing slash. */
export function serverUrl(command: CommandInfo, option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const given = option ?? (env.MENTIONFLOW_SERVER?.trim() || undefined) ?? DEFAULT_SERVER;
  const where = option !== undefined ? '--server' : 'MENTIONFLOW_SERVER';
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw usageError(command, `${where} “${given}” is not a URL, e.g. ${DEFAULT_SERVER}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(command, `${where} “${given}” is not an http:// or https:// URL`);
  return url.href.replace(/\/+$/, '');
}

/** The `--user` value, checked against what the server records. */
export function userName(command: CommandInfo, option: string | undefined): string | undefined {
  if (option === undefined) return undefined;
  if (!USER_NAME.test(option)) throw usageError(command, `--user “${option}”: use 1 to 100 letters, digits, spaces, “.”, “@”, “-” or “_”`);
  return option;
}

/** Why a request never got an answer, as a short phrase. */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: unknown } | undefined)?.cause as (NodeJS.ErrnoException & { errors?: unknown[] }) | undefined;
  // A host with several addresses (localhost: ::1 and 127.0.0.1) fails with an AggregateError of each attempt.
  const first = (cause?.code === undefined && Array.isArray(cause?.errors) ? cause.errors[0] : cause) as NodeJS.ErrnoException | undefined;
  switch (first?.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no such host';
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'ETIMEDOUT':
      return 'the connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the host is unreachable';
    default:
      return first?.message || (error instanceof Error ? error.message : String(error));
  }
}

/** True when a body has the API's error shape. */
export function isApiError(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).error === 'string' && typeof (body as ApiErrorBody).message === 'string';
}

/** A JSON client for one server, sending `x-mentionflow-user` when a user is named. */
export class ServerClient {
  readonly base: string;
  private readonly user: string | undefined;

  constructor(base: string, user?: string) {
    this.base = base;
    this.user = user;
  }

  /**
   * Send one request and read its JSON answer, whatever the status. An unreachable server, or an answer that is
   * not JSON (not a Mentionflow server), is fatal with one line.
   */
  async request(method: string, path: string, body?: unknown): Promise<ServerResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.user !== undefined) headers['x-mentionflow-user'] = this.user;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new FatalError(`cannot reach the Mentionflow server at ${this.base}: ${describeNetworkError(error)}`);
    }
    if (text.trim() === '') return { status: response.status, body: undefined };
    try {
      return { status: response.status, body: parseJsonSafely(text) };
    } catch {
      throw new FatalError(`the server at ${this.base} answered ${method} ${path} with ${response.status} and a body that is not JSON: is it a Mentionflow server?`);
    }
  }

  /** A failed answer the caller has no special words for, as one line: `the server refused …: message`. */
  failure(response: ServerResponse, what: string): FatalError {
    if (isApiError(response.body)) return new FatalError(`${what}: ${response.body.message} (${response.status} ${response.body.error})`);
    return new FatalError(`${what}: the server at ${this.base} answered ${response.status}`);
  }
}
