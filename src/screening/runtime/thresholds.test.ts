import { describe, expect, it } from 'vitest';
import type { ModelManifest } from '../package/manifest.js';
import { defaultThresholds, FALLBACK_THRESHOLD, thresholdsFor } from './thresholds.js';

const manifest = { thresholds: { insult: 0.3, race: 0.2 } } as unknown as ModelManifest;

describe('thresholds', () => {
  it('takes the manifest defaults, 0.5 where it says nothing', () => {
    const defaults = defaultThresholds(manifest);
    expect(defaults.insult).toBe(0.3);
    expect(defaults.race).toBe(0.2);
    expect(defaults.threat).toBe(FALLBACK_THRESHOLD);
  });

  it('overrides every category with a number, or some with a record', () => {
    const defaults = defaultThresholds(manifest);
    expect(Object.values(thresholdsFor(defaults, 0.9))).toEqual(Array(10).fill(0.9));
    const some = thresholdsFor(defaults, { race: 0.7 });
    expect([some.race, some.insult]).toEqual([0.7, 0.3]);
    expect(thresholdsFor(defaults, undefined)).toEqual(defaults);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses %s as invalid_option --min-score', (value) => {
    expect(() => thresholdsFor(defaultThresholds(manifest), value)).toThrow(
      expect.objectContaining({ code: 'invalid_option', option: '--min-score' }),
    );
  });
});
