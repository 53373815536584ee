import { Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { ChatscreenError, type SourceLocation } from '../../domain/index.js';

/**
 * Sits on every inflated entry stream. Headers can lie, so the caps are enforced on the bytes
 * actually produced: more than the header declared is refused at once (a bomb is stopped after
 * at most one inflate chunk past the declared size), fewer or a wrong CRC-32 at the end means a
 * corrupt archive. yauzl checks the size too but not the CRC.
 */
export class ZipEntryGuard extends Transform {
  private produced = 0;
  private crc = 0;

  constructor(
    private readonly declaredSize: number,
    private readonly declaredCrc: number,
    private readonly location: SourceLocation,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.produced += chunk.length;
    if (this.produced > this.declaredSize) {
      callback(
        new ChatscreenError(
          'unsafe_archive',
          'a zip entry inflates to more bytes than its header declares (zip bomb?)',
          { location: this.location },
        ),
      );
      return;
    }
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.produced !== this.declaredSize) {
      callback(
        new ChatscreenError('truncated_input', 'a zip entry is shorter than its header declares', {
          location: this.location,
        }),
      );
      return;
    }
    if (this.crc !== this.declaredCrc >>> 0) {
      callback(
        new ChatscreenError('malformed_input', 'a zip entry fails its CRC-32 check (corrupt)', {
          location: this.location,
        }),
      );
      return;
    }
    callback();
  }
}

/** Errors from yauzl or zlib while inflating, in the project's taxonomy. */
export function zipStreamError(error: unknown, location: SourceLocation): ChatscreenError {
  if (error instanceof ChatscreenError) return error;
  const message = error instanceof Error ? error.message : '';
  if (/too many bytes/i.test(message)) {
    return new ChatscreenError(
      'unsafe_archive',
      'a zip entry inflates to more bytes than its header declares (zip bomb?)',
      { location, cause: error },
    );
  }
  if (/premature close|not enough bytes|unexpected end/i.test(message)) {
    return new ChatscreenError('truncated_input', 'a zip entry ends early', {
      location,
      cause: error,
    });
  }
  return new ChatscreenError('malformed_input', 'a zip entry cannot be inflated (corrupt data)', {
    location,
    cause: error,
  });
}
