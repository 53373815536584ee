import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  ChatscreenError,
  ERROR_CODES,
  type ErrorCode,
  isChatscreenError,
  type SourceLocation,
} from '../domain/index.js';
import type { AppEnv } from './env.js';

/** RFC 9457 problem details, with the stable error code and, for parse failures, where. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId: string;
  field?: string;
  option?: string;
  location?: SourceLocation;
}

export const PROBLEM_TYPE_BASE = '/problems/';

function fromHttpException(error: HTTPException): ChatscreenError {
  const byStatus: Partial<Record<number, ErrorCode>> = {
    400: 'validation_failed',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
  };
  const code = byStatus[error.status] ?? 'internal';
  // Hono's own messages (e.g. "Malformed JSON in request body") carry no request content.
  return new ChatscreenError(
    code,
    code === 'internal' ? 'internal error' : error.message || ERROR_CODES[code].title,
  );
}

export function toChatscreenError(error: unknown): ChatscreenError {
  if (isChatscreenError(error)) return error;
  if (error instanceof HTTPException) return fromHttpException(error);
  return new ChatscreenError('internal', 'internal error');
}

export function problemBody(error: ChatscreenError, requestId: string): Problem {
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title: error.title,
    status: error.status,
    // An internal error's own message may hold anything; the client gets a fixed sentence.
    detail: error.code === 'internal' ? 'internal error' : error.message,
    code: error.code,
    requestId,
  };
  if (error.field !== null) problem.field = error.field;
  if (error.option !== null) problem.option = error.option;
  if (error.location !== null) problem.location = error.location;
  return problem;
}

export function problemResponse(c: Context<AppEnv>, error: ChatscreenError): Response {
  const body = problemBody(error, c.get('requestId') ?? 'unknown');
  return c.body(JSON.stringify(body), error.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}

/** The one onError: every failure leaves as problem+json; internals are logged without content. */
export function onError(error: Error, c: Context<AppEnv>): Response {
  const problem = toChatscreenError(error);
  if (problem.code === 'internal') {
    c.get('log')?.error({ err: safeError(error) }, 'unhandled error');
  }
  return problemResponse(c, problem);
}

/**
 * What of an unexpected error may be logged: its class and the stack frames, never its message,
 * which may quote request content (a JSON parser's message can).
 */
export function safeError(error: unknown): { type: string; code?: string; frames: string[] } {
  if (!(error instanceof Error)) return { type: typeof error, frames: [] };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '));
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code === undefined ? { type: error.name, frames } : { type: error.name, code, frames };
}
