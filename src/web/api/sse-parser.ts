/** One Server-Sent Event as the service writes them: `event`, `id`, `data` lines. */
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/**
 * An incremental text/event-stream parser (the WHATWG rules the service needs): events end at a
 * blank line, `data` lines join with a newline, comment lines (`: keep-alive`) are ignored, and
 * a chunk may end anywhere, even between `\r` and `\n`.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private id: string | null = null;
  private data: string[] = [];

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (match === null) break;
      // A lone `\r` at the very end may be the first half of `\r\n`: wait for the next chunk.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event !== null) out.push(event);
    }
    return out;
  }

  private line(line: string): SseEvent | null {
    if (line === '') {
      if (this.data.length === 0 && this.event === '') return null;
      const event: SseEvent = {
        event: this.event === '' ? 'message' : this.event,
        id: this.id,
        data: this.data.join('\n'),
      };
      this.event = '';
      this.id = null;
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
    return null;
  }
}
