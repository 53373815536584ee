import { createHash } from 'node:crypto';

/**
 * Deterministic sampling for the blind second review. Every candidate gets a key,
 * SHA-256(seed NUL id); the sample is the candidates with the smallest keys. The same seed over
 * the same candidates always draws the same items, whatever order they were listed in, and the
 * seed is recorded with the sample so anyone can draw it again.
 */
export function seededKey(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}\u0000${id}`).digest('hex');
}

export function drawBySeed<T>(
  candidates: readonly T[],
  idOf: (candidate: T) => string,
  count: number,
  seed: string,
): T[] {
  if (count <= 0) return [];
  return candidates
    .map((candidate) => ({ candidate, key: seededKey(seed, idOf(candidate)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/**
 * How many of `eligible` a share means: rounded up, so any share above zero reviews at least one
 * (the tolerance keeps 0.1 x 30 at 3 despite floating point).
 */
export function shareCount(share: number, eligible: number): number {
  if (share <= 0 || eligible <= 0) return 0;
  return Math.min(eligible, Math.ceil(share * eligible - 1e-9));
}

/**
 * Gives each item to a reviewer who is not excluded from it (who had decided that flag), the one
 * with the fewest items so far, ties to the earlier in `reviewerIds`: balanced and deterministic.
 * An item nobody may take gets null (the caller leaves such flags out of the candidates).
 */
export function assignReviewers(
  excluded: readonly ReadonlySet<string>[],
  reviewerIds: readonly string[],
): (string | null)[] {
  const load = new Map(reviewerIds.map((id) => [id, 0]));
  return excluded.map((not) => {
    let chosen: string | null = null;
    for (const id of reviewerIds) {
      if (not.has(id)) continue;
      if (chosen === null || (load.get(id) ?? 0) < (load.get(chosen) ?? 0)) chosen = id;
    }
    if (chosen !== null) load.set(chosen, (load.get(chosen) ?? 0) + 1);
    return chosen;
  });
}
