import { createHash } from 'node:crypto';
import type { Digest } from '../../lib/sha256.js';
import { compareEntryPaths } from './sort.js';

/**
 * The canonical digest of a folder: SHA-256 over, for each regular file sorted by the UTF-8 bytes
 * of its '/'-separated relative path, the line `PATH NUL HEX-SHA256 LF`. The size is the sum of
 * the files' sizes. It is the same on every machine and can be recomputed with
 *   (cd DIR && find . -type f | sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r f; do
 *      printf '%s\0%s\n' "$f" "$(sha256sum "$f" | cut -c1-64)"; done) | sha256sum
 */
export function directoryDigest(
  files: readonly { path: string; sha256: string; byteSize: number }[],
): Digest {
  const hash = createHash('sha256');
  let byteSize = 0;
  const sorted = [...files].sort((a, b) => compareEntryPaths(a.path, b.path));
  for (const f of sorted) {
    hash.update(`${f.path}\u0000${f.sha256}\n`, 'utf8');
    byteSize += f.byteSize;
  }
  return { sha256: hash.digest('hex'), byteSize };
}
