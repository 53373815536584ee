import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import yazl from 'yazl';
import { readExport } from '../../src/ingest/read-export.js';
import { IMPORTERS } from '../../src/ingest/registry.js';
import { singleFileFixtures } from './helpers/format-fixtures.js';
import { memorySource } from './helpers/memory-source.js';
import { outcomeOf } from './helpers/outcome.js';
import { scratchDir, writeScratch } from './helpers/tmp.js';

/**
 * Property: no input makes readExport throw anything but a ChatscreenError, and never one with
 * the code `internal` (outcomeOf rethrows those, failing the property with the importer's own
 * error). Run counts are moderate to keep the suite fast; fast-check prints the seed of a failure.
 */
const RUNS = 100;
const fixtures = singleFileFixtures();

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'replaceTail'; at: number; bytes: Uint8Array };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<{
  kind: Mutation['kind'];
  at: number;
  length: number;
  value: number;
  bytes: Uint8Array;
}> = fc.record({
  kind: fc.constantFrom('flip', 'delete', 'insert', 'truncate', 'duplicate', 'replaceTail'),
  at: position,
  length: fc.integer({ min: 1, max: 64 }),
  value: fc.integer({ min: 0, max: 255 }),
  bytes: fc.uint8Array({ maxLength: 48 }),
});

function mutate(
  bytes: Buffer,
  m: { kind: Mutation['kind']; at: number; length: number; value: number; bytes: Uint8Array },
): Buffer {
  const at = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'flip': {
      const copy = Buffer.from(bytes);
      if (at < copy.length) copy[at] = m.value;
      return copy;
    }
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    case 'truncate':
      return bytes.subarray(0, at);
    case 'duplicate':
      return Buffer.concat([bytes.subarray(0, at + m.length), bytes.subarray(at)]);
    case 'replaceTail':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes)]);
  }
}

const chunkSize = fc.integer({ min: 1, max: 4096 });

describe('property: only ChatscreenErrors, whatever the bytes', () => {
  it('arbitrary bytes, auto-detected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), chunkSize, async (bytes, chunk) => {
        await outcomeOf(memorySource(Buffer.from(bytes), 'input', chunk));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it.each(IMPORTERS.map((i) => i.format))('arbitrary bytes forced as %s', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), chunkSize, async (bytes, chunk) => {
        await outcomeOf(memorySource(Buffer.from(bytes), 'input', chunk), { format });
      }),
      { numRuns: RUNS },
    );
  });

  it.each(fixtures)(
    'mutations of the $format fixture, auto and forced',
    async ({ format, path }) => {
      const original = readFileSync(path);
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          chunkSize,
          async (mutations, chunk) => {
            const bytes = mutations.reduce(mutate, original);
            await outcomeOf(memorySource(bytes, basename(path), chunk));
            await outcomeOf(memorySource(bytes, basename(path), chunk), { format });
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});

describe('property: mutated zip archives', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => {};
  let zip = Buffer.alloc(0);
  beforeAll(async () => {
    ({ dir, cleanup } = await scratchDir());
    const archive = new yazl.ZipFile();
    for (const { path } of fixtures)
      archive.addBuffer(readFileSync(path), `export/${basename(path)}`);
    archive.end();
    const chunks: Buffer[] = [];
    for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
    zip = Buffer.concat(chunks);
  });
  afterAll(() => cleanup());

  it('never escape the taxonomy', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const bytes = mutations.reduce(mutate, zip);
        const path = await writeScratch(dir, `m${run++}.zip`, bytes);
        try {
          const reading = await readExport(path, { timezone: 'UTC' });
          for await (const _ of reading.messages);
        } catch (error) {
          const { ChatscreenError } = await import('../../src/domain/index.js');
          if (!(error instanceof ChatscreenError) || error.code === 'internal') {
            throw error instanceof ChatscreenError && error.cause !== undefined
              ? error.cause
              : error;
          }
        }
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
