import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelManifest } from '../package/manifest.js';
import { parseSpanNgramSections } from './manifest-sections.js';

const manifest = (id: string): ModelManifest =>
  JSON.parse(
    readFileSync(new URL(`../../../models/${id}/manifest.json`, import.meta.url), 'utf8'),
  ) as ModelManifest;

describe('calibration version in the manifest', () => {
  it('reads span-ngram-2 as version 1 and span-ngram-3 as version 2', () => {
    expect(parseSpanNgramSections(manifest('span-ngram-2')).calibration.version).toBeUndefined();
    expect(parseSpanNgramSections(manifest('span-ngram-3')).calibration.version).toBe(2);
  });

  it('refuses span weights of the wrong length for the version', () => {
    const v2 = manifest('span-ngram-2') as ModelManifest & { calibration: { version?: number } };
    v2.calibration.version = 2;
    expect(() => parseSpanNgramSections(v2)).toThrow(/span.weights/);
    const v1 = manifest('span-ngram-3') as ModelManifest & { calibration: { version?: number } };
    delete v1.calibration.version;
    expect(() => parseSpanNgramSections(v1)).toThrow(/span.weights/);
  });
});
