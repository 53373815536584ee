import { once } from 'node:events';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { ChatscreenError, isChatscreenError } from '../domain/index.js';
import type { BlobStore, StagedBlob } from '../store/index.js';

export interface ReceivedUpload {
  blob: StagedBlob;
  fileName: string;
  fields: Record<string, string>;
}

const FIELD_NAMES = new Set(['tz', 'dateOrder', 'format']);

/**
 * Streams a multipart body: the `file` part goes straight into the blob store's staging (hashed
 * on the way), never into memory; the small text fields are collected. Past the limit it stops
 * reading and fails with payload_too_large; a body that ends early fails with upload_incomplete.
 * Whatever fails, nothing stays staged.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  options: { blobs: BlobStore; maxBytes: number },
): Promise<ReceivedUpload> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // One byte over the limit is how busboy tells "too large" from "exactly the limit".
      limits: { files: 1, fields: 10, parts: 12, fieldSize: 256, fileSize: options.maxBytes + 1 },
    });
  } catch {
    throw new ChatscreenError(
      'unsupported_media_type',
      'expected multipart/form-data with a boundary',
    );
  }
  const fields: Record<string, string> = {};
  let staging: Promise<StagedBlob> | null = null;
  let fileName = 'upload';
  let tooLarge = false;
  let problem: ChatscreenError | null = null;
  let stop = false;
  let wake: () => void = () => {};

  parser.on('file', (name: string, stream: Readable, info: busboy.FileInfo) => {
    if (name !== 'file' || staging !== null) {
      problem ??= new ChatscreenError(
        'validation_failed',
        'exactly one file part named "file" is expected',
        { field: 'file' },
      );
      stream.resume();
      return;
    }
    fileName = info.filename || 'upload';
    // busboy may destroy the part with an error before staging attaches its pipeline.
    stream.on('error', () => {});
    stream.on('limit', () => {
      tooLarge = true;
      stop = true;
    });
    staging = options.blobs.stage(stream, { maxBytes: options.maxBytes + 1, fileName });
    // A staging failure (disk full...) stops the feed: busboy would otherwise wait for a reader.
    staging.catch(() => {
      stop = true;
      wake();
    });
  });
  parser.on('field', (name: string, value: string, info: busboy.FieldInfo) => {
    if (!FIELD_NAMES.has(name)) return;
    if (info.valueTruncated) {
      problem ??= new ChatscreenError('validation_failed', `field "${name}" is too long`, {
        field: name,
      });
      return;
    }
    fields[name] = value;
  });
  const tooMany = (what: string) => () => {
    problem ??= new ChatscreenError(
      'validation_failed',
      `too many ${what}: one file part named "file" and the fields tz, dateOrder, format`,
      { field: 'file' },
    );
  };
  parser.on('filesLimit', tooMany('files'));
  parser.on('fieldsLimit', tooMany('fields'));
  parser.on('partsLimit', tooMany('parts'));
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', reject);
  });
  finished.catch(() => {});

  let failure: unknown = null;
  const reader = body.getReader();
  try {
    for (;;) {
      if (stop) {
        await reader.cancel();
        parser.destroy();
        break;
      }
      const { done, value } = await reader.read();
      if (done) {
        parser.end();
        break;
      }
      if (!parser.write(value)) {
        const woken = new Promise<void>((resolve) => {
          wake = resolve;
        });
        await Promise.race([once(parser, 'drain'), finished, woken]);
      }
    }
    await finished;
  } catch (error) {
    failure = error;
    parser.destroy();
  }
  // Wait for staging to settle either way: on failure it removes what it wrote.
  const blob =
    staging === null
      ? null
      : await (staging as Promise<StagedBlob>).catch((error: unknown) => {
          failure ??= error;
          return null;
        });
  const refuse = async (error: ChatscreenError): Promise<never> => {
    await blob?.discard();
    throw error;
  };
  if (tooLarge)
    return refuse(
      new ChatscreenError('payload_too_large', `the upload exceeds ${options.maxBytes} bytes`),
    );
  if (failure !== null) {
    if (isChatscreenError(failure)) return refuse(failure);
    return refuse(
      new ChatscreenError('upload_incomplete', 'the multipart body ended before it was complete'),
    );
  }
  if (problem !== null) return refuse(problem);
  if (blob === null)
    return refuse(
      new ChatscreenError('validation_failed', 'a file part named "file" is required', {
        field: 'file',
      }),
    );
  return { blob, fileName, fields };
}
