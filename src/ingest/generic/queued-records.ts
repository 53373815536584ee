import type { Readable } from 'node:stream';

const HIGH_WATER = 1024;

/**
 * The objects a stream emits, in order, and only then its error. `for await` over a stream drops
 * whatever was buffered when the stream is destroyed with an error, so records parsed before a
 * broken one would be lost silently; here they are all handed out first. The stream is paused
 * while the consumer is behind, so memory stays bounded.
 */
export async function* queuedRecords<T>(stream: Readable): AsyncGenerator<T> {
  const queue: T[] = [];
  let failure: { error: unknown } | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('data', (record: T) => {
    queue.push(record);
    if (queue.length >= HIGH_WATER) stream.pause();
    notify();
  });
  stream.on('error', (error: unknown) => {
    failure ??= { error };
    notify();
  });
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('close', () => {
    ended = true;
    notify();
  });
  try {
    for (;;) {
      const record = queue.shift();
      if (record !== undefined) {
        if (queue.length < HIGH_WATER / 2 && stream.isPaused()) stream.resume();
        yield record;
        continue;
      }
      if (failure !== null) throw (failure as { error: unknown }).error;
      if (ended) return;
      if (stream.isPaused()) stream.resume();
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stream.destroy();
  }
}
