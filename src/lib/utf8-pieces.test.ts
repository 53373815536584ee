import { describe, expect, it } from 'vitest';
import { type LinePiece, linePieces, Utf8PiecesDecoder } from './utf8-pieces.js';

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function piecesOf(
  bytes: Buffer,
  chunkSize: number,
  options: { maxCarryBytes?: number } = {},
): Promise<LinePiece[]> {
  const decoder = new Utf8PiecesDecoder();
  try {
    const out: LinePiece[] = [];
    for await (const p of linePieces(chunked(bytes, chunkSize), decoder, 40, options)) out.push(p);
    return out;
  } finally {
    await decoder.close();
  }
}

const sample = Buffer.concat([
  Buffer.from(
    'first line\nsecond: caf\u00e9 \ud83d\udc4b\r\n\nthird \u0627\u0644\u0639\u0631\u0628\u064a\u0629\n',
  ),
  Buffer.from([0xe2, 0x82, 0x0a, 0xff, 0x41, 0x0a]),
  Buffer.from('no line feed at the end'),
]);

describe('linePieces with a decoder', () => {
  for (const chunkSize of [1, 5, 33, 1000]) {
    it(`cuts at line feeds and decodes each piece (chunks of ${chunkSize})`, async () => {
      const pieces = await piecesOf(sample, chunkSize);
      expect(Buffer.concat(pieces.map((p) => p.bytes)).equals(sample)).toBe(true);
      for (const [i, p] of pieces.entries()) {
        if (i < pieces.length - 1) expect(p.bytes[p.bytes.length - 1]).toBe(0x0a);
        expect(p.text).toBe(p.bytes.toString('utf8'));
        const lines = p.lines ?? new Int32Array(0);
        const text = p.text ?? '';
        for (let k = 0; k < lines.length; k += 3) {
          const byteStart = lines[k] as number;
          const lf = p.bytes.indexOf(0x0a, byteStart);
          const byteEnd = lf < 0 ? p.bytes.length : lf;
          expect(text.slice(lines[k + 1], lines[k + 2])).toBe(
            p.bytes.toString('utf8', byteStart, byteEnd),
          );
        }
      }
    });
  }

  it('passes a line longer than the carry on undecoded', async () => {
    const long = Buffer.from(`${'x'.repeat(100)}\nshort\n`);
    const pieces = await piecesOf(long, 10, { maxCarryBytes: 30 });
    expect(Buffer.concat(pieces.map((p) => p.bytes)).equals(long)).toBe(true);
    expect(pieces.some((p) => p.text === null)).toBe(true);
    // 40 and 40 bytes passed on as they are; the line's last 20 bytes come with the next line.
    expect(pieces.map((p) => p.text)).toEqual([null, null, `${'x'.repeat(20)}\nshort\n`]);
  });

  it('rejects what is still waiting once closed', async () => {
    const decoder = new Utf8PiecesDecoder();
    const waiting = expect(decoder.decode(Buffer.from('a\n'), 40)).rejects.toThrow('closed');
    await decoder.close();
    await waiting;
    await expect(decoder.decode(Buffer.from('b\n'), 40)).rejects.toThrow('closed');
  });
});

describe('linePieces without a decoder', () => {
  it('slices the chunks, undecoded', async () => {
    const out: LinePiece[] = [];
    for await (const p of linePieces(chunked(sample, 100), null, 40)) out.push(p);
    expect(out.every((p) => p.text === null && p.bytes.length <= 40)).toBe(true);
    expect(Buffer.concat(out.map((p) => p.bytes)).equals(sample)).toBe(true);
  });
});
