// Worker thread of `Utf8PiecesDecoder` (utf8-pieces.ts). Each request holds bytes that end at a
// line feed (or at the end of the input); they are cut into pieces of about `pieceBytes`, each
// ending at a line feed, and every piece is decoded as UTF-8 in one call. For each line of a
// piece, `lines` holds three numbers: its first byte (relative to the piece), its first UTF-16
// unit in the piece's text and the unit of its line feed (the text's length when it has none).
// The bytes go back to the caller (transferred, not copied) with the texts. Plain JavaScript on
// purpose: a TypeScript worker has to register tsx first, about 0.2 s of CPU.
import { parentPort } from 'node:worker_threads';

const LF = 10;

parentPort.on('message', ({ id, bytes, pieceBytes }) => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const pieces = [];
  const transfer = [bytes.buffer];
  for (let from = 0; from < buf.length; ) {
    const lf = buf.indexOf(LF, Math.min(from + pieceBytes, buf.length) - 1);
    const to = lf < 0 ? buf.length : lf + 1;
    const text = buf.toString('utf8', from, to);
    const starts = [];
    for (let b = from, u = 0; b < to; ) {
      const nextLf = buf.indexOf(LF, b);
      const lineEnd = nextLf < 0 || nextLf >= to ? to : nextLf;
      const unitLf = text.indexOf('\n', u);
      const unitEnd = unitLf < 0 ? text.length : unitLf;
      starts.push(b - from, u, unitEnd);
      b = lineEnd + 1;
      u = unitEnd + 1;
    }
    const lines = Int32Array.from(starts);
    transfer.push(lines.buffer);
    pieces.push({ from, to, text, lines });
    from = to;
  }
  parentPort.postMessage({ id, bytes, pieces }, transfer);
});
