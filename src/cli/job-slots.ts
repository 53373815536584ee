import { ChatscreenError } from '../domain/index.js';

/** `--concurrency N` / `--workers N`: a whole number of batch jobs at once, 0 allowed for serve. */
export function parseJobSlots(value: string, option: string, min: number): number {
  if (!/^\d{1,3}$/.test(value.trim()) || Number(value) < min) {
    throw new ChatscreenError('invalid_option', `${option} must be a whole number from ${min}`, {
      option,
    });
  }
  return Number(value);
}
