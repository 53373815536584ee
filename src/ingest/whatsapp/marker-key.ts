/**
 * The form marker tables and looked-up text are compared in: NFD, so that canonically equivalent
 * spellings match. Used only to compare; the text kept in a message is never normalised.
 */
export function markerKey(s: string): string {
  for (let i = 0; i < s.length; i += 1) {
    if (s.charCodeAt(i) >= 0xc0) return s.normalize('NFD');
  }
  return s;
}

export function keySet(values: readonly string[]): ReadonlySet<string> {
  return new Set(values.map(markerKey));
}

export function keyList(values: readonly string[]): readonly string[] {
  return values.map(markerKey);
}

export function keyMap<V>(entries: readonly (readonly [string, V])[]): ReadonlyMap<string, V> {
  return new Map(entries.map(([k, v]) => [markerKey(k), v]));
}
