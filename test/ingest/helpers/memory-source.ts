import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { OpenedSource } from '../../../src/ingest/sources/index.js';
import type { ExportEntry } from '../../../src/ingest/types.js';

/**
 * A single-file source over bytes in memory, handed out in chunks of `chunkSize` (tests vary it
 * to put chunk boundaries everywhere). Saves a temporary file per property-test run.
 */
export function memorySource(bytes: Buffer, name = 'export', chunkSize = 64 * 1024): OpenedSource {
  const chunks = (): Buffer[] => {
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunkSize) out.push(bytes.subarray(i, i + chunkSize));
    return out;
  };
  return syntheticSource(bytes.length, () => Readable.from(chunks()), name, {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteSize: bytes.length,
  });
}

/**
 * A single-file source whose bytes are generated on demand and never exist as a whole (a 2 GB
 * line). Its digest is given, not computed: these tests are about parsers, not hashing.
 */
export function syntheticSource(
  size: number,
  open: () => Readable,
  name = 'synthetic',
  digest = { sha256: '0'.repeat(64), byteSize: size },
): OpenedSource {
  const entry: ExportEntry = { path: '', size, open: async () => open() };
  return {
    kind: 'file',
    name,
    entries: [entry],
    notes: [],
    async head(e, maxBytes) {
      const parts: Buffer[] = [];
      let total = 0;
      const stream = await e.open();
      for await (const chunk of stream) {
        parts.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        if (total >= maxBytes) break;
      }
      stream.destroy();
      return Buffer.concat(parts).subarray(0, maxBytes);
    },
    close: async () => {},
    digest: async () => digest,
    assertUnchanged: async () => {},
  };
}
