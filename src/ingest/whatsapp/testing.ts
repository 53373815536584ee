import { Readable } from 'node:stream';
import { ParseReportBuilder } from '../report.js';
import type { ExportSource, ImportContext, ImportedMessage } from '../types.js';

/**
 * Test support: an in-memory ExportSource (entries with paths, as a zip or folder would give)
 * and a helper that reads one to the end. Chunked streams exercise the line reader's seams.
 */
export function memorySource(
  files: Record<string, Buffer | string>,
  options: { kind?: ExportSource['kind']; name?: string; chunkSize?: number } = {},
): ExportSource {
  const chunkSize = options.chunkSize ?? 64 * 1024;
  const entries = Object.entries(files).map(([path, content]) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return {
      path,
      size: bytes.length,
      open: async () => Readable.from(chunks(bytes, chunkSize)),
    };
  });
  return {
    kind: options.kind ?? (entries.length === 1 && entries[0]?.path === '' ? 'file' : 'zip'),
    name: options.name ?? 'export',
    entries,
    head: async (entry, maxBytes) => {
      const stream = await entry.open();
      const parts: Buffer[] = [];
      for await (const chunk of stream) parts.push(chunk as Buffer);
      return Buffer.concat(parts).subarray(0, maxBytes);
    },
    close: async () => {},
  };
}

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function testContext(overrides: Partial<Omit<ImportContext, 'report'>> = {}): ImportContext {
  return {
    exportId: 'x_test',
    timezone: 'UTC',
    dateOrder: null,
    report: new ParseReportBuilder(),
    ...overrides,
  };
}

export async function collect(
  iterable: AsyncIterable<ImportedMessage>,
): Promise<ImportedMessage[]> {
  const out: ImportedMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}
