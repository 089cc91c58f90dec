// Talks to a running Mentionflow server over HTTP (fetch): where it is, the API token it authenticates with, and its
// errors as clear lines.
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
  token: { type: 'string' },
} as const;

/** The `--help` lines for SERVER_OPTIONS, aligned with the other options at column 27. */
export const SERVER_HELP = `  --server URL             the Mentionflow server; default: $MENTIONFLOW_SERVER, else
                           ${DEFAULT_SERVER}
  --token TOKEN            an API token (mf_…) with the role the command needs; default:
                           $MENTIONFLOW_TOKEN. The server records the token's name as who acted`;

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

/** What API tokens look like: `mf_` and 43 base64url characters. */
const API_TOKEN = /^mf_[\w-]{20,200}$/;

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

/** The API token from `--token`, else MENTIONFLOW_TOKEN; undefined when neither is given (the server will say 401). */
export function apiToken(command: CommandInfo, option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = option ?? (env.MENTIONFLOW_TOKEN?.trim() || undefined);
  if (given === undefined) return undefined;
  if (!API_TOKEN.test(given)) throw usageError(command, `${option !== undefined ? '--token' : 'MENTIONFLOW_TOKEN'} is not a Mentionflow API token (they start with mf_)`);
  return given;
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

/** A JSON client for one server, authenticating with an API token when one is given. */
export class ServerClient {
  readonly base: string;
  private readonly token: string | undefined;

  constructor(base: string, token?: string) {
    this.base = base;
    this.token = token;
  }

  /**
   * Send one request and read its JSON answer, whatever the status. An unreachable server, or an answer that is
   * not JSON (not a Mentionflow server), is fatal with one line.
   */
  async request(method: string, path: string, body?: unknown): Promise<ServerResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`;
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
    if (response.status === 401) {
      const why = this.token === undefined ? 'the server needs an API token' : 'the server refused the API token (unknown, revoked or expired)';
      return new FatalError(`${what}: ${why}; pass --token or set MENTIONFLOW_TOKEN (admins create tokens in the editor under Access)`);
    }
    if (response.status === 403 && isApiError(response.body)) return new FatalError(`${what}: this token may not do that: ${response.body.message}`);
    if (isApiError(response.body)) return new FatalError(`${what}: ${response.body.message} (${response.status} ${response.body.error})`);
    return new FatalError(`${what}: the server at ${this.base} answered ${response.status}`);
  }
}
