import { beforeAll, describe, expect, it } from 'vitest';
import { createInferenceSession } from '../../screening/runtime/session.js';
import { type RawScores, SpanNgramEngine } from '../../screening/span-ngram/engine.js';
import { Normaliser, Vocabulary } from '../../screening/span-ngram/text/normalise.js';
import { TINY_FEATURISER, trainTinyModel } from '../testing/tiny-model.js';

/**
 * Auditors replay runs: a text's scores must be the same bits whatever batch it travels in and
 * wherever in the batch. The graph sums with MatMul, never ReduceSum, for this.
 */
const TEXTS = [
  'I hate Muslims, they are vermin',
  'cheers mate see you at 8',
  'you absolute f*cking idiot',
  '',
  'Gay people are wonderful 🏳️‍🌈',
  `${'a very long message that goes on and on '.repeat(40)} and ends with scum`,
  'k1ll all the j3ws',
  'She said "women are trash" and got reported',
];

function bits(r: RawScores): number[] {
  return [
    ...new Uint32Array(r.scores.buffer, r.scores.byteOffset, r.scores.length),
    ...new Uint32Array(r.span.buffer, r.span.byteOffset, r.span.length),
    ...new Uint32Array(r.abuse.buffer, r.abuse.byteOffset, r.abuse.length),
  ];
}

describe('span-ngram scores', () => {
  let engine: SpanNgramEngine;
  beforeAll(async () => {
    const model = trainTinyModel();
    // Long messages are cut into rows of maxTokens; a small maxTokens exercises that path too.
    const config = { ...TINY_FEATURISER, maxTokens: 64 };
    engine = new SpanNgramEngine(
      await createInferenceSession(model.onnx),
      new Normaliser(new Vocabulary(model.vocabulary)),
      config,
    );
  });

  it('are bit-identical in batches of 1, 7 and 64 and at any position in the batch', async () => {
    const texts = Array.from({ length: 64 }, (_, i) => TEXTS[(i * 5) % TEXTS.length] as string);
    const alone = new Map<string, number[]>();
    for (const text of TEXTS) {
      const [r] = await engine.score([text]);
      if (r === undefined) throw new Error('no result');
      alone.set(text, bits(r));
    }
    const compare = async (batch: string[]) => {
      const results = await engine.score(batch);
      results.forEach((r, i) => {
        expect(bits(r)).toEqual(alone.get(batch[i] as string));
      });
    };
    for (let i = 0; i + 7 <= texts.length; i += 7) await compare(texts.slice(i, i + 7));
    await compare(texts);
    await compare([...texts].reverse());
  });

  it('score something: the tiny model is not all zeros', async () => {
    const [r] = await engine.score(['you absolute f*cking idiot']);
    expect(Math.max(...(r?.span ?? []))).toBeGreaterThan(0);
  });
});
