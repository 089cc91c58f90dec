// One way to call the API: JSON in and out, the user's name on every request, and errors as `ApiRequestError`.
import { userName } from '../app/user-name.ts';

/** The server's error shape: `{ error, message, details? }`, plus the HTTP status. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const name = userName();
  if (name) headers['x-mentionflow-user'] = name;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network_error', 'The server cannot be reached. Check that it is running, then try again.');
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = (parsed ?? {}) as { error?: string; message?: string; details?: unknown };
    throw new ApiRequestError(response.status, error.error ?? 'http_error', error.message ?? `The server answered ${response.status}.`, error.details);
  }
  return parsed as T;
}
