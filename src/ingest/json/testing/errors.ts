import { ChatscreenError } from '../../../domain/index.js';

/** Runs `run` and returns the ChatscreenError it throws; anything else fails the test. */
export async function chatscreenErrorOf(run: () => Promise<unknown>): Promise<ChatscreenError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ChatscreenError) return error;
    throw error;
  }
  throw new Error('expected a ChatscreenError');
}
