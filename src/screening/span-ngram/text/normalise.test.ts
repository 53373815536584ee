import { describe, expect, it } from 'vitest';
import { Normaliser, Vocabulary } from './normalise.js';

const vocabulary = new Vocabulary([
  'i',
  'hate',
  'you',
  'are',
  'the',
  'all',
  'kill',
  'so',
  'cool',
  'good',
  'people',
  'is',
  'a',
  'in',
  'armour',
  'his',
  'see',
  'thats',
]);
const normaliser = new Normaliser(vocabulary);

function read(text: string): [string, string][] {
  return normaliser.normalise(text).tokens.map((t) => [t.form, text.slice(t.start, t.end)]);
}

describe('Normaliser', () => {
  it('reads leetspeak and symbols inside words, not numbers', () => {
    expect(read('k1ll all the j3ws in 2024')).toEqual([
      ['kill', 'k1ll'],
      ['all', 'all'],
      ['the', 'the'],
      ['jews', 'j3ws'],
      ['in', 'in'],
      ['<num>', '2024'],
    ]);
    expect(read('sh!t $hit')).toEqual([
      ['shit', 'sh!t'],
      ['shit', '$hit'],
    ]);
  });

  it('unmasks asterisks to the word they hide', () => {
    expect(read('f*ck f***ing n*****s').map(([form]) => form)).toEqual([
      'fuck',
      'fucking',
      'niggers',
    ]);
  });

  it('squashes stretched letters, keeping double letters of known words', () => {
    expect(read('sooooo cooool fuuuuck').map(([form]) => form)).toEqual(['so', 'cool', 'fuck']);
  });

  it('joins spaced-out and dotted letters, with offsets over the whole run', () => {
    expect(read('m u s l i m s are scum')).toEqual([
      ['muslims', 'm u s l i m s'],
      ['are', 'are'],
      ['scum', 'scum'],
    ]);
    expect(read('f.u.c.k you')[0]).toEqual(['fuck', 'f.u.c.k']);
  });

  it('leaves chat abbreviations of single letters alone', () => {
    expect(read('r u ok').map(([form]) => form)).toEqual(['r', 'u', 'ok']);
  });

  it('splits words run together, each piece on its own characters', () => {
    expect(read('ihateyou')).toEqual([
      ['i', 'i'],
      ['hate', 'hate'],
      ['you', 'you'],
    ]);
    expect(read('Muslimsarescum')).toEqual([
      ['muslims', 'Muslims'],
      ['are', 'are'],
      ['scum', 'scum'],
    ]);
  });

  it('corrects one slipped letter of a slur, group name or abuse word, but not known words', () => {
    expect(read('mulsims womne fagot retrded').map(([form]) => form)).toEqual([
      'muslims',
      'women',
      'faggot',
      'retarded',
    ]);
    expect(read('thats').map(([form]) => form)).toEqual(['thats']);
    // A dropped letter is restored; a changed letter in a short word or the first letter is not.
    expect(read('womn shut thinks').map(([form]) => form)).toEqual(['women', 'shut', 'thinks']);
  });

  it('folds accents, full-width letters and Cyrillic look-alikes', () => {
    expect(read('fück ｆｕｃｋ іdіot').map(([form]) => form)).toEqual(['fuck', 'fuck', 'idiot']);
  });

  it('is deterministic and maps every token to a non-empty slice of the original text', () => {
    const text = 'Y0u 🤮 are  a   f*cking c u n t!!! 🇬🇧';
    const a = normaliser.normalise(text).tokens;
    const b = normaliser.normalise(text).tokens;
    expect(a).toEqual(b);
    for (const t of a) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
  });
});
