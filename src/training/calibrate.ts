import { logit } from '../screening/span-ngram/calibration.js';
import type { Platt } from '../screening/span-ngram/manifest-sections.js';

/**
 * Fits Platt scaling p = sigmoid(a * logit(raw) + b) by Newton's method on the log loss, with
 * Platt's smoothed targets ((n+ + 1)/(n+ + 2), 1/(n- + 2)) against overfitting small sets.
 */
export function fitPlatt(
  raw: readonly number[],
  labels: readonly (0 | 1)[],
  iterations = 100,
): Platt {
  const n = raw.length;
  if (n === 0) return { a: 1, b: 0 };
  let positives = 0;
  for (const y of labels) positives += y;
  const negatives = n - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const x = raw.map((r) => logit(r));
  const t = labels.map((y) => (y === 1 ? hi : lo));
  let a = 1;
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < n; i++) {
      const xi = x[i] ?? 0;
      const p = 1 / (1 + Math.exp(-(a * xi + b)));
      const d = p - (t[i] ?? 0);
      const w = p * (1 - p);
      ga += d * xi;
      gb += d;
      haa += w * xi * xi;
      hab += w * xi;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
