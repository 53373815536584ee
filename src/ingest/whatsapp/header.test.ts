import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeHeader, parseHeader, parseHeaderWithGrammar, type RawHeader } from './header.js';
import { newByteHeader, readCommonHeaderBytes } from './header-bytes.js';
import { parseCommonHeader } from './header-fast.js';
import { skipMarks } from './marks.js';

const LRM = '\u200E';
const RLM = '\u200F';
const NNBSP = '\u202F';
const NBSP = '\u00A0';

type Expect = {
  style: RawHeader['style'];
  fields: [number, number, number];
  widths?: [number, number, number];
  time: [number, number, number];
  rest: string;
  eraPrefix?: string;
  eraSuffix?: string;
  buddhist?: boolean;
  markedLine?: boolean;
};

const HEADERS: [string, string, Expect][] = [
  [
    'Android en_GB',
    '18/03/2022, 14:56 - Dmitry S: Hello',
    {
      style: 'dash',
      fields: [18, 3, 2022],
      widths: [2, 2, 4],
      time: [14, 56, 0],
      rest: 'Dmitry S: Hello',
    },
  ],
  [
    'Android en_US 12h NNBSP',
    `1/23/23, 3:19${NNBSP}AM - User 2: Bye!`,
    { style: 'dash', fields: [1, 23, 23], time: [3, 19, 0], rest: 'User 2: Bye!' },
  ],
  [
    'Android lower-case pm',
    '7/20/22, 11:32 pm - User 2: Goodbye',
    { style: 'dash', fields: [7, 20, 22], time: [23, 32, 0], rest: 'User 2: Goodbye' },
  ],
  [
    'Android transcribed "_AM"',
    '1/23/23, 3:22_AM - User 1: And',
    { style: 'dash', fields: [1, 23, 23], time: [3, 22, 0], rest: 'User 1: And' },
  ],
  [
    'Android es "p. m." with NBSP',
    `13/03/2024, 9:15${NBSP}p.${NBSP}m. - Lucía: Hola`,
    { style: 'dash', fields: [13, 3, 2024], time: [21, 15, 0], rest: 'Lucía: Hola' },
  ],
  [
    'Android "a. m." at 00 hours',
    '06/20/2020, 00:08 a. m. - +12 345 578 created group',
    { style: 'dash', fields: [6, 20, 2020], time: [0, 8, 0], rest: '+12 345 578 created group' },
  ],
  [
    'Android 12 AM is midnight',
    '1/2/21, 12:05 AM - A: b',
    { style: 'dash', fields: [1, 2, 21], time: [0, 5, 0], rest: 'A: b' },
  ],
  [
    'Android cs, no comma, dots',
    '23.03.22 13:31 - Zprávy',
    { style: 'dash', fields: [23, 3, 22], time: [13, 31, 0], rest: 'Zprávy' },
  ],
  [
    'Android nl, dashes',
    '23-03-2022 13:31 - Dmitry S: Hello',
    { style: 'dash', fields: [23, 3, 2022], time: [13, 31, 0], rest: 'Dmitry S: Hello' },
  ],
  [
    'Android year first',
    '2019/01/30, 20:49 - Jahn Doe: Lorem',
    {
      style: 'dash',
      fields: [2019, 1, 30],
      widths: [4, 2, 2],
      time: [20, 49, 0],
      rest: 'Jahn Doe: Lorem',
    },
  ],
  [
    'Android ko',
    '2024. 3. 4. 오후 9:15 - 지민: 안녕',
    { style: 'dash', fields: [2024, 3, 4], time: [21, 15, 0], rest: '지민: 안녕' },
  ],
  [
    'Android hu',
    '2024. 03. 04. 21:15 - Anna: Szia',
    { style: 'dash', fields: [2024, 3, 4], time: [21, 15, 0], rest: 'Anna: Szia' },
  ],
  [
    'Android time first',
    '21:15, 13/03/2024 - Kim: hi',
    { style: 'dash', fields: [13, 3, 2024], time: [21, 15, 0], rest: 'Kim: hi' },
  ],
  [
    'Android Thai, Buddhist year',
    '18/3/2567 21:15 - สมชาย: hi',
    { style: 'dash', fields: [18, 3, 2567], time: [21, 15, 0], rest: 'สมชาย: hi' },
  ],
  [
    'legacy colon style',
    '18/03/2022 14:56: Bob: hi',
    { style: 'colon', fields: [18, 3, 2022], time: [14, 56, 0], rest: 'Bob: hi' },
  ],
  [
    'iOS en_US',
    '[3/27/22, 21:41:35] Dmitry S: Hello World',
    { style: 'bracket', fields: [3, 27, 22], time: [21, 41, 35], rest: 'Dmitry S: Hello World' },
  ],
  [
    'iOS marked media line',
    `${LRM}[3/27/22, 21:41:55] Dmitry S: ${LRM}image omitted`,
    {
      style: 'bracket',
      fields: [3, 27, 22],
      time: [21, 41, 55],
      rest: `Dmitry S: ${LRM}image omitted`,
      markedLine: true,
    },
  ],
  [
    'iOS 12h NNBSP',
    `[3/4/24, 9:15:07${NNBSP}PM] Ana: hi`,
    { style: 'bracket', fields: [3, 4, 24], time: [21, 15, 7], rest: 'Ana: hi' },
  ],
  [
    'iOS no comma (ja, fr, cs)',
    '[3/18/22 14:56:00] Elon Musk: x',
    { style: 'bracket', fields: [3, 18, 22], time: [14, 56, 0], rest: 'Elon Musk: x' },
  ],
  [
    'iOS id, dotted time',
    '[3/27/22 21.41.35] Dmitry S: Hello',
    { style: 'bracket', fields: [3, 27, 22], time: [21, 41, 35], rest: 'Dmitry S: Hello' },
  ],
  [
    'iOS dashes, two-digit year',
    '[15-01-20 02:22:56] Mary: Nostrud',
    { style: 'bracket', fields: [15, 1, 20], time: [2, 22, 56], rest: 'Mary: Nostrud' },
  ],
  [
    'iOS bracket, no comma, two-digit',
    '[01/20/19 11:23] John Doe:.',
    { style: 'bracket', fields: [1, 20, 19], time: [11, 23, 0], rest: 'John Doe:.' },
  ],
  [
    'iOS tilde name',
    `[1/24/21, 12:41:03 PM] ~ User name 2: Of course!`,
    { style: 'bracket', fields: [1, 24, 21], time: [12, 41, 3], rest: '~ User name 2: Of course!' },
  ],
  [
    'iOS Arabic digits and RLM',
    `[١٨${RLM}/٣${RLM}/٢٠٢٢، ٢:٥٦:٠٠${NBSP}م] سارة: x`,
    { style: 'bracket', fields: [18, 3, 2022], time: [14, 56, 0], rest: 'سارة: x' },
  ],
  [
    'iOS Arabic, RLM first, Latin digits',
    `[${RLM}18${RLM}/3${RLM}/2022، 14:56:01] Elon Musk: x`,
    { style: 'bracket', fields: [18, 3, 2022], time: [14, 56, 1], rest: 'Elon Musk: x' },
  ],
  [
    'iOS ja 12h marker first',
    '[2024/03/05 午前0:05:00] 太郎: x',
    { style: 'bracket', fields: [2024, 3, 5], time: [0, 5, 0], rest: '太郎: x' },
  ],
  [
    'iOS Japanese era prefix',
    '[R6/03/04 21:15:07] 花子: x',
    { style: 'bracket', fields: [6, 3, 4], time: [21, 15, 7], rest: '花子: x', eraPrefix: 'R' },
  ],
  [
    'iOS kanji era prefix',
    '[令和6/3/5 8:00:00] 太郎: x',
    { style: 'bracket', fields: [6, 3, 5], time: [8, 0, 0], rest: '太郎: x', eraPrefix: '令和' },
  ],
  [
    'iOS era letter after the date',
    '[3/18/4 R, 14:56:01] A: x',
    { style: 'bracket', fields: [3, 18, 4], time: [14, 56, 1], rest: 'A: x', eraSuffix: 'R' },
  ],
  [
    'iOS Buddhist "BE"',
    '[3/18/2565 BE, 14:56:01] Elon Musk: x',
    {
      style: 'bracket',
      fields: [3, 18, 2565],
      time: [14, 56, 1],
      rest: 'Elon Musk: x',
      buddhist: true,
    },
  ],
  [
    'iOS year first dotted',
    '[05.05.23, 15:48:11] James: Hi here',
    { style: 'bracket', fields: [5, 5, 23], time: [15, 48, 11], rest: 'James: Hi here' },
  ],
];

