// The one error shape of the API: `{ error: code, message, details? }`, with the HTTP status that fits.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'invalid_setup_token'
  | 'csrf_failed'
  | 'forbidden'
  | 'rate_limited'
  | 'too_many_attempts'
  | 'last_admin'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'reply_limit'
  | 'already_claimed'
  | 'not_publishable'
  | 'internal_error';

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  toJSON(): Record<string, unknown> {
    return { error: this.code, message: this.message, ...(this.details !== undefined ? { details: this.details } : {}) };
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} was not found`);
