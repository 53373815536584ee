import type { Readable } from 'node:stream';

/**
 * Original export bytes, kept exactly as received and named by their SHA-256. Filesystem now;
 * an S3-compatible implementation (issue 6) passes the same contract suite.
 */
export interface BlobStore {
  /**
   * Streams bytes into staging while hashing them. Past `maxBytes` it fails with
   * `payload_too_large` and leaves nothing behind; nothing is kept until `commit`.
   */
  stage(source: Readable, options: { maxBytes: number; fileName: string }): Promise<StagedBlob>;
  has(sha256: string): Promise<boolean>;
  open(sha256: string): Promise<Readable>;
  /** Removes what staging left behind after a crash; only at start-up, with no upload under way. */
  discardAbandoned(): Promise<void>;
}

export interface StagedBlob {
  readonly sha256: string;
  readonly size: number;
  /** A local file holding the bytes under the name they were received with (importers detect by name). */
  readonly localPath: string;
  /** Keeps the bytes under their hash (a no-op when the same bytes are kept already) and removes staging. */
  commit(): Promise<void>;
  discard(): Promise<void>;
}
