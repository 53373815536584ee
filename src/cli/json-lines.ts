import type { Writable } from 'node:stream';

/** Lines are written in batches of about this many characters: one syscall per line is slow. */
const BATCH_CHARS = 64 * 1024;

/**
 * JSON lines out with backpressure: lines are buffered, written in batches, and each write waits
 * for `drain`, so a slow consumer never makes memory grow. Reports false once the reader has gone
 * (`| head`), which is not an error: the command stops reading its input.
 */
export class JsonLinesOut {
  private gone = false;
  private buffer = '';

  constructor(private readonly out: Writable) {
    out.on('error', () => {
      this.gone = true;
    });
    out.once('close', () => {
      this.gone = true;
    });
  }

  get closed(): boolean {
    return this.gone || this.out.destroyed;
  }

  /** Buffers a line; nothing is written until `flush` (or `write` fills a batch). */
  add(value: unknown): void {
    this.buffer += `${JSON.stringify(value)}\n`;
  }

  /** Buffers a line and writes the batch once it is full. False once the reader has gone. */
  async write(value: unknown): Promise<boolean> {
    this.add(value);
    return this.buffer.length >= BATCH_CHARS ? this.flush() : !this.closed;
  }

  /** Writes what was buffered. False once the reader has gone. */
  async flush(): Promise<boolean> {
    if (this.closed) return false;
    const text = this.buffer;
    this.buffer = '';
    if (text !== '' && !this.out.write(text)) await this.drained();
    return !this.closed;
  }

  /** Resolves on `drain`, `close` or `error`, and leaves no listener behind (one wait per batch). */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.out.off('drain', done);
        this.out.off('close', done);
        this.out.off('error', done);
        resolve();
      };
      this.out.on('drain', done);
      this.out.on('close', done);
      this.out.on('error', done);
    });
  }
}
