import { describe, expect, it } from 'vitest';
import { IDENTITY_CATEGORIES } from '../../domain/index.js';
import { analyse, NO_MENTION } from './analyse.js';
import { Normaliser, Vocabulary } from './text/normalise.js';

const normaliser = new Normaliser(new Vocabulary(['i', 'the', 'is', 'are', 'to', 'say']));

function mentions(text: string, version: 1 | 2): string[] {
  const a = analyse(normaliser, text, version);
  return a.tokens.map((_, i) => {
    const k = a.mention[i] ?? NO_MENTION;
    return k === NO_MENTION ? '-' : (IDENTITY_CATEGORIES[k] ?? '?');
  });
}

const counter = (text: string, version: 1 | 2): boolean =>
  analyse(normaliser, text, version).counter;

describe('version-2 analysis rules', () => {
  it('reads a gendered insult at one person as no group mention, unless women are named', () => {
    expect(mentions('shut up you stupid bitch', 1)).toContain('sex');
    expect(mentions('shut up you stupid bitch', 2)).not.toContain('sex');
    expect(mentions('bitches are all the same', 2)[0]).toBe('sex');
    expect(
      mentions('women are all the same, every bitch', 2).filter((m) => m === 'sex'),
    ).toHaveLength(2);
  });

  it('reads "people with disabilities" as a group', () => {
    expect(mentions('people with disabilities are scum', 1)).not.toContain('disability');
    expect(mentions('people with disabilities are scum', 2)[2]).toBe('disability');
    expect(mentions('someone with a disability', 2)[3]).toBe('disability');
  });

  it('treats a negated approval of a quote as counter-speech', () => {
    const text = '"I hate Muslims" is not acceptable at work';
    expect(counter(text, 1)).toBe(false);
    expect(counter(text, 2)).toBe(true);
  });

  it('reads a view attributed through "who says" as distanced, unless endorsed', () => {
    expect(counter('people who say Muslims are scum need to grow up', 2)).toBe(true);
    expect(counter('people who say Muslims are scum are right', 2)).toBe(false);
  });

  it('needs something quoted or reported before a cue counts as condemnation', () => {
    expect(counter('Muslims are disgusting', 1)).toBe(true);
    expect(counter('Muslims are disgusting', 2)).toBe(false);
    expect(counter('saying "Muslims are vermin" is disgusting', 2)).toBe(true);
  });
});
