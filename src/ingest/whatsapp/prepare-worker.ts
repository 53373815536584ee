// Worker thread of `preparedBlocks` (prepared-blocks.ts) for one chat file. First, when
// `scanFrom` is set, the first pass over the rest of the file from that line start (the
// importing thread scans the part before it): posts `{ scan }`. Then it reads the whole file with
// blocking reads and posts the LinePreparer's block for each piece, its typed arrays and bytes
// transferred (not copied), keeping at most `ahead` blocks not yet taken by the importing thread
// (which counts them in `control[0]`; `control[1]` set means stop). Posts `{ block }` per piece,
// then `{ done: true }`, or `{ error: { code, message } }` if the file cannot be read.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { LinePreparer, type PreparedBlock } from './prepared-lines.js';
import { scanChatFile } from './scan.js';

export interface PrepareJob {
  path: string;
  /** The chat file's path inside the export (for locations in the scan). */
  file: string;
  maxLineBytes: number;
  pieceBytes: number;
  ahead: number;
  control: SharedArrayBuffer;
  /** Where the rest of the file that this thread scans starts (a line start), or null. */
  scanFrom: number | null;
  /** The file's size as the export was opened (the scan ends there). */
  size: number;
}

const TAKEN = 0;
const STOP = 1;

async function run(port: NonNullable<typeof parentPort>, job: PrepareJob): Promise<void> {
  if (job.scanFrom !== null) {
    try {
      const range = { start: job.scanFrom, end: job.size };
      const from = { byteOffset: job.scanFrom, line: 1 };
      port.postMessage({
        scan: await scanChatFile(job.path, job.file, job.maxLineBytes, range, from),
      });
    } catch (error) {
      postError(port, error);
      return;
    }
  }
  prepare(port, job);
}

function postError(port: NonNullable<typeof parentPort>, error: unknown): void {
  const e = error as NodeJS.ErrnoException | null;
  const code = typeof e?.code === 'string' ? e.code : null;
  port.postMessage({ error: { code, message: String(e?.message ?? error) } });
}

function prepare(port: NonNullable<typeof parentPort>, job: PrepareJob): void {
  const control = new Int32Array(job.control);
  const preparer = new LinePreparer(job.maxLineBytes, false);
  const post = (block: PreparedBlock): void => {
    const transfer = [
      block.bytes.buffer,
      block.joined.buffer,
      block.ints.buffer,
      block.numbers.buffer,
    ];
    port.postMessage({ block }, transfer as ArrayBuffer[]);
  };
  let posted = 0;
  let fd = -1;
  try {
    fd = openSync(job.path, 'r');
    for (;;) {
      for (;;) {
        if (Atomics.load(control, STOP) !== 0) return;
        const taken = Atomics.load(control, TAKEN);
        if (posted - taken < job.ahead) break;
        Atomics.wait(control, TAKEN, taken);
      }
      // A fresh buffer per piece: it is handed over to the other thread.
      const piece = new Uint8Array(job.pieceBytes);
      const n = readSync(fd, piece, 0, piece.length, null);
      if (n === 0) break;
      post(preparer.prepare(n === piece.length ? piece : piece.subarray(0, n)));
      posted += 1;
    }
    post(preparer.end());
    port.postMessage({ done: true });
  } catch (error) {
    postError(port, error);
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

if (parentPort !== null) void run(parentPort, workerData as PrepareJob);
