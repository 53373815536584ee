import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../domain/index.js';
import type { SpanNgramScorer } from './scorer.js';
import { digest, openReplayScorer, rawProjection, SUITE, TEXTS } from './testing/replay.js';

/**
 * span-ngram-2 replays bit for bit, like span-ngram-1 (replay-v1.test.ts): these digests were
 * recorded with the runtime span-ngram-2 was shipped with, before the calibration version 2 of
 * span-ngram-3 was added; a change for later packages that leaks into span-ngram-2 fails here.
 */
describe('span-ngram-2 replays bit for bit on the current runtime', () => {
  let scorer: SpanNgramScorer;
  let defaults: Record<Category, number>;
  let zero: Record<Category, number>;
  beforeAll(async () => {
    ({ scorer, defaults, zero } = await openReplayScorer('span-ngram-2'));
  });
  afterAll(async () => {
    await scorer.close();
  });

  it('gives the recorded screenings at the default thresholds and at zero', async () => {
    const texts = [...TEXTS, ...SUITE];
    expect(digest(await scorer.screen(texts, defaults))).toBe(
      'c0c24ae18683771ca82104072d0204bbfc8da7f67cfa20fc5146bbb91a044c54',
    );
    expect(digest(await scorer.screen(texts, zero))).toBe(
      '1d9f9e3d7a610889187e76c8bdc431a4a1039c69322a7e4de428ad784daefaa2',
    );
  });

  it('gives the recorded raw token scores and analyses', async () => {
    const raw = await scorer.engine.score([...TEXTS, ...SUITE]);
    const plain = raw.map(rawProjection);
    expect(digest(plain)).toBe('df36b62808c09cc48f8a47b03a1a922a932fb8b8f91b462251c32babe5b6ac9a');
  });
});

describe('span-ngram-3 (calibration version 2) replays bit for bit', () => {
  it('gives the recorded screenings at the default thresholds', async () => {
    const v3 = await openReplayScorer('span-ngram-3');
    try {
      expect(digest(await v3.scorer.screen([...TEXTS, ...SUITE], v3.defaults))).toBe(
        'dbc26e75d49084b1817803b2d1e5c05b0ec715e0a33818899fad063e3033dba4',
      );
    } finally {
      await v3.scorer.close();
    }
  });
});
