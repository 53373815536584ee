import { describe, expect, it } from 'vitest';
import { cleanName, NameBook, separatorsOf } from './sender.js';

function book(rests: string[]): NameBook {
  const names = new NameBook();
  for (const r of rests) names.add(r, separatorsOf(r));
  return names;
}

function nameOf(names: NameBook, rest: string): string | null {
  const end = names.nameEnd(rest, separatorsOf(rest));
  return end < 0 ? null : rest.slice(0, end);
}

describe('sender names', () => {
  it.each([
    ['first ": " ends the name', ['Ana: hi', 'Ana: a: b'], 'Ana: a: b', 'Ana'],
    [
      'a name with ": " when every line says so',
      ['Work: Sam: x', 'Work: Sam: y: z'],
      'Work: Sam: x',
      'Work: Sam',
    ],
    ['one line is not enough evidence', ['Work: Sam: x'], 'Work: Sam: x', 'Work'],
    ['no separator: no sender', ['You were added'], 'You were added', null],
    ['colon without a space: no sender', ['John Doe:.'], 'John Doe:.', null],
    [
      'an Android subject change with a colon',
      ['Ana changed the subject from "A" to "B: C"'],
      'Ana changed the subject from "A" to "B: C"',
      null,
    ],
    [
      'a prefix longer than a name is not one',
      [`${'x'.repeat(200)}: y`],
      `${'x'.repeat(200)}: y`,
      null,
    ],
  ])('%s', (_name, corpus, rest, expected) => {
    expect(nameOf(book(corpus), rest)).toBe(expected);
  });

  it.each([
    ['\u202A+40\u00A0521\u00A0028\u00A062\u00A018\u202C', '+40\u00A0521\u00A0028\u00A062\u00A018'],
    ['\u202A+40\u00A0521', '+40\u00A0521'],
    ['~\u202FLeo', 'Leo'],
    ['~ User name 2', 'User name 2'],
    ['~', '~'],
    ['Zoë 🦊', 'Zoë 🦊'],
  ])('cleans %j', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });
});
