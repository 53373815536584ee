import { describe, expect, it } from 'vitest';
import { MojibakeRepairer, repairMojibake } from './mojibake.js';

describe('repairMojibake', () => {
  const cases: [string, string, string][] = [
    ['mojibake é', 'caf\u00c3\u00a9 time?', 'café time?'],
    ['genuine é stays', 'café', 'café'],
    ['genuine Latin-1 word stays', 'Ærøskøbing naïve', 'Ærøskøbing naïve'],
    ['mojibake heart', '\u00e2\u009d\u00a4', '❤'],
    ['mojibake thumbs up (4 bytes)', '\u00f0\u009f\u0091\u008d', '👍'],
    ['mojibake ZWJ family', Buffer.from('👩‍👩‍👧', 'utf8').toString('latin1'), '👩‍👩‍👧'],
    [
      'mojibake Hebrew with RLM',
      Buffer.from('שלום\u200f', 'utf8').toString('latin1'),
      'שלום\u200f',
    ],
    [
      'mojibake combining accent',
      Buffer.from('cafe\u0301', 'utf8').toString('latin1'),
      'cafe\u0301',
    ],
    ['correct emoji stays', '👍 café', '👍 café'],
    ['ASCII stays', 'plain text', 'plain text'],
    ['invalid UTF-8 bytes stay', '\u00c3(', '\u00c3('],
    ['empty', '', ''],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(repairMojibake(input)).toBe(expected);
    });
  }

  it('counts repaired strings', () => {
    const repairer = new MojibakeRepairer();
    expect([
      repairer.text('caf\u00c3\u00a9'),
      repairer.text('café'),
      repairer.optional(undefined),
    ]).toEqual(['café', 'café', null]);
    expect(repairer.repaired).toBe(1);
  });
});
