import { FileHashError, hashFiles } from '../../lib/hash-files.js';
import type { Digest } from '../../lib/sha256.js';
import { fromFsError } from './errors.js';

/** A file of the export on disk: where it is, its path inside the export, its size. */
export interface FileOnDisk {
  readonly absolute: string;
  /** Path inside the export ('' for the export itself), for error locations. */
  readonly path: string;
  readonly size: number;
}

/**
 * The digests of the export's files, on a worker thread when they are large (lib/hash-files.ts).
 * A file that cannot be read becomes a ChatscreenError located at that file; an abort rejects
 * with the signal's reason.
 */
export async function hashExportFiles(
  files: readonly FileOnDisk[],
  signal?: AbortSignal,
): Promise<Digest[]> {
  try {
    return await hashFiles(
      files.map((f) => ({ path: f.absolute, size: f.size })),
      signal === undefined ? {} : { signal },
    );
  } catch (error) {
    if (signal?.aborted === true) throw error;
    if (error instanceof FileHashError) {
      throw fromFsError(error.cause, files[error.index]?.path ?? '');
    }
    throw fromFsError(error, '');
  }
}

/** The same for one file. */
export async function hashExportFile(file: FileOnDisk, signal?: AbortSignal): Promise<Digest> {
  const [digest] = await hashExportFiles([file], signal);
  if (digest === undefined) throw fromFsError(new Error('no digest'), file.path);
  return digest;
}
