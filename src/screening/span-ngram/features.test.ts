import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { DEFAULT_FEATURISER } from './config.js';
import { Featuriser } from './features.js';
import { Normaliser, Vocabulary } from './text/normalise.js';

const normaliser = new Normaliser(new Vocabulary(['i', 'hate', 'are', 'so']));
const config = { ...DEFAULT_FEATURISER, abuseBuckets: 1 << 12, targetBuckets: 1 << 10 };
const K = 6;

function abuseIds(text: string): Int32Array {
  const a = analyse(normaliser, text);
  const out = new Int32Array(a.tokens.length * config.abuseSlots);
  new Featuriser(config).writeAbuse(a, out, 0);
  return out;
}

describe('Featuriser', () => {
  it('writes ids inside the table, row 0 only as padding, deterministically', () => {
    const ids = abuseIds('I hate them so much, f*cking idiots 😡');
    expect(ids).toEqual(abuseIds('I hate them so much, f*cking idiots 😡'));
    for (const id of ids) expect(id >= 0 && id < config.abuseBuckets).toBe(true);
    expect(ids.some((id) => id === 0)).toBe(true);
  });

  it('gives a group name no word features, so swapping the group changes no abuse feature', () => {
    expect(abuseIds('Muslims are so dirty')).toEqual(abuseIds('Women are so dirty'));
    expect(abuseIds('Muslims are so dirty')).not.toEqual(abuseIds('Lawyers are so dirty'));
  });

  it('gives negated words their own features', () => {
    const plain = abuseIds('they are vermin');
    const negated = abuseIds('they are not vermin');
    const slots = config.abuseSlots;
    expect(negated.subarray(3 * slots, 3 * slots + 1)).not.toEqual(
      plain.subarray(2 * slots, 2 * slots + 1),
    );
  });

  it('writes target features only for the categories the message names', () => {
    const a = analyse(normaliser, 'I hate Muslims');
    const out = new Int32Array(a.tokens.length * K * config.targetSlots);
    new Featuriser(config).writeTarget(a, out, 0, K);
    const perCategory = (k: number) =>
      a.tokens.map((_, t) =>
        out
          .subarray((t * K + k) * config.targetSlots, (t * K + k + 1) * config.targetSlots)
          .some((id) => id !== 0),
      );
    expect(perCategory(1)).toEqual([true, true, true]);
    for (const k of [0, 2, 3, 4, 5]) expect(perCategory(k)).toEqual([false, false, false]);
  });
});
