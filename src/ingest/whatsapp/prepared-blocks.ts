import { closeSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { ChatscreenError } from '../../domain/index.js';
import { siblingModuleUrl, spawnBundledWorker } from '../../lib/worker-thread.js';
import { fromFsError } from '../sources/errors.js';
import { toBytes } from '../text/line-reader.js';
import type { ExportEntry } from '../types.js';
import type { PrepareJob } from './prepare-worker.js';
import { LinePreparer, type PreparedBlock } from './prepared-lines.js';
import type { ScanResult } from './scan.js';

/**
 * The prepared lines of a chat file (prepared-lines.ts), a block per piece, in order. A large
 * file on disk is prepared on a worker thread that reads it itself, alongside the importing
 * thread (which meanwhile runs the first pass, then builds the messages); that worker first runs
 * the first pass over the last part of the file (`tailScan`). Anything else (a zip entry, a small
 * file) is prepared on the calling thread, by the same code.
 */
export interface PreparedBlocks extends AsyncIterableIterator<PreparedBlock> {
  /**
   * Where the part of the file whose first pass the worker runs starts (a line start), or null
   * when the calling thread scans the whole file.
   */
  readonly tailFrom: number | null;
  /** The worker's first pass over the file from `tailFrom` (a structured clone; see mergeScans). */
  tailScan(): Promise<ScanResult>;
  /** Stops the preparation (the worker, if any, ends); iterating to the end also does it. */
  close(): Promise<void>;
}

export interface PrepareOptions {
  maxLineBytes: number;
  /** From this size a file on disk is prepared on a worker thread. */
  offThreadFromBytes?: number;
}

/** Below this, the worker's start (about 0.1 s of CPU, spawnBundledWorker) costs more than it saves. */
export const PREPARE_OFF_THREAD_FROM_BYTES = 16 * 1024 * 1024;
/**
 * Bytes per piece on the calling thread: each piece's messages are handed on together, and
 * small arrays of messages die young (a whole 64 KiB chunk's worth survived into V8's old
 * generation and tripled the time spent in GC).
 */
const PIECE_BYTES = 16 * 1024;
/** Bytes per piece on the worker (fewer, larger messages between threads). */
const WORKER_PIECE_BYTES = 64 * 1024;
/**
 * Blocks the worker may have ready and not yet taken. Few on purpose: a block's text is
 * deserialized into V8's young generation when it arrives, and one that waits in the queue
 * across two scavenges (every 10-15 ms here) is promoted; with 48 waiting, every text was copied
 * twice and promoted, and a 1 GiB import spent a third of its time in GC (20 s against 12.7 s
 * with 4). The worker prepares a block about twice as fast as this thread consumes it.
 */
const WORKER_AHEAD = 4;
/**
 * The share of the first pass left to the calling thread; the worker scans the rest. The worker
 * starts later (about 0.1 s) and shares its core with the hash of the export.
 */
const HEAD_SHARE = 0.65;
/** How far past the cut a line break is looked for; without one, the file is not split. */
const CUT_SEARCH_BYTES = 64 * 1024;

export function preparedBlocks(entry: ExportEntry, options: PrepareOptions): PreparedBlocks {
  const threshold = options.offThreadFromBytes ?? PREPARE_OFF_THREAD_FROM_BYTES;
  if (entry.filePath !== undefined && entry.size >= threshold) {
    return new WorkerBlocks(entry.filePath, entry.size, entry.path, options.maxLineBytes);
  }
  const blocks = prepareHere(entry, options.maxLineBytes);
  return Object.assign(blocks, {
    tailFrom: null,
    tailScan: (): Promise<ScanResult> => {
      throw new Error('the whole file is scanned on the calling thread');
    },
    close: async (): Promise<void> => {
      await blocks.return(undefined);
    },
  });
}

/** The start of the first line after byte `at` of the file, or null (none near, or too near the start). */
function lineStartAfter(path: string, at: number): number | null {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    const bytes = Buffer.alloc(CUT_SEARCH_BYTES);
    const n = readSync(fd, bytes, 0, bytes.length, at);
    const lf = bytes.subarray(0, n).indexOf(0x0a);
    // Past the first 3 bytes (a byte order mark is only looked for there), with bytes after it.
    return lf < 0 || at + lf + 1 < 4 || lf + 1 >= n ? null : at + lf + 1;
  } catch {
    return null;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

async function* prepareHere(
  entry: ExportEntry,
  maxLineBytes: number,
): AsyncGenerator<PreparedBlock, undefined, undefined> {
  const preparer = new LinePreparer(maxLineBytes, true);
  const stream: Readable = await entry.open();
  try {
    for await (const chunk of stream) {
      const bytes = toBytes(chunk);
      for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
        yield preparer.prepare(bytes.subarray(at, at + PIECE_BYTES));
      }
    }
    yield preparer.end();
  } finally {
    stream.destroy();
  }
  return undefined;
}

type WorkerMessage =
  | { block: PreparedBlock }
  | { done: true }
  | { scan: ScanResult }
  | { error: { code: string | null; message: string } };

/** Blocks from prepare-worker.ts, taken in order; each one taken lets the worker read ahead. */
class WorkerBlocks implements PreparedBlocks {
  private readonly worker: Worker;
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly queue: PreparedBlock[] = [];
  private head = 0;
  private done = false;
  private failure: Error | null = null;
  private closed = false;
  private wake: (() => void) | null = null;
  readonly tailFrom: number | null;
  private scan: ScanResult | null = null;

  constructor(
    path: string,
    size: number,
    private readonly file: string,
    maxLineBytes: number,
  ) {
    this.tailFrom = lineStartAfter(path, Math.floor(size * HEAD_SHARE));
    const job: PrepareJob = {
      path,
      file,
      scanFrom: this.tailFrom,
      size,
      maxLineBytes,
      pieceBytes: WORKER_PIECE_BYTES,
      ahead: WORKER_AHEAD,
      control: this.control.buffer as SharedArrayBuffer,
    };
    this.worker = spawnBundledWorker(siblingModuleUrl(import.meta.url, 'prepare-worker'), {
      workerData: job,
    });
    this.worker.on('message', (m: WorkerMessage) => this.receive(m));
    this.worker.on('error', (error) => this.fail(this.internal(error)));
    this.worker.on('exit', () => {
      if (!this.done) this.fail(this.internal(new Error('the preparing thread ended early')));
    });
  }

  [Symbol.asyncIterator](): PreparedBlocks {
    return this;
  }

  async next(): Promise<IteratorResult<PreparedBlock, undefined>> {
    for (;;) {
      if (this.head < this.queue.length) {
        const block = this.queue[this.head] as PreparedBlock;
        this.queue[this.head] = EMPTY;
        this.head += 1;
        if (this.head === this.queue.length) {
          this.queue.length = 0;
          this.head = 0;
        }
        Atomics.add(this.control, 0, 1);
        Atomics.notify(this.control, 0);
        return { value: block, done: false };
      }
      if (this.failure !== null) {
        await this.close();
        throw this.failure;
      }
      if (this.done || this.closed) {
        await this.close();
        return { value: undefined, done: true };
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  async tailScan(): Promise<ScanResult> {
    if (this.tailFrom === null) throw new Error('the whole file is scanned on the calling thread');
    for (;;) {
      if (this.scan !== null) return this.scan;
      if (this.failure !== null) throw this.failure;
      if (this.done || this.closed) throw this.internal(new Error('no scan came back'));
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  async return(): Promise<IteratorResult<PreparedBlock, undefined>> {
    await this.close();
    return { value: undefined, done: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.head = 0;
    Atomics.store(this.control, 1, 1);
    Atomics.notify(this.control, 0);
    await this.worker.terminate();
  }

  private receive(m: WorkerMessage): void {
    if ('block' in m) this.queue.push(m.block);
    else if ('done' in m) this.done = true;
    else if ('scan' in m) this.scan = m.scan;
    else {
      const error = Object.assign(new Error(m.error.message), { code: m.error.code ?? undefined });
      this.fail(fromFsError(error, this.file));
    }
    this.signal();
  }

  private fail(error: Error): void {
    if (this.failure === null && !this.done && !this.closed) this.failure = error;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private internal(cause: unknown): ChatscreenError {
    return new ChatscreenError('internal', 'the thread preparing the chat file failed', {
      location: { file: this.file, byteOffset: 0, byteLength: 0, line: null },
      cause,
    });
  }
}

const EMPTY: PreparedBlock = {
  bytes: new Uint8Array(0),
  joined: new Uint8Array(0),
  texts: [],
  count: 0,
  ints: new Int32Array(0),
  numbers: new Float64Array(0),
};
