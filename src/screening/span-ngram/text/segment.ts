/**
 * Splits a run-together word into known words ("muslimsarescum" -> muslims are scum,
 * "ihateyou" -> i hate you) by dynamic programming over a frequency-ranked vocabulary.
 * Returns piece boundaries (end offsets) or null when no convincing split exists.
 */
export type RankOf = (word: string) => number;

const MAX_PIECE = 18;

function pieceCost(piece: string, rank: number): number {
  if (rank < 0) return Number.POSITIVE_INFINITY;
  const n = piece.length;
  if (n === 1 && piece !== 'a' && piece !== 'i') return Number.POSITIVE_INFINITY;
  if (n === 2 && rank >= 300) return Number.POSITIVE_INFINITY;
  if (n === 3 && rank >= 4000) return Number.POSITIVE_INFINITY;
  return 2 + Math.log10(rank + 10);
}

export function segmentWord(word: string, rankOf: RankOf): number[] | null {
  const n = word.length;
  if (n < 6 || n > 40) return null;
  const best = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const back = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
      const before = best[start] ?? Number.POSITIVE_INFINITY;
      if (before === Number.POSITIVE_INFINITY) continue;
      const piece = word.slice(start, end);
      const cost = before + pieceCost(piece, rankOf(piece));
      if (cost < (best[end] ?? Number.POSITIVE_INFINITY)) {
        best[end] = cost;
        back[end] = start;
      }
    }
  }
  if (best[n] === Number.POSITIVE_INFINITY) return null;
  const ends: number[] = [];
  let longest = 0;
  for (let end = n; end > 0; ) {
    const start = back[end] ?? 0;
    ends.push(end);
    longest = Math.max(longest, end - start);
    end = start;
  }
  ends.reverse();
  if (ends.length < 2 || ends.length > 6 || longest < 4) return null;
  return ends;
}
