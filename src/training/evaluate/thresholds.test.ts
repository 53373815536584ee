import { describe, expect, it } from 'vitest';
import { plateauChoice } from './thresholds.js';

describe('plateauChoice', () => {
  it('takes the highest point within the plateau of the smoothed curve', () => {
    const curve = [0.6, 0.62, 0.64, 0.65, 0.649, 0.649, 0.648, 0.63, 0.6, 0.55];
    // Smoothed over five points the peak is index 4; index 5 is within 0.003 of it.
    expect(plateauChoice(curve, 0)).toBe(4);
    expect(plateauChoice(curve, 0.003)).toBe(5);
    expect(plateauChoice(curve, 0.003, 'lowest')).toBe(4);
  });

  it('ignores a lone spike that its neighbours do not support', () => {
    const curve = [0.5, 0.5, 0.5, 0.7, 0.5, 0.5, 0.6, 0.62, 0.63, 0.62, 0.6];
    expect(plateauChoice(curve, 0)).toBeGreaterThanOrEqual(7);
  });
});
