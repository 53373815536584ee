import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatscreenError } from '../../domain/index.js';
import type { ImportedMessage } from '../types.js';
import { readWhatsApp } from './read.js';
import { collect, memorySource, testContext } from './testing.js';

/**
 * The importer called directly (no detection in front of it): whatever the bytes, it yields
 * messages whose provenance ranges are in order and disjoint, or throws a ChatscreenError that
 * is not `internal`.
 */
const FIXTURES = join(import.meta.dirname, '../../../fixtures/whatsapp');
const seeds = [
  'android-en-group/WhatsApp Chat with Dev Team.txt',
  'ios-en-group/WhatsApp Chat - Weekend Plans.txt',
  'locales/ios-ar.txt',
  'bad-input.txt',
].map((rel) => readFileSync(join(FIXTURES, rel)));

async function outcome(bytes: Uint8Array, chunkSize: number): Promise<ImportedMessage[]> {
  try {
    return await collect(
      readWhatsApp(memorySource({ '': Buffer.from(bytes) }, { chunkSize }), testContext(), {
        maxLineBytes: 256,
      }),
    );
  } catch (error) {
    if (error instanceof ChatscreenError && error.code !== 'internal') return [];
    throw error;
  }
}

function expectOrderedProvenance(messages: ImportedMessage[], size: number): void {
  let end = 0;
  for (const m of messages) {
    expect(m.source.byteOffset).toBeGreaterThanOrEqual(end);
    end = m.source.byteOffset + m.source.byteLength;
    expect(end).toBeLessThanOrEqual(size);
  }
}

describe('property: the WhatsApp importer on any bytes', () => {
  it('arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.integer({ min: 1, max: 512 }),
        async (bytes, chunk) => {
          expectOrderedProvenance(await outcome(bytes, chunk), bytes.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fixtures with bytes flipped, cut, inserted', async () => {
    const edit = fc.record({
      seed: fc.integer({ min: 0, max: seeds.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      insert: fc.uint8Array({ maxLength: 40 }),
      cut: fc.integer({ min: 0, max: 40 }),
      truncate: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(edit, fc.integer({ min: 1, max: 300 }), async (e, chunk) => {
        const original = seeds[e.seed] ?? Buffer.alloc(0);
        const at = Math.floor(e.at * original.length);
        const bytes = e.truncate
          ? original.subarray(0, at)
          : Buffer.concat([
              original.subarray(0, at),
              Buffer.from(e.insert),
              original.subarray(at + e.cut),
            ]);
        expectOrderedProvenance(await outcome(bytes, chunk), bytes.length);
      }),
      { numRuns: 150 },
    );
  });
});
