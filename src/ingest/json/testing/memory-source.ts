import { Readable } from 'node:stream';
import type { ExportEntry, ExportSource } from '../../types.js';

export interface MemorySourceOptions {
  kind?: ExportSource['kind'];
  name?: string;
  /** Streams entries in chunks of this many bytes, to exercise chunk boundaries. */
  chunkSize?: number;
}

/**
 * An ExportSource over bytes in memory, for tests: the real folder and zip sources live in
 * `src/ingest/sources/`. Entries keep the order given.
 */
export function memorySource(
  files: Record<string, string | Uint8Array>,
  options: MemorySourceOptions = {},
): ExportSource {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const entries: ExportEntry[] = Object.entries(files).map(([path, content]) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    return {
      path,
      size: bytes.length,
      open: async () => Readable.from(chunks(bytes, chunkSize), { objectMode: false }),
    };
  });
  const single = entries.length === 1 && entries[0]?.path === '';
  return {
    kind: options.kind ?? (single ? 'file' : 'directory'),
    name: options.name ?? 'export',
    entries,
    head: async (entry, maxBytes) => {
      const content = files[entry.path] ?? '';
      const bytes =
        typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      return bytes.subarray(0, maxBytes);
    },
    close: async () => {},
  };
}

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
