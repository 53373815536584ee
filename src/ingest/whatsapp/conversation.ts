import { createHash } from 'node:crypto';
import type { Conversation } from '../../domain/index.js';

/**
 * One chat file is one conversation. Its id is derived from the export and the file's path, so
 * re-importing the same export gives the same id and two exports never share one.
 */
export function conversationFor(
  exportId: string,
  file: string,
  title: string | null,
): Conversation {
  const digest = createHash('sha256').update(`${exportId}\u0000${file}`).digest('base64url');
  return Object.freeze({ id: `c_${digest.slice(0, 22)}`, title });
}
