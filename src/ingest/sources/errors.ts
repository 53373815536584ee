import { ChatscreenError, type SourceLocation } from '../../domain/index.js';

/** A location that names a file inside the export (or the export itself) without a record. */
export function fileLocation(file: string, byteOffset = 0, byteLength = 0): SourceLocation {
  return { file, byteOffset, byteLength, line: null };
}

/**
 * Turns an operating-system error on the user's path into the project's taxonomy. The path is
 * the user's own argument, so naming it is fine; nothing from inside the export is quoted.
 */
export function fromFsError(error: unknown, file: string): ChatscreenError {
  if (error instanceof ChatscreenError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const location = fileLocation(file);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ChatscreenError('not_found', 'no such file or folder', { location, cause: error });
    case 'EACCES':
    case 'EPERM':
      return new ChatscreenError('forbidden', 'permission denied reading the export', {
        location,
        cause: error,
      });
    default:
      return new ChatscreenError('internal', `could not read the export (${code ?? 'I/O error'})`, {
        location,
        cause: error,
      });
  }
}