const NOT_HEADERS: [string, string][] = [
  ['plain text', 'consectetur adipiscing elit.'],
  ['a number first', '2 apples and 3 pears'],
  ['a date without time', '18/03/2022 - nothing'],
  ['no separator after the time', '18/03/2022, 14:56 Dmitry: x'],
  ['unknown time marker', '13/03/2024, 10:00 xyz - Ben: x'],
  ['minute 60', '18/03/2022, 14:60 - A: b'],
  ['hour 25', '18/03/2022, 25:00 - A: b'],
  ['unclosed bracket', '[18/03/2022, 14:56 A: b'],
  ['bracket and dash mixed', '[18/03/2022, 14:56 - A: b'],
  ['empty', ''],
  ['marks only', `${LRM}${RLM}`],
];

describe('parseHeader', () => {
  it.each(HEADERS)('%s', (_name, line, e) => {
    const h = parseHeader(line);
    expect(h).not.toBeNull();
    if (h === null) return;
    expect({
      style: h.style,
      fields: h.fields,
      time: [h.hour, h.minute, h.second],
      rest: line.slice(h.restStart),
      eraPrefix: h.eraPrefix ?? undefined,
      eraSuffix: h.eraSuffix ?? undefined,
      buddhist: h.buddhist || undefined,
      markedLine: h.markedLine || undefined,
    }).toEqual({ ...e, widths: undefined });
    if (e.widths) expect(h.widths).toEqual(e.widths);
  });

  it.each(NOT_HEADERS)('not a header: %s', (_name, line) => {
    expect(parseHeader(line)).toBeNull();
  });

  it('tells a header-shaped line it cannot read from plain text', () => {
    expect(looksLikeHeader('13/03/2024, 10:00 xyz - Ben: x')).toBe(true);
    expect(looksLikeHeader('[2/30/22, 10:00:00] Ben: x')).toBe(true);
    expect(looksLikeHeader('see you at 10:00 - ok')).toBe(false);
  });
});

