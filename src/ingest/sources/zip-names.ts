/**
 * Why an entry name is unsafe to use as a path, or null when it is fine. Stricter than yauzl's own
 * check: backslashes are refused rather than rewritten (a Windows tool would read `a\..\b` as a
 * traversal), and so are NUL and other control characters that can truncate or hide a path.
 */
export function unsafeEntryNameReason(name: string): string | null {
  if (name.length === 0) return 'an entry has an empty name';
  if (name.includes('\\')) return 'an entry name contains a backslash';
  if (name.startsWith('/')) return 'an entry has an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'an entry name starts with a drive letter';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for exactly these.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'an entry name contains a control character';
  if (name.split('/').includes('..')) return 'an entry path leaves the archive (..)';
  return null;
}

/** Unix mode bits from the external attributes, when the archive was made on Unix. */
export function isSymlinkEntry(versionMadeBy: number, externalFileAttributes: number): boolean {
  const madeOnUnix = versionMadeBy >> 8 === 3;
  const mode = (externalFileAttributes >>> 16) & 0o170000;
  return madeOnUnix && mode === 0o120000;
}
