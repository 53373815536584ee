import { describe, expect, it } from 'vitest';
import { IDENTITY_CATEGORIES } from '../../domain/index.js';
import { analyse, GROUP_MASK, HOMONYM_MASK, NO_MENTION } from './analyse.js';
import { Normaliser, Vocabulary } from './text/normalise.js';

const normaliser = new Normaliser(
  new Vocabulary(['i', 'dont', 'hate', 'are', 'the', 'car', 'is', 'my', 'was', 'account']),
);

function mentions(text: string): string[] {
  const a = analyse(normaliser, text);
  return a.tokens.map((_, i) => {
    const k = a.mention[i] ?? NO_MENTION;
    return k === NO_MENTION ? '-' : `${IDENTITY_CATEGORIES[k]}${a.slur[i] === 1 ? '!' : ''}`;
  });
}

describe('identity mentions', () => {
  it('names groups, with their person nouns, and slurs', () => {
    expect(mentions('I hate Muslims')).toEqual(['-', '-', 'religion']);
    expect(mentions('black people are great')).toEqual(['race', 'race', '-', '-']);
    expect(mentions('shut up you faggot')).toEqual(['-', '-', '-', 'sexual_orientation!']);
    expect(mentions('asylum seekers')).toEqual(['race']);
  });

  it('reads colour and state adjectives as groups only in person frames', () => {
    expect(mentions('the black car is mine')).toEqual(['-', '-', '-', '-', '-']);
    expect(mentions('she is black')).toEqual(['-', '-', 'race']);
    expect(mentions('my account was disabled')).toEqual(['-', '-', '-', '-']);
    expect(mentions('the disabled are people too')[1]).toBe('disability');
  });

  it('reads slur homonyms innocently next to their innocent context words', () => {
    const a = analyse(normaliser, 'going out for a fag and a smoke');
    expect([...a.mention].every((m) => m === NO_MENTION)).toBe(true);
    expect(a.abuseForm).toContain(HOMONYM_MASK);
    expect(mentions('we had faggots and peas')).not.toContain('sexual_orientation!');
    expect(mentions('walked along offas dyke')).not.toContain('sexual_orientation!');
  });

  it('masks group names from the abuse features but not slurs', () => {
    const a = analyse(normaliser, 'Muslims are kikes');
    expect(a.abuseForm).toEqual([GROUP_MASK, 'are', 'kikes']);
  });
});

describe('scopes', () => {
  it('negates to the end of the clause', () => {
    const a = analyse(normaliser, "I don't hate women, but men are awful");
    expect([...a.negated]).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('reports what follows a reporting verb, and reads condemnation', () => {
    const a = analyse(normaliser, 'calling gays animals is homophobic');
    expect([...a.reported]).toEqual([0, 1, 1, 1, 1]);
    expect(a.counter).toBe(true);
  });

  it('reads belief verbs as reported only when someone else holds the belief', () => {
    expect([...analyse(normaliser, 'I think women are weak').reported].every((r) => r === 0)).toBe(
      true,
    );
    expect([...analyse(normaliser, 'anyone who thinks women are weak').reported].slice(3)).toEqual([
      1, 1, 1,
    ]);
  });

  it('marks quoted words, and ignores condemnation inside the quote', () => {
    const a = analyse(normaliser, 'He wrote "jews are disgusting"');
    expect(a.tokens.map((t) => t.quoted)).toEqual([false, false, true, true, true]);
    expect(a.counter).toBe(false);
  });

  it('marks sentences with a pronoun that can point back to a group', () => {
    const a = analyse(normaliser, 'Muslims moved in. They are loud.');
    expect([...a.pronounSentence]).toEqual([0, 1]);
  });
});
