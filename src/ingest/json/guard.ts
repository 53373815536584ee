import { ChatscreenError, isChatscreenError } from '../../domain/index.js';

/**
 * Importers promise to throw nothing but ChatscreenError whatever the bytes (property-tested).
 * This wraps a read so that a programming error still reaches the user as a typed `internal`
 * error instead of a stack trace; the tests make sure real inputs never get here.
 */
export async function* guardRead<T>(
  format: string,
  read: () => AsyncIterable<T>,
): AsyncGenerator<T> {
  try {
    yield* read();
  } catch (error) {
    if (isChatscreenError(error)) throw error;
    throw new ChatscreenError('internal', `the ${format} importer failed unexpectedly`, {
      cause: error,
    });
  }
}

/** The same for `detect`: a detector that fails says "not mine" rather than throwing. */
export async function guardDetect<T>(detect: () => Promise<T | null>): Promise<T | null> {
  try {
    return await detect();
  } catch {
    return null;
  }
}
