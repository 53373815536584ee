/**
 * SemEval-2021 Task 5 metric: per post, F1 between predicted and gold character offsets; a post
 * with no gold characters scores 1 if nothing is predicted and 0 otherwise; the mean over posts.
 */
export function postF1(predicted: ReadonlySet<number>, gold: ReadonlySet<number>): number {
  if (gold.size === 0) return predicted.size === 0 ? 1 : 0;
  if (predicted.size === 0) return 0;
  let hit = 0;
  for (const c of predicted) if (gold.has(c)) hit++;
  if (hit === 0) return 0;
  const precision = hit / predicted.size;
  const recall = hit / gold.size;
  return (2 * precision * recall) / (precision + recall);
}

export function charSet(spans: readonly { start: number; end: number }[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) for (let c = s.start; c < s.end; c++) out.add(c);
  return out;
}

export function meanSpanF1(
  pairs: readonly { predicted: ReadonlySet<number>; gold: ReadonlySet<number> }[],
): number {
  if (pairs.length === 0) return 0;
  let sum = 0;
  for (const p of pairs) sum += postF1(p.predicted, p.gold);
  return sum / pairs.length;
}
