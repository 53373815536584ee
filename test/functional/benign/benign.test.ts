import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedMessages } from '../../../src/training/seeds/expand.js';
import { BENIGN_CHAT } from './chat.js';
import { benignJsonl } from './jsonl.js';

const key = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('benign chat set', () => {
  it('shares no message with the training seeds (it measures, never teaches)', () => {
    const seeds = new Set(seedMessages().map((s) => key(s.text)));
    expect(BENIGN_CHAT.filter((text) => seeds.has(key(text)))).toEqual([]);
  });

  it('has no duplicates', () => {
    expect(new Set(BENIGN_CHAT.map(key)).size).toBe(BENIGN_CHAT.length);
  });

  it('is committed as chat.jsonl exactly as chat.ts generates it', () => {
    expect(readFileSync(new URL('./chat.jsonl', import.meta.url), 'utf8')).toBe(benignJsonl());
  });
});
