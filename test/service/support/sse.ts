export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Reads Server-Sent Events from a response body as they arrive. */
export class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private finished = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next event, or null when the stream has ended. Comment lines are skipped. */
  async next(): Promise<SseEvent | null> {
    for (;;) {
      const boundary = this.buffer.indexOf('\n\n');
      if (boundary >= 0) {
        const block = this.buffer.slice(0, boundary);
        this.buffer = this.buffer.slice(boundary + 2);
        const event = parseBlock(block);
        if (event !== null) return event;
        continue;
      }
      if (this.finished) return null;
      const { done, value } = await this.reader.read();
      if (done) this.finished = true;
      else this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  async until(name: string): Promise<SseEvent[]> {
    const seen: SseEvent[] = [];
    for (;;) {
      const event = await this.next();
      if (event === null) return seen;
      seen.push(event);
      if (event.event === name) return seen;
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel();
  }
}

function parseBlock(block: string): SseEvent | null {
  let event = 'message';
  let id: string | null = null;
  const data: string[] = [];
  let any = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    any = true;
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return any ? { event, id, data: data.join('\n') } : null;
}
