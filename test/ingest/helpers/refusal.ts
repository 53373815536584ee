import { ChatscreenError } from '../../../src/domain/index.js';

/** The ChatscreenError a promise rejects with; anything else (or success) fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<ChatscreenError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof ChatscreenError) return error;
  throw error ?? new Error('expected a ChatscreenError');
}
