import { ApiError } from './client.js';
import { type SseEvent, SseParser } from './sse-parser.js';
import type { Problem } from './types.js';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface FollowOptions {
  url: string;
  headers: Record<string, string>;
  /** Resume after this event id (the last flag seq received); null from the start. */
  lastEventId: string | null;
  onEvent(event: SseEvent): void;
  onState?(state: StreamState): void;
  signal: AbortSignal;
  /** The event after which the stream is complete and no reconnection is wanted. */
  until: string;
}

const RETRY_MS = [250, 500, 1000, 2000, 5000, 10_000];

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Follows a Server-Sent Events stream with fetch (EventSource cannot send the bearer token),
 * reconnecting with `Last-Event-ID` after a dropped connection so that nothing is received twice
 * or missed. Ends at `until`; a refusal (4xx) or an `error` event ends it with an ApiError.
 */
export async function followEvents(options: FollowOptions): Promise<void> {
  let lastEventId = options.lastEventId;
  let attempt = 0;
  while (!options.signal.aborted) {
    options.onState?.(attempt === 0 ? 'connecting' : 'reconnecting');
    const headers = { ...options.headers, accept: 'text/event-stream' };
    if (lastEventId !== null) Object.assign(headers, { 'last-event-id': lastEventId });
    let finished = false;
    try {
      const response = await fetch(options.url, { headers, signal: options.signal });
      if (!response.ok || response.body === null) {
        const problem = (await response.json().catch(() => null)) as Problem | null;
        if (response.status >= 400 && response.status < 500 && problem !== null) {
          throw new ApiError(problem);
        }
        throw new Error(`stream answered ${response.status}`);
      }
      options.onState?.('open');
      attempt = 0;
      const parser = new SseParser();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const event of parser.feed(value)) {
          if (event.event === 'error') throw new ApiError(JSON.parse(event.data) as Problem);
          if (event.id !== null) lastEventId = event.id;
          options.onEvent(event);
          if (event.event === options.until) finished = true;
        }
        if (finished) {
          await reader.cancel().catch(() => {});
          break;
        }
      }
    } catch (error) {
      if (options.signal.aborted) break;
      if (error instanceof ApiError) {
        options.onState?.('closed');
        throw error;
      }
    }
    if (finished) break;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 10_000;
    attempt += 1;
    await wait(delay, options.signal);
  }
  options.onState?.('closed');
}
