import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../domain/index.js';
import type { SpanNgramScorer } from './scorer.js';
import { digest, openReplayScorer, rawProjection, SUITE, TEXTS } from './testing/replay.js';

/**
 * Auditors replay old runs with the exact package they were made with, so runtime changes made
 * for later packages must not move a bit of an earlier package's output. These digests were
 * recorded with the runtime that span-ngram-1 was trained and shipped with; a change to the
 * normaliser, lexicon, scope rules, features or decoding that leaks into version-1 packages
 * fails here.
 */
describe('span-ngram-1 replays bit for bit on the current runtime', () => {
  let scorer: SpanNgramScorer;
  let defaults: Record<Category, number>;
  let zero: Record<Category, number>;
  beforeAll(async () => {
    ({ scorer, defaults, zero } = await openReplayScorer('span-ngram-1'));
  });
  afterAll(async () => {
    await scorer.close();
  });

  it('gives the recorded screenings at the default thresholds and at zero', async () => {
    expect(digest(await scorer.screen(TEXTS, defaults))).toBe(
      'f81cc03a7da3176da1cc0f6db22dcde75ef2afa4726c8eba32e4a5120f53164d',
    );
    expect(digest(await scorer.screen(TEXTS, zero))).toBe(
      '67c33dd107c67f11671f9ba29162530aa012a8c6d80fcd14ff495464ca5520a5',
    );
  });

  it('gives the recorded raw token scores and analyses', async () => {
    const raw = await scorer.engine.score([...TEXTS, ...SUITE]);
    const plain = raw.map(rawProjection);
    expect(digest(plain)).toBe('abea89190846679161045cf9d91e649820181aef2e170d3985ea2c671144950a');
  });
});
