import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedMessages } from '../../src/training/seeds/expand.js';
import { FUNCTIONAL_CASES } from './cases.js';
import { casesJsonl } from './jsonl.js';

/** Lower case, letters and digits only, single spaces: how two messages are compared. */
const key = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('functional suite', () => {
  it('shares no message with the training seeds (the suite measures, never teaches)', () => {
    const seeds = seedMessages().map((s) => key(s.text));
    const seedSet = new Set(seeds);
    const overlaps = FUNCTIONAL_CASES.filter((c) => seedSet.has(key(c.text)));
    expect(overlaps).toEqual([]);
    // Nor is any case a sentence contained in a seed or the reverse (at least four words).
    const contained = FUNCTIONAL_CASES.filter((c) => {
      const k = key(c.text);
      return seeds.some(
        (s) =>
          (k.split(' ').length >= 4 && s.includes(k)) ||
          (s.split(' ').length >= 4 && k.includes(s)),
      );
    });
    expect(contained).toEqual([]);
  });

  it('is committed as cases.jsonl exactly as cases.ts generates it (the trainer reads the JSONL)', () => {
    expect(readFileSync(new URL('./cases.jsonl', import.meta.url), 'utf8')).toBe(casesJsonl());
  });

  it('covers every behaviour for every target group', () => {
    const groups = new Set(FUNCTIONAL_CASES.filter((c) => c.group !== 'none').map((c) => c.group));
    expect(groups.size).toBe(8);
    const hateful = FUNCTIONAL_CASES.filter((c) => c.hateful);
    for (const behaviour of new Set(hateful.map((c) => c.behaviour))) {
      expect(
        new Set(hateful.filter((c) => c.behaviour === behaviour).map((c) => c.group)).size,
      ).toBe(8);
    }
  });
});
