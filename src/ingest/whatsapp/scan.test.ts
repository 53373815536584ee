import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatscreenError, DateOrder } from '../../domain/index.js';
import { mergeScans, type ScanResult, scanChat } from './scan.js';
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

/** What a scan decides, comparable: styles, counts, each order's decision (or error), names. */
function outcome(scan: ScanResult, rests: string[]): unknown {
  const decisions = (e: ScanResult['evidence']) =>
    [null, 'dmy', 'mdy', 'ymd'].map((order) => {
      try {
        return e.decide(order as DateOrder | null, 'chat.txt');
      } catch (error) {
        const c = error as ChatscreenError;
        return { code: c.code, message: c.message, location: c.location };
      }
    });
  return {
    styles: scan.styles,
    nonEmptyLines: scan.nonEmptyLines,
    lastLine: scan.lastLine,
    evidence: decisions(scan.evidence),
    colonEvidence: decisions(scan.colonEvidence),
    names: rests.map((rest) => scan.names.nameEnd(rest, separatorsOf(rest))),
  };
}

/** Dates mostly readable both ways (so chronology decides), sometimes not; three styles. */
const dated = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 14 }),
    fc.constantFrom('2023', '2024', '23'),
    fc.constantFrom('-', '-', '[', ':'),
  )
  .map(([a, b, y, style]) => {
    const date = `${a}/${b}/${y}`;
    if (style === '[') return `[${date}, 10:00:00] `;
    if (style === ':') return `${date} 10:00: `;
    return `${date}, 10:00 - `;
  });
/** Bodies whose names may contain ": " ("Work: Sam" on every line, or not). */
const body = fc.oneof(
  fc.constantFrom('Work: Sam: hi', 'Work: hi', 'Sam: x', 'Work: Sam: Bob: y', 'Ann: a: b'),
  fc.array(piece, { maxLength: 5 }).map((parts) => Buffer.concat(parts).toString('latin1')),
);
const chatLine = fc.oneof(
  fc.tuple(dated, body).map(([h, b]) => Buffer.concat([Buffer.from(h), Buffer.from(b, 'latin1')])),
  fc.array(piece, { maxLength: 3 }).map((parts) => Buffer.concat(parts)),
);

describe('the first pass split between threads', () => {
  it('merges the scans of two parts into what one scan of the whole file finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(chatLine, { minLength: 2, maxLength: 40 }),
        fc.nat(),
        fc.boolean(),
        async (lines, at, bom) => {
          const cut = 1 + (at % (lines.length - 1));
          const head = Buffer.concat([
            Buffer.from(bom ? '\ufeff' : ''),
            ...lines.slice(0, cut).flatMap((l) => [l, Buffer.from('\n')]),
          ]);
          const tail = Buffer.concat(lines.slice(cut).flatMap((l) => [l, Buffer.from('\n')]));
          const rests = lines.map((l) =>
            l.toString('utf8').replace(/^[^-[]*? - |^\[[^\]]*\] |^[\d/]+ \d\d:\d\d: /u, ''),
          );
          const whole = await scanChat(
            Readable.from([Buffer.concat([head, tail])]),
            'chat.txt',
            64,
          );
          const merged = await scanChat(Readable.from([head]), 'chat.txt', 64);
          const rest = await scanChat(Readable.from([tail]), 'chat.txt', 64, {
            byteOffset: head.length,
            line: 1,
          });
          expect(mergeScans(merged, structuredClone(rest))).toBe(true);
          expect(outcome(merged, rests)).toEqual(outcome(whole, rests));
        },
      ),
      { numRuns: 400 },
    );
  });
});
