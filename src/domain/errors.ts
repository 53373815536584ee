import type { SourceLocation } from './message.js';

/**
 * One error taxonomy for the whole project (GUIDE §2). Every failure a user can cause has a
 * stable `code`; the HTTP layer maps codes to statuses and problem+json, the CLI to exit codes.
 * `detail` must never contain message text, names or tokens: it is logged and returned.
 */
export const ERROR_CODES = {
  // Reading exports
  unrecognised_format: { status: 422, title: 'The file is not a supported chat export' },
  wrong_format: { status: 422, title: 'The file does not match the format that was asked for' },
  ambiguous_date_order: {
    status: 422,
    title: 'The day/month order of the dates cannot be decided',
  },
  malformed_input: { status: 422, title: 'The export is malformed' },
  truncated_input: { status: 422, title: 'The export is truncated' },
  invalid_encoding: { status: 422, title: 'The export is not valid text in a supported encoding' },
  unsafe_archive: { status: 422, title: 'The archive is unsafe to extract' },
  input_too_large: { status: 413, title: 'The input is larger than the configured limit' },
  invalid_option: { status: 400, title: 'An option has an invalid value' },
  // Models
  model_not_found: { status: 404, title: 'No such model package' },
  model_package_invalid: {
    status: 422,
    title: 'The model package is incomplete or has been altered',
  },
  // Service
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'A valid bearer token is required' },
  forbidden: { status: 403, title: 'Not allowed for this user' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflicts with the current state' },
  case_not_open: { status: 409, title: 'The case is closed or its authorisation has expired' },
  justification_required: { status: 400, title: 'A justification is required for this access' },
  payload_too_large: { status: 413, title: 'The upload is larger than the configured limit' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  upload_incomplete: { status: 400, title: 'The upload ended before it was complete' },
  model_package_changed: {
    status: 409,
    title: 'The model package a run recorded is no longer installed unchanged',
  },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorContext {
  /** Where in an input the problem is. */
  location?: SourceLocation | null;
  /** The option a user can set to resolve it, e.g. `--date-order`. */
  option?: string;
  /** Which field of a request body or form was wrong. */
  field?: string;
  cause?: unknown;
}

export class ChatscreenError extends Error {
  readonly code: ErrorCode;
  readonly location: SourceLocation | null;
  readonly option: string | null;
  readonly field: string | null;

  constructor(code: ErrorCode, detail: string, context: ErrorContext = {}) {
    super(detail, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'ChatscreenError';
    this.code = code;
    this.location = context.location ?? null;
    this.option = context.option ?? null;
    this.field = context.field ?? null;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get title(): string {
    return ERROR_CODES[this.code].title;
  }

  /** One line for a terminal: the reason and, when known, where and what to set. */
  toOneLine(): string {
    const where = this.location
      ? ` (at ${this.location.file || 'file'}${this.location.line === null ? '' : ` line ${this.location.line}`}, byte ${this.location.byteOffset})`
      : '';
    const hint = this.option ? `; set ${this.option}` : '';
    return `${this.code}: ${this.message}${where}${hint}`;
  }
}

export function isChatscreenError(value: unknown): value is ChatscreenError {
  return value instanceof ChatscreenError;
}
