import type { ParseIssue } from '../../domain/index.js';
import type { Digest } from '../../lib/sha256.js';
import type { ExportSource } from '../types.js';

/**
 * What `openExportSource` returns: an ExportSource plus what the pipeline needs for the record.
 * Importers only ever see the ExportSource part.
 */
export interface OpenedSource extends ExportSource {
  /**
   * SHA-256 and size of the original bytes: the file itself for a single file or a zip; for a
   * folder, the canonical digest of `directoryDigest` (README, "Supported export formats").
   * Large inputs are hashed on a worker thread. A file that cannot be read rejects with a
   * ChatscreenError located at it; aborting `signal` stops the hashing (and its thread) and
   * rejects with the signal's reason.
   */
  digest(signal?: AbortSignal): Promise<Digest>;
  /** Throws `malformed_input` when the bytes on disk changed since the source was opened. */
  assertUnchanged(): Promise<void>;
  /** Things the container itself noticed (skipped special files...), for the parse report. */
  readonly notes: readonly ParseIssue[];
}
