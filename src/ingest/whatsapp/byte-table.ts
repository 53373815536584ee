/**
 * A hash table keyed by byte strings, looked up straight from a line's bytes: a name seen before
 * costs a hash and a compare instead of a UTF-8 decode and a string-keyed lookup, which was the
 * largest share of the first pass. Bounded: past `maxEntries` nothing more is added (callers
 * then take their slow path, which gives the same answers).
 */
export class ByteTable<V> {
  private slots = new Int32Array(1024);
  private readonly keys: Buffer[] = [];
  private readonly hashes: number[] = [];
  private readonly values: V[] = [];

  constructor(private readonly maxEntries: number) {}

  /** The value stored for `buf[start, end)` (`hash` from hashBytes), or undefined. */
  find(buf: Buffer, start: number, end: number, hash: number): V | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? 0) - 1;
      if (entry < 0) return undefined;
      if (this.hashes[entry] === hash && sameBytes(this.keys[entry], buf, start, end)) {
        return this.values[entry];
      }
    }
  }

  /** Stores a value for a key not yet in the table; false when the table is full. */
  add(buf: Buffer, start: number, end: number, hash: number, value: V): boolean {
    if (this.keys.length >= this.maxEntries) return false;
    if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    this.keys.push(Buffer.from(buf.subarray(start, end)));
    this.hashes.push(hash);
    this.values.push(value);
    this.place(this.slots, hash, this.keys.length);
    return true;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.hashes.length; i += 1) this.place(slots, this.hashes[i] ?? 0, i + 1);
    this.slots = slots;
  }

  private place(slots: Int32Array, hash: number, entryPlusOne: number): void {
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entryPlusOne;
  }
}

/** FNV-1a over `buf[start, end)`. */
export function hashBytes(buf: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ (buf[i] ?? 0), 0x01000193);
  return h >>> 0;
}

function sameBytes(key: Buffer | undefined, buf: Buffer, start: number, end: number): boolean {
  if (key === undefined || key.length !== end - start) return false;
  for (let i = 0; i < key.length; i += 1) if (key[i] !== buf[start + i]) return false;
  return true;
}
