/**
 * Maps a platform's message id (Telegram's per-chat number, Discord's snowflake) to the ordinal
 * of that message in its file, so that replies can name the replied-to message by our own id.
 * Platforms number messages in increasing order, so ids are kept in two growing typed arrays
 * and found by binary search: 16 bytes per message instead of a Map entry's 60-80, which matters
 * for multi-million-message exports under a 300 MB budget. Ids that arrive out of order fall
 * back to a Map.
 */
export class OrdinalIndex {
  private keys = new BigInt64Array(1024);
  private ordinals = new Float64Array(1024);
  private size = 0;
  private readonly unordered = new Map<bigint, number>();

  add(id: bigint, ordinal: number): void {
    const last = this.size === 0 ? null : this.keys[this.size - 1];
    if (last !== null && last !== undefined && id <= last) {
      if (id !== last && !this.unordered.has(id) && this.get(id) === null) {
        this.unordered.set(id, ordinal);
      }
      return;
    }
    if (this.size === this.keys.length) this.grow();
    this.keys[this.size] = id;
    this.ordinals[this.size] = ordinal;
    this.size++;
  }

  get(id: bigint): number | null {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.keys[mid] ?? 0n;
      if (key === id) return this.ordinals[mid] ?? null;
      if (key < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.unordered.get(id) ?? null;
  }

  private grow(): void {
    const keys = new BigInt64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const ordinals = new Float64Array(this.ordinals.length * 2);
    ordinals.set(this.ordinals);
    this.ordinals = ordinals;
  }
}

/** A platform id as a bigint key, or null when it is not a plain integer (within int64). */
export function idKey(value: unknown): bigint | null {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d{1,19}$/.test(text)) return null;
  const key = BigInt(text);
  return key > 9_223_372_036_854_775_807n || key < -9_223_372_036_854_775_808n ? null : key;
}
