import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

const STREAM =
  'event: flag\nid: 1\ndata: {"a":1}\n\n: keep-alive\n\nevent: progress\r\nid: 1\r\ndata: x\r\ndata: y\r\n\r\nevent: done\nid: 2\ndata: {}\n\n';

describe('the SSE parser', () => {
  it('reads events, ids, multi-line data, and skips comments', () => {
    expect(new SseParser().feed(STREAM)).toEqual([
      { event: 'flag', id: '1', data: '{"a":1}' },
      { event: 'progress', id: '1', data: 'x\ny' },
      { event: 'done', id: '2', data: '{}' },
    ]);
  });

  it('gives the same events whatever the chunk boundaries', () => {
    const whole = new SseParser().feed(STREAM);
    for (let size = 1; size < 12; size += 1) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < STREAM.length; i += size)
        events.push(...parser.feed(STREAM.slice(i, i + size)));
      expect(events).toEqual(whole);
    }
  });
});
