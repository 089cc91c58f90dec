// Coded errors: every failure the engine reports carries a stable code a host can map to a status or exit code.

export type EngineErrorCode =
  | 'UNKNOWN_NODE_KIND'
  | 'UNKNOWN_FACT'
  | 'UNKNOWN_OPERATOR'
  | 'INVALID_WORKFLOW'
  | 'INVALID_PATH'
  | 'INVALID_INPUT'
  | 'UNKNOWN_PARAMETER';

/** An error with a machine-readable `code`; `details` carries structured context (e.g. the problems list). */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: unknown;

  constructor(code: EngineErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}
