import { ChatscreenError } from '../domain/index.js';

/**
 * Whatever an importer throws reaches the caller as a ChatscreenError. Anything else is a bug in
 * an importer (the property tests look for exactly that): it becomes `internal`, with the original
 * kept as `cause` for the developer but its message, which might quote input, kept out of `detail`.
 */
export function asChatscreenError(error: unknown, where: string): ChatscreenError {
  if (error instanceof ChatscreenError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new ChatscreenError('internal', `unexpected ${name} while ${where}`, { cause: error });
}
