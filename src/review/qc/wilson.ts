/** A proportion with its 95% Wilson score interval (null rate and bounds when there is no trial). */
export interface Proportion {
  count: number;
  total: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval: unlike the normal approximation it stays inside [0, 1] and is
 * sensible for the small samples and rates near 0 or 1 that second review produces.
 */
export function wilson(count: number, total: number, z = Z95): Proportion {
  if (total <= 0) return { count, total, rate: null, low: null, high: null };
  const p = count / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return {
    count,
    total,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}