describe('the fast readers agree with the grammar', () => {
  const agree = (line: string): void => {
    const grammar = parseHeaderWithGrammar(line);
    const fast = parseCommonHeader(line, skipMarks(line));
    if (fast !== undefined) expect(fast).toEqual(grammar);
    const bytes = Buffer.from(line, 'utf8');
    const into = newByteHeader();
    if (readCommonHeaderBytes(bytes, 0, bytes.length, into)) {
      expect(grammar).not.toBeNull();
      if (grammar === null) return;
      expect(into.style).toBe(grammar.style);
      expect(into.fields).toEqual(grammar.fields);
      expect(into.widths).toEqual(grammar.widths);
      expect([into.hour, into.minute, into.second, into.markedLine]).toEqual([
        grammar.hour,
        grammar.minute,
        grammar.second,
        grammar.markedLine,
      ]);
      expect(bytes.toString('utf8', into.restStart)).toBe(line.slice(grammar.restStart));
      expect(into.units).toBe(grammar.restStart);
    }
  };

  it.each([...HEADERS.map(([, l]) => l), ...NOT_HEADERS.map(([, l]) => l)])('%s', agree);

  it('property: on generated header-like lines', () => {
    const digits = (max: number) => fc.integer({ min: 0, max }).map(String);
    const line = fc
      .tuple(
        fc.constantFrom('', '[', `${LRM}[`, LRM),
        digits(9999),
        fc.constantFrom('/', '.', '-', '/ '),
        digits(99),
        digits(9999),
        fc.constantFrom(', ', ' ', ',', '، '),
        digits(30),
        fc.constantFrom(':', '.'),
        fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
        fc.constantFrom('', ':07', '.59', ':7'),
        fc.constantFrom('', ' AM', ' pm', `${NNBSP}PM`, ' a. m.', `${NBSP}am`, 'AM'),
        fc.constantFrom('] ', ']', ' - ', ': ', '] - ', ' -', ''),
        fc.constantFrom('Ana: hi', '', '- x', ' Bob: x'),
      )
      .map(([open, d1, sep, d2, d3, join, h, ts, mi, s, mer, end, rest]) =>
        [open, d1, sep, d2, sep, d3, join, h, ts, mi, s, mer, end, rest].join(''),
      );
    fc.assert(
      fc.property(line, (l) => agree(l)),
      { numRuns: 2000 },
    );
  });
});
