import { Worker } from 'node:worker_threads';

/**
 * Bytes cut at line feeds, with their UTF-8 decoding done on a worker thread, so that a parser on
 * the main thread can take each line's text with `substring` instead of decoding it: on a large
 * WhatsApp export the decoding was the largest single cost of the main thread, and a second core
 * is usually free.
 */
export interface LinePiece {
  /** The bytes; they end at a line feed, except the input's last piece. */
  readonly bytes: Buffer;
  /** `bytes` decoded; null when the piece was not decoded (the caller decodes what it needs). */
  readonly text: string | null;
  /**
   * Per line of the piece, three numbers: its first byte in `bytes`, its first UTF-16 unit in
   * `text` and the unit of its line feed (`text.length` when it has none).
   */
  readonly lines: Int32Array | null;
}

interface WorkerPiece {
  from: number;
  to: number;
  text: string;
  lines: Int32Array;
}

interface WorkerReply {
  id: number;
  bytes: Uint8Array;
  pieces: WorkerPiece[];
}

const WORKER_URL = new URL('./utf8-pieces-worker.mjs', import.meta.url);

/** One worker thread that decodes for one reader; `close` ends it (always call it). */
export class Utf8PiecesDecoder {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve: (pieces: LinePiece[]) => void; reject: (error: unknown) => void }
  >();
  private nextId = 0;
  private failure: unknown = null;

  constructor() {
    // Not the process's own flags: `--import tsx` would load tsx into the thread (0.1 s).
    this.worker = new Worker(WORKER_URL, { execArgv: [] });
    this.worker.on('message', (reply: WorkerReply) => this.settle(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('the decoding thread ended')));
  }

  /**
   * Cuts `bytes` (which must end at a line feed unless they are the input's end) into pieces of
   * about `pieceBytes`, each ending at a line feed, and decodes them. `bytes` must own its
   * ArrayBuffer whole: it is transferred to the thread and back.
   */
  decode(bytes: Buffer, pieceBytes: number): Promise<LinePiece[]> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      this.worker.postMessage({ id, bytes: view, pieceBytes }, [bytes.buffer as ArrayBuffer]);
    });
  }

  /** Ends the thread; requests still waiting reject. Resolves once the thread has ended. */
  async close(): Promise<void> {
    this.failAll(new Error('the decoder was closed'));
    await this.worker.terminate();
  }

  private settle(reply: WorkerReply): void {
    const waiter = this.waiting.get(reply.id);
    if (waiter === undefined) return;
    this.waiting.delete(reply.id);
    const all = Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.length);
    waiter.resolve(
      reply.pieces.map((p) => ({
        bytes: all.subarray(p.from, p.to),
        text: p.text,
        lines: p.lines,
      })),
    );
  }

  private failAll(error: unknown): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/**
 * A stream's bytes as line pieces of about `pieceBytes`, decoded by `decoder` up to `ahead`
 * requests in advance; without a decoder, the chunks cut into `pieceBytes` slices, undecoded.
 * A line longer than `maxCarryBytes` is passed on undecoded in parts.
 */
export async function* linePieces(
  chunks: AsyncIterable<Uint8Array>,
  decoder: Utf8PiecesDecoder | null,
  pieceBytes: number,
  options: { ahead?: number; maxCarryBytes?: number } = {},
): AsyncGenerator<LinePiece, void, undefined> {
  if (decoder === null) {
    for await (const chunk of chunks) {
      const bytes = toBuffer(chunk);
      for (let at = 0; at < bytes.length; at += pieceBytes) {
        yield { bytes: bytes.subarray(at, at + pieceBytes), text: null, lines: null };
      }
    }
    return;
  }
  const ahead = options.ahead ?? 2;
  const maxCarry = options.maxCarryBytes ?? 1024 * 1024;
  const queue: Promise<LinePiece[]>[] = [];
  const enqueue = (request: Promise<LinePiece[]>): void => {
    request.catch(() => {}); // awaited in order below; a rejection left behind is not unhandled
    queue.push(request);
  };
  let carry: Buffer[] = [];
  let carryBytes = 0;
  for await (const chunk of chunks) {
    const bytes = toBuffer(chunk);
    const lastLf = bytes.lastIndexOf(10);
    if (lastLf < 0) {
      carry.push(bytes);
      carryBytes += bytes.length;
      if (carryBytes > maxCarry) {
        enqueue(Promise.resolve([undecoded(Buffer.concat(carry, carryBytes))]));
        carry = [];
        carryBytes = 0;
      }
    } else {
      enqueue(decoder.decode(ownedConcat(carry, carryBytes, bytes, lastLf + 1), pieceBytes));
      const rest = bytes.subarray(lastLf + 1);
      carry = rest.length > 0 ? [rest] : [];
      carryBytes = rest.length;
    }
    while (queue.length > ahead) yield* await (queue.shift() as Promise<LinePiece[]>);
  }
  if (carryBytes > 0) enqueue(decoder.decode(ownedConcat(carry, carryBytes, null, 0), pieceBytes));
  while (queue.length > 0) yield* await (queue.shift() as Promise<LinePiece[]>);
}

function undecoded(bytes: Buffer): LinePiece {
  return { bytes, text: null, lines: null };
}

/** `carry` then `tail[0, tailEnd)` in a Buffer that owns its ArrayBuffer (it is transferred). */
function ownedConcat(
  carry: readonly Buffer[],
  carryBytes: number,
  tail: Buffer | null,
  tailEnd: number,
): Buffer {
  const out = Buffer.allocUnsafeSlow(carryBytes + tailEnd);
  let at = 0;
  for (const part of carry) {
    part.copy(out, at);
    at += part.length;
  }
  if (tail !== null) tail.copy(out, at, 0, tailEnd);
  return out;
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}
