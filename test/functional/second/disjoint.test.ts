import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAllCorpora } from '../../../src/training/corpora/index.js';
import { seedMessages } from '../../../src/training/seeds/expand.js';
import { FUNCTIONAL_CASES } from '../cases.js';
import { SECOND_CASES } from './cases.js';
import { SECOND_GROUPS } from './groups.js';
import { secondCasesJsonl } from './jsonl.js';

/** Lower case, letters and digits only, single spaces: how two messages are compared. */
const key = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const datasets = fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));

describe('second functional set', () => {
  it('shares no message with the training seeds, nor a sentence of four words or more', () => {
    const seeds = seedMessages().map((s) => key(s.text));
    const seedSet = new Set(seeds);
    expect(SECOND_CASES.filter((c) => seedSet.has(key(c.text)))).toEqual([]);
    const contained = SECOND_CASES.filter((c) => {
      const k = key(c.text);
      return seeds.some(
        (s) =>
          (k.split(' ').length >= 4 && s.includes(k)) ||
          (s.split(' ').length >= 4 && k.includes(s)),
      );
    });
    expect(contained).toEqual([]);
  });

  it('shares no message with the first suite', () => {
    const first = new Set(FUNCTIONAL_CASES.map((c) => key(c.text)));
    expect(SECOND_CASES.filter((c) => first.has(key(c.text)))).toEqual([]);
  });

  it('uses no group phrase or slur of the first suite beyond the usual group names', () => {
    const firstSlurs = [
      'slut',
      'tranny',
      'faggot',
      'nigger',
      'retard',
      'raghead',
      'wetback',
      'kike',
    ];
    for (const g of SECOND_GROUPS) {
      for (const slur of [g.slurPlural, g.slurSingular])
        expect(firstSlurs.some((s) => slur.toLowerCase().startsWith(s))).toBe(false);
    }
  });

  it.runIf(existsSync(datasets))('shares no message with any training corpus', () => {
    const corpus = new Set(readAllCorpora(datasets).map((e) => key(e.text)));
    expect(SECOND_CASES.filter((c) => corpus.has(key(c.text)))).toEqual([]);
  });

  it('is committed as cases.jsonl exactly as cases.ts generates it', () => {
    expect(readFileSync(new URL('./cases.jsonl', import.meta.url), 'utf8')).toBe(
      secondCasesJsonl(),
    );
  });

  it('covers every hateful behaviour for all seven groups', () => {
    const hateful = SECOND_CASES.filter((c) => c.hateful);
    for (const behaviour of new Set(hateful.map((c) => c.behaviour))) {
      expect(
        new Set(hateful.filter((c) => c.behaviour === behaviour).map((c) => c.group)).size,
      ).toBe(7);
    }
  });
});
