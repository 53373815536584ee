/** Expected calibration error with equal-width bins (15 by default), and reliability bins. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export function reliability(
  probabilities: readonly number[],
  labels: readonly (0 | 1)[],
  bins = 15,
): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++)
    out.push({ from: b / bins, to: (b + 1) / bins, count: 0, meanConfidence: 0, accuracy: 0 });
  probabilities.forEach((p, i) => {
    const bin = out[Math.min(bins - 1, Math.floor(p * bins))];
    if (bin === undefined) return;
    bin.count++;
    bin.meanConfidence += p;
    bin.accuracy += labels[i] ?? 0;
  });
  for (const bin of out) {
    if (bin.count > 0) {
      bin.meanConfidence /= bin.count;
      bin.accuracy /= bin.count;
    }
  }
  return out;
}

export function expectedCalibrationError(
  probabilities: readonly number[],
  labels: readonly (0 | 1)[],
  bins = 15,
): number {
  const n = probabilities.length;
  if (n === 0) return 0;
  let ece = 0;
  for (const bin of reliability(probabilities, labels, bins)) {
    if (bin.count > 0) ece += (bin.count / n) * Math.abs(bin.meanConfidence - bin.accuracy);
  }
  return ece;
}
