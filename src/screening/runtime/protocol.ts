import {
  type Category,
  ChatscreenError,
  ERROR_CODES,
  type ErrorCode,
  isChatscreenError,
  type MessageScreening,
} from '../../domain/index.js';
import type { VerifiedPackage } from '../scorer.js';

/** What a screening worker is started with (workerData). */
export interface WorkerInit {
  pkg: VerifiedPackage;
}

export type ToWorker =
  | {
      type: 'screen';
      id: number;
      texts: readonly string[];
      thresholds: Readonly<Record<Category, number>>;
    }
  | { type: 'close' };

export interface WireError {
  code: ErrorCode;
  detail: string;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'init-failed'; error: WireError }
  | { type: 'result'; id: number; results: MessageScreening[] }
  | { type: 'error'; id: number; error: WireError }
  | { type: 'closed' };

/** Errors cross the thread boundary as code + detail; anything unexpected becomes `internal`. */
export function toWire(error: unknown): WireError {
  if (isChatscreenError(error)) return { code: error.code, detail: error.message };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'internal', detail: detail.slice(0, 500) };
}

export function fromWire(error: WireError): ChatscreenError {
  const code: ErrorCode = error.code in ERROR_CODES ? error.code : 'internal';
  return new ChatscreenError(code, error.detail);
}
