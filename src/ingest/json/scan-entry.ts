import type { Readable } from 'node:stream';
import { ChatscreenError, isChatscreenError } from '../../domain/index.js';
import type { ExportEntry } from '../types.js';
import type { JsonEvent } from './events.js';
import { JsonScanner, type ScanOptions } from './scanner.js';

/**
 * Streams one export entry through a JsonScanner. Failures of the underlying stream (a corrupt
 * zip member, an I/O error) become `malformed_input` at the byte where reading stopped; the
 * scanner's own errors pass through unchanged.
 */
export async function* scanJsonEntry(
  entry: ExportEntry,
  options: Omit<ScanOptions, 'file'>,
): AsyncGenerator<JsonEvent> {
  const scanner = new JsonScanner({ ...options, file: entry.path });
  let stream: Readable;
  try {
    stream = await entry.open();
  } catch (error) {
    throw readFailure(error, entry.path, 0);
  }
  try {
    for await (const chunk of stream) {
      const events = scanner.push(toBytes(chunk));
      for (const event of events) yield event;
    }
  } catch (error) {
    throw readFailure(error, entry.path, scanner.bytesRead);
  } finally {
    stream.destroy();
  }
  for (const event of scanner.end()) yield event;
}

/** The same over bytes already in memory (tests, small metadata files). */
export function scanJsonBytes(
  bytes: Uint8Array,
  options: ScanOptions,
  chunkSize = bytes.length,
): JsonEvent[] {
  const scanner = new JsonScanner(options);
  const events: JsonEvent[] = [];
  const step = Math.max(1, chunkSize);
  for (let i = 0; i < bytes.length; i += step) {
    events.push(...scanner.push(bytes.subarray(i, i + step)));
  }
  events.push(...scanner.end());
  return events;
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new ChatscreenError('internal', 'the export stream produced something other than bytes');
}

function readFailure(error: unknown, file: string, byteOffset: number): ChatscreenError {
  if (isChatscreenError(error)) return error;
  return new ChatscreenError('malformed_input', 'the file could not be read to its end', {
    location: { file, byteOffset, byteLength: 0, line: null },
    cause: error,
  });
}
