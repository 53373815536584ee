import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the real server that can hold back the `flag` events of
 * Server-Sent Events streams and let them through a few at a time, or drop a stream to force a
 * reconnection. It makes "flags arrive while the reviewer watches" deterministic without timing:
 * the test decides when each flag reaches the page.
 */
export interface GatedProxy {
  url: string;
  /** Let `n` more flag events through (events other than `flag` pass as soon as they lead). */
  release(n: number): void;
  /** Stop holding anything back. */
  open(): void;
  /** Flag events delivered to the page so far, over every connection. */
  delivered(): number;
  /** The Last-Event-ID headers the page sent, in order (null for none). */
  resumes(): (string | null)[];
  /** Closes every open event stream, as a dropped connection would. */
  dropStreams(): void;
  close(): Promise<void>;
}

interface Stream {
  res: ServerResponse;
  queue: { event: string; raw: string }[];
  buffer: string;
}

export async function startGatedProxy(target: string): Promise<GatedProxy> {
  const upstream = new URL(target);
  let budget = 0;
  let delivered = 0;
  const resumes: (string | null)[] = [];
  const streams = new Set<Stream>();

  const pump = (stream: Stream) => {
    while (stream.queue.length > 0) {
      const head = stream.queue[0];
      if (head === undefined) break;
      if (head.event === 'flag') {
        if (budget <= 0) break;
        budget -= 1;
        delivered += 1;
      }
      stream.queue.shift();
      stream.res.write(head.raw);
    }
  };

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const isEvents = /\/events$/.test(new URL(req.url ?? '/', 'http://x').pathname);
    if (isEvents) {
      const id = req.headers['last-event-id'];
      resumes.push(typeof id === 'string' ? id : null);
    }
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        const type = String(answer.headers['content-type'] ?? '');
        if (!type.includes('text/event-stream')) {
          answer.pipe(res);
          return;
        }
        const stream: Stream = { res, queue: [], buffer: '' };
        streams.add(stream);
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => {
          stream.buffer += chunk;
          for (;;) {
            const end = stream.buffer.indexOf('\n\n');
            if (end === -1) break;
            const raw = stream.buffer.slice(0, end + 2);
            stream.buffer = stream.buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(raw)?.[1] ?? 'message';
            stream.queue.push({ event, raw });
          }
          pump(stream);
        });
        const finish = () => {
          streams.delete(stream);
          if (!res.writableEnded) res.end();
        };
        // The upstream stream ended (after `done`): end ours once everything queued has gone.
        answer.on('end', () => {
          const wait = setInterval(() => {
            if (stream.queue.length === 0 || res.destroyed) {
              clearInterval(wait);
              finish();
            }
          }, 20);
        });
        res.on('close', () => {
          streams.delete(stream);
          answer.destroy();
        });
      },
    );
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  };

  const server = createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    release(n) {
      budget += n;
      for (const s of streams) pump(s);
    },
    open() {
      budget = Number.POSITIVE_INFINITY;
      for (const s of streams) pump(s);
    },
    delivered: () => delivered,
    resumes: () => [...resumes],
    dropStreams() {
      for (const s of streams) s.res.destroy();
      streams.clear();
    },
    async close() {
      for (const s of streams) s.res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
