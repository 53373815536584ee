import { createHash } from 'node:crypto';
import type { Category } from '../domain/index.js';

/**
 * Deterministic: a batch computed twice (after a crash) yields the same ids, and the primary key
 * then refuses a duplicate even if the done mark were somehow bypassed.
 */
export function flagIdFor(
  runId: string,
  messageId: string,
  start: number,
  end: number,
  category: Category,
): string {
  const digest = createHash('sha256')
    .update(`${runId}\u0000${messageId}\u0000${start}\u0000${end}\u0000${category}`)
    .digest('base64url');
  return `f_${digest.slice(0, 22)}`;
}
