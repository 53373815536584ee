import { Transform, type TransformCallback } from 'node:stream';
import { completeUtf8Length, firstInvalidUtf8 } from '../../lib/utf8.js';
import type { ParseReportBuilder } from '../report.js';

/**
 * Passes bytes through untouched and reports every sequence that is not UTF-8, with its byte
 * offset: the parser after it decodes them to U+FFFD, and that change must not be silent.
 */
export class Utf8Watch extends Transform {
  private offset = 0;
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly report: ParseReportBuilder,
    private readonly file: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = completeUtf8Length(bytes);
    this.check(bytes.subarray(0, whole));
    this.carry = Buffer.from(bytes.subarray(whole));
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) this.warn(this.offset);
    callback();
  }

  private check(bytes: Buffer): void {
    let from = 0;
    for (;;) {
      const bad = firstInvalidUtf8(bytes.subarray(from));
      if (bad < 0) break;
      this.warn(this.offset + from + bad);
      from += bad + 1;
    }
    this.offset += bytes.length;
  }

  private warn(byteOffset: number): void {
    this.report.warn('invalid_utf8', 'bytes that are not UTF-8 were read as U+FFFD', {
      file: this.file,
      byteOffset,
      byteLength: 1,
      line: null,
    });
  }
}
