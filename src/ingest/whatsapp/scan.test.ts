import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanChat } from './scan.js';
import { NameBook, separatorsOf } from './sender.js';

const HEADER = '14/03/2024, 10:00 - ';

/** Name and text pieces that make ": " ambiguous, with a byte that is not UTF-8 among them. */
const piece = fc.constantFrom(
  Buffer.from('Work'),
  Buffer.from('Sam'),
  Buffer.from(': '),
  Buffer.from(':'),
  Buffer.from(' '),
  Buffer.from('Zoë 🦊'),
  Buffer.from([0xff]),
  Buffer.from('x'.repeat(130)),
);

describe('the first pass reads names from bytes as the string rules would', () => {
  it('decides every sender like a NameBook fed the decoded lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(piece, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 25 }),
        async (rests) => {
          const restBytes = rests.map((parts) => Buffer.concat(parts));
          const file = Buffer.concat(
            restBytes.flatMap((r) => [Buffer.from(HEADER), r, Buffer.from('\n')]),
          );
          const scan = await scanChat(Readable.from([file]), '', 1 << 20);
          const expected = new NameBook();
          const decoded = restBytes.map((r) => r.toString('utf8'));
          for (const rest of decoded) expected.add(rest, separatorsOf(rest));
          for (const rest of decoded) {
            const separators = separatorsOf(rest);
            expect(scan.names.nameEnd(rest, separators)).toBe(expected.nameEnd(rest, separators));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
