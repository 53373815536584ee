import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

export interface Digest {
  /** Lower-case hex SHA-256. */
  sha256: string;
  byteSize: number;
}

/**
 * Hashes a stream chunk by chunk, so memory stays constant whatever the size (exports can be
 * many GB). Destroys the stream when it fails.
 */
export async function hashStream(stream: Readable): Promise<Digest> {
  const hash = createHash('sha256');
  let byteSize = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    byteSize += bytes.length;
  }
  return { sha256: hash.digest('hex'), byteSize };
}

/** On the calling thread; `signal` stops the reading (the promise then rejects with its reason). */
export function hashFile(path: string, signal?: AbortSignal): Promise<Digest> {
  const options = { highWaterMark: 1024 * 1024, ...(signal === undefined ? {} : { signal }) };
  return hashStream(createReadStream(path, options));
}

/** An incremental hasher for callers that already see the bytes go by. */
export class StreamingSha256 {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;

  update(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.size += bytes.length;
  }

  digest(): Digest {
    return { sha256: this.hash.digest('hex'), byteSize: this.size };
  }
}
