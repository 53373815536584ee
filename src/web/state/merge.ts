/**
 * Where newly arrived flags go in the list the reviewer is looking at. The full sorted order is
 * taken whenever that moves nothing on screen: new rows landing below the window are invisible,
 * rows landing above it are absorbed by scrolling (the list keeps its anchor row still). Rows that
 * would land between two rows on screen are held back instead, and sorted in once they would not
 * be seen moving (the window moved), or when the reviewer asks.
 */
export interface MergeResult {
  order: string[];
  /** Flags held back because they would have appeared among the rows on screen. */
  held: number;
}

export function mergeArrivals(
  current: readonly string[],
  full: readonly string[],
  window: { first: number; last: number } | null,
): MergeResult {
  if (window === null || current.length === 0) return { order: [...full], held: 0 };
  const onScreen = new Set(current.slice(Math.max(0, window.first), window.last + 1));
  let firstAt = -1;
  let lastAt = -1;
  full.forEach((id, i) => {
    if (!onScreen.has(id)) return;
    if (firstAt === -1) firstAt = i;
    lastAt = i;
  });
  if (firstAt === -1) return { order: [...full], held: 0 };
  const shown = new Set(current);
  const intruders = new Set<string>();
  for (let i = firstAt; i <= lastAt; i += 1) {
    const id = full[i];
    // Only a flag not shown before can intrude; rows already shown keep their order.
    if (id !== undefined && !onScreen.has(id) && !shown.has(id)) intruders.add(id);
  }
  if (intruders.size === 0) return { order: [...full], held: 0 };
  return { order: full.filter((id) => !intruders.has(id)), held: intruders.size };
}
