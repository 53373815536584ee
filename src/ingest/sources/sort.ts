/**
 * Entry order for folders and the canonical digest: by the UTF-8 bytes of the path, which is what
 * `LC_ALL=C sort` does, so the digest can be reproduced with standard tools.
 */
export function compareEntryPaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
