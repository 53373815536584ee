import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWhatsApp } from './read.js';
import { collect, memorySource, testContext } from './testing.js';

/**
 * The second pass takes each line's text from pieces decoded on a worker thread when the chat
 * file is large (read.ts, DECODE_AHEAD_FROM_BYTES). Whatever the bytes (invalid UTF-8, CR LF,
 * a byte order mark, lone CRs, lines over the cap, chunk boundaries anywhere), the messages and
 * the report must be exactly those of decoding each text on the main thread.
 */
const FIXTURES = join(import.meta.dirname, '../../../fixtures/whatsapp');
const seeds = [
  'android-en-group/WhatsApp Chat with Dev Team.txt',
  'ios-en-group/WhatsApp Chat - Weekend Plans.txt',
  'locales/ios-ar.txt',
  'bad-input.txt',
].map((rel) => readFileSync(join(FIXTURES, rel)));

async function read(bytes: Buffer, chunkSize: number, decodeAheadFromBytes: number) {
  const context = testContext({ dateOrder: 'dmy' });
  const report = context.report;
  try {
    const messages = await collect(
      readWhatsApp(memorySource({ '': bytes }, { chunkSize }), context, {
        maxLineBytes: 256,
        decodeAheadFromBytes,
      }),
    );
    return { messages, report: report.build() };
  } catch (error) {
    return { error, report: report.build() };
  }
}

async function expectSame(bytes: Buffer, chunkSize: number): Promise<void> {
  const onThisThread = await read(bytes, chunkSize, Number.POSITIVE_INFINITY);
  const decodedAhead = await read(bytes, chunkSize, 0);
  expect(JSON.stringify(decodedAhead)).toBe(JSON.stringify(onThisThread));
}

describe('WhatsApp text decoded on a worker thread', () => {
  it('gives the same messages and report on every fixture, whatever the chunk size', async () => {
    for (const seed of seeds) {
      for (const chunkSize of [1, 7, 64, 4096, 1 << 20]) await expectSame(seed, chunkSize);
    }
  });

  it('gives the same on a byte order mark, CR LF, lone CRs and bytes that are not UTF-8', async () => {
    const lines = [
      '\ufeff12/03/2021, 09:15 - Ana: first\r',
      '12/03/2021, 09:16 - Bo: caf\u00e9 \ud83d\udc4b\r',
      'second line with a lone \r inside',
      '12/03/2021, 09:17 - Ana: ',
      '',
      '\u200e12/03/2021, 09:18 - Bo: \u202bmarks\u202c',
    ];
    const text = Buffer.from(lines.join('\n'));
    const invalid = Buffer.concat([text, Buffer.from([0x0a, 0x31, 0x32, 0xe2, 0x82, 0x0a, 0xff])]);
    for (const bytes of [text, invalid]) {
      for (const chunkSize of [1, 3, 50, 1 << 16]) await expectSame(bytes, chunkSize);
    }
  });

  it('gives the same on fixtures with bytes flipped, cut, inserted', async () => {
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
        await expectSame(bytes, chunk);
      }),
      { numRuns: 60 },
    );
  });
});
