/**
 * Arrays of items as an async iterable of items, without an async generator: a generator costs
 * several promise turns per item, which on a ten-million-message import is seconds; this costs
 * one already-resolved promise per item and one await per array. `return` and `throw` reach the
 * arrays' iterator, so breaking out of a `for await` still runs its cleanup.
 */
export function flatten<T>(arrays: AsyncIterable<readonly T[]>): AsyncIterableIterator<T> {
  return new Flattened(arrays[Symbol.asyncIterator]());
}

class Flattened<T> implements AsyncIterableIterator<T> {
  private current: readonly T[] = [];
  private index = 0;
  /** A refill in progress: a `next` called before it settles waits for it (order is kept). */
  private refilling: Promise<unknown> | null = null;

  constructor(private readonly arrays: AsyncIterator<readonly T[]>) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    const current = this.current;
    const i = this.index;
    if (this.refilling !== null) return this.refilling.then(() => this.next());
    if (i < current.length) {
      this.index = i + 1;
      return Promise.resolve({ value: current[i] as T, done: false });
    }
    const refill = this.refill();
    this.refilling = refill;
    const settle = (): void => {
      this.refilling = null;
    };
    refill.then(settle, settle);
    return refill;
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    this.current = [];
    await this.arrays.return?.();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.current = [];
    if (this.arrays.throw !== undefined) await this.arrays.throw(error);
    throw error;
  }

  private async refill(): Promise<IteratorResult<T, undefined>> {
    for (;;) {
      const r = await this.arrays.next();
      if (r.done === true) {
        this.current = [];
        return { value: undefined, done: true };
      }
      if (r.value.length > 0) {
        this.current = r.value;
        this.index = 1;
        return { value: r.value[0] as T, done: false };
      }
    }
  }
}
