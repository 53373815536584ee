import { describe, expect, it } from 'vitest';
import { calibrate, sigmoid } from '../screening/span-ngram/calibration.js';
import { fitPlatt } from './calibrate.js';
import { expectedCalibrationError } from './evaluate/calibration-error.js';
import { seededRandom } from './model/random.js';

describe('Platt scaling', () => {
  it('recovers the map that generated the labels and brings the calibration error down', () => {
    const random = seededRandom(3);
    const raw: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 20_000; i++) {
      const p = random() * 0.98 + 0.01;
      raw.push(p);
      // True probability: sigmoid(0.5 * logit(p) - 1), a badly calibrated raw score.
      labels.push(random() < sigmoid(0.5 * Math.log(p / (1 - p)) - 1) ? 1 : 0);
    }
    const platt = fitPlatt(raw, labels);
    expect(platt.a).toBeCloseTo(0.5, 1);
    expect(platt.b).toBeCloseTo(-1, 1);
    expect(expectedCalibrationError(raw, labels)).toBeGreaterThan(0.1);
    expect(
      expectedCalibrationError(
        raw.map((r) => calibrate(r, platt)),
        labels,
      ),
    ).toBeLessThan(0.02);
  });
});
