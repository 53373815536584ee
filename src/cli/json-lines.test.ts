import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JsonLinesOut } from './json-lines.js';

/** A consumer slower than the producer: every write fills its buffer, so each flush waits. */
function slowSink(): { sink: Writable; received: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      setImmediate(callback);
    },
  });
  return { sink, received: () => Buffer.concat(chunks).toString('utf8') };
}

describe('JsonLinesOut', () => {
  it('waits for drain on every batch without leaving listeners behind', async () => {
    const { sink, received } = slowSink();
    const out = new JsonLinesOut(sink);
    const baseline = sink.listenerCount('close');
    for (let i = 0; i < 2_000; i += 1) {
      expect(await out.write({ i, text: 'x'.repeat(100) })).toBe(true);
    }
    expect(await out.flush()).toBe(true);
    expect(sink.listenerCount('drain')).toBe(0);
    expect(sink.listenerCount('close')).toBe(baseline);
    const lines = received().trimEnd().split('\n');
    expect(lines).toHaveLength(2_000);
    expect(JSON.parse(lines[1_999] ?? '')).toEqual({ i: 1_999, text: 'x'.repeat(100) });
  });

  it('reports false once the reader has gone', async () => {
    const { sink } = slowSink();
    const out = new JsonLinesOut(sink);
    sink.destroy();
    expect(await out.flush()).toBe(false);
    expect(await out.write({ late: true })).toBe(false);
  });
});
